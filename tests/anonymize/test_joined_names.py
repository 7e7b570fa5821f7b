"""An NER person over a connecting word is cut there (``anonymize.joined_names``), on hand-made results."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from anonymize.detector_config import DetectorConfig
from anonymize.joined_names import joining_words, split_joined_names
from anonymize.name_lexicon import NameLexicon
from anonymize.resolve import joined_names, resolve
from tests.anonymize.results_at import result_at


def persons(text: str, results: list[RecognizerResult], lexicon: NameLexicon) -> list[tuple[str, str]]:
    out = split_joined_names(text, results, lexicon)
    return sorted((r.entity_type, text[r.start : r.end]) for r in out)


SIGNATURE = "Signed: Lena Fischer Signed for Northwind: Aiko Tanaka"


@pytest.mark.parametrize("ner", ["Lena Fischer Signed for", "Lena Fischer Signed for Northwind"])
def test_the_signature_line_keeps_the_name_and_leaves_the_company(ner: str, lexicon: NameLexicon) -> None:
    """The sample's scanned contract: the model's person "Lena Fischer Signed for" (grown later over the
    rare word "Northwind") is cut at "for"; "Signed" goes at the piece's edge and "Northwind" has no name's
    evidence. The name recognizer's "Lena Fischer Signed" on the same line loses "Signed" too."""
    results = [
        result_at(SIGNATURE, ner),
        result_at(SIGNATURE, "Lena Fischer Signed", recognizer="NameEvidenceRecognizer"),
        result_at(SIGNATURE, "Aiko Tanaka", recognizer="NameEvidenceRecognizer"),
    ]
    assert persons(SIGNATURE, results, lexicon) == [
        ("PERSON", "Aiko Tanaka"),
        ("PERSON", "Lena Fischer"),
        ("PERSON", "Lena Fischer"),
    ]


@pytest.mark.parametrize(
    ("text", "joined", "parts"),
    [
        ("James and Hogan went home .", "James and Hogan", ["Hogan", "James"]),
        ("Wang Yu said Mai to Jerry : pay up", "Mai to Jerry", ["Jerry", "Mai"]),
        ("R. Mahanama b McGrath 22", "R. Mahanama b McGrath", ["McGrath", "R. Mahanama"]),  # an initial
        ("Thanks , Marta and Northwind", "Marta and Northwind", ["Marta"]),  # no name's evidence
        ("with Dr. Oduya and Brankovic", "Oduya and Brankovic", ["Brankovic", "Oduya"]),  # a title
    ],
)
def test_two_people_joined_by_a_word_are_two_names(
    text: str, joined: str, parts: list[str], lexicon: NameLexicon
) -> None:
    assert persons(text, [result_at(text, joined)], lexicon) == [("PERSON", p) for p in parts]


def test_another_detected_person_is_evidence(lexicon: NameLexicon) -> None:
    """ "Kaluwitharana" is no name of the lexicon, but the card names him elsewhere."""
    text = "D. Lehmann st Kaluwitharana b Chandana 2\nJ. Gillespie st Kaluwitharana 6"
    results = [
        result_at(text, "Kaluwitharana", recognizer="NameEvidenceRecognizer"),
        result_at(text, "J. Gillespie st Kaluwitharana"),
    ]
    assert ("PERSON", "Kaluwitharana") in persons(text, results, lexicon)[1:]
    assert len(persons(text, results, lexicon)) == 3


@pytest.mark.parametrize(
    "name",
    [
        "Pieter van der Berg",
        "José Luis de la Cruz",
        "Hamid bin Rashid",
        "Nurul Izzah binti Hassan",
        "Rami al-Saadani",
        "Kengo wa Dondo",
        "Carlos Eduardo dos Santos",
        "Maria do Carmo",
        "Pau Gasol i Sáez",
        "Friedrich von Albrecht",
        "Marieke ter Horst",
        "Martin Luther King jr",
        'Roberto " Hands of Stone " Duran',  # a nickname in quotes
    ],
)
def test_particles_suffixes_and_nicknames_stay_in_the_name(name: str, lexicon: NameLexicon) -> None:
    text = f"Minutes taken by {name} on Monday."
    result = result_at(text, name)
    assert joining_words(text, result, lexicon) == []
    assert split_joined_names(text, [result], lexicon) == [result]


def test_a_name_typed_in_lower_case_is_left_alone(lexicon: NameLexicon) -> None:
    """A chat typed in lower case has no capitals to tell a name's words from others: no cut."""
    text = "ok so marek and tomas closed it"
    assert joining_words(text, result_at(text, "marek and tomas"), lexicon) == []


def test_other_types_and_other_recognizers_are_not_cut(lexicon: NameLexicon) -> None:
    text = "Barnes and Noble sold it to Ann and Bo"
    results = [
        result_at(text, "Barnes and Noble", "ORGANIZATION"),
        result_at(text, "Ann and Bo", recognizer="NameListMember"),
    ]
    assert split_joined_names(text, results, lexicon) == results


def test_a_truecased_text_is_not_cut(lexicon: NameLexicon) -> None:
    """A text typed in lower case is read with the capitals truecasing put on the words it took for names:
    a lower-case word there ("k" of "lena k") may be a name's word truecasing did not know."""
    text = "pls ask Lena k about the invoice"  # as truecased from "pls ask lena k about the invoice"
    results = [result_at(text, "Lena k")]
    config = DetectorConfig()
    assert resolve(text, results, config, [joined_names], lexicon, truecased=True) == results
    cut = resolve(text, results, config, [joined_names], lexicon)
    assert [text[r.start : r.end] for r in cut] == ["Lena"]


def test_a_cited_author_stays_a_name(lexicon: NameLexicon) -> None:
    text = "as reported by Verhaak et al. in 2010"
    assert persons(text, [result_at(text, "Verhaak et al.")], lexicon) == [("PERSON", "Verhaak")]


@pytest.mark.parametrize("surname", ["Little", "Strong", "Major"])
def test_a_surname_that_is_an_english_word_stays_at_the_cut(surname: str, lexicon: NameLexicon) -> None:
    """Only words no one bears as a name go at a piece's edge: a leaked surname is the worse failure."""
    text = f"Minutes by Jane {surname} and Tomasz Wielgosz"
    found = persons(text, [result_at(text, f"Jane {surname} and Tomasz Wielgosz")], lexicon)
    assert found == [("PERSON", f"Jane {surname}"), ("PERSON", "Tomasz Wielgosz")]


@pytest.mark.parametrize(
    ("first", "second"), [("Alan Greenspan", "Robert Rubin"), ("Peter Such", "Tom Hart")]
)
def test_a_surname_english_text_knows_stays_at_the_cut(first: str, second: str, lexicon: NameLexicon) -> None:
    """wordfreq knows "Greenspan" from the texts that name him, and "Such" is a stop word: both stay."""
    text = f"Talks between {first} and {second} ended."
    found = persons(text, [result_at(text, f"{first} and {second}")], lexicon)
    assert found == sorted([("PERSON", first), ("PERSON", second)])
