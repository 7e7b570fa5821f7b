"""Terms of address no list holds, told by the document (``anonymize.document_titles``, session 27); names
in none of the evaluation corpora."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from anonymize.detector import PiiDetector
from anonymize.document_titles import given_titles, lower_titles
from anonymize.name_lexicon import NameLexicon


def persons(detector: PiiDetector, text: str) -> list[str]:
    (results,) = detector.analyze([text])
    return [text[r.start : r.end] for r in results if r.entity_type == "PERSON"]


def titles(text: str, lexicon: NameLexicon, found: tuple[str, ...] = ()) -> frozenset[str]:
    results = [RecognizerResult("PERSON", text.index(p), text.index(p) + len(p), 0.85) for p in found]
    return lower_titles(text, results, lexicon)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Sundanese, Indonesian, Ewe, Tagalog terms of address in lower case before two different names
        ("kang Dedi, punten, the printer is jammed. ask kang Hendra.", {"kang"}),
        ("teh Rina sent it; teh Wulan checked it; bu Sari signed.", {"teh"}),
        ("efo Selorm and efo Kwame will bring the drums.", {"efo"}),
        ("NO Selasi Kpodo is in charge today; NO Kpodo asked SN Amewu to stay.", {"no"}),  # a rank's letters
        ("NOTICE TO NO Kpodo AND NO Amewu", set()),  # a line in capitals
        ("tanya cik Aminah atau cik Rosnah di kaunter.", {"cik"}),
        ("Pinabili ni ate Liza at ate Joy ang tinapay.", set()),  # "ate": an English word, left
        # one name only, particles, stop words and frequent English words are no titles
        ("kang Dedi said kang Dedi would come.", set()),
        ("Pieter van Rooyen and Anneke van Dijk", set()),
        ("Siti binti Ahmad and Nur binti Hassan", set()),
        ("Lopez vs Garcia and Smith vs Jones", set()),
        ("sent to Maria and to Ahmed", set()),
        ("met with Maria, then with Ahmed", set()),
        # capitalized words are a roster's surnames or a name's first word: never counted
        ("Nguyen Van Thanh and Nguyen Thi Hoa attended; LI Wei and LI Na too.", set()),
    ],
)
def test_a_lower_case_word_before_different_names(
    text: str, expected: set[str], lexicon: NameLexicon
) -> None:
    assert titles(text, lexicon) == expected


def test_the_titles_are_cut_from_the_names(detector: PiiDetector) -> None:
    text = (
        "2026-05-02 09:14 yanti: kang Dedi, the POS froze again. bu Ratih says kang Hendra fixed it.\n"
        "2026-05-02 09:20 dedi: ok, will call kang Hendra after lunch."
    )
    found = persons(detector, text)
    assert not any(v.casefold().startswith("kang ") for v in found), found
    assert "Dedi" in found and "Hendra" in found


def test_a_transcripts_answer_label_and_a_role_written_as_a_noun(detector: PiiDetector) -> None:
    text = (
        "Also present: the court interpreter (sworn).\n"
        "  Q. Who signed the lease?\n"
        "  A. Marguerite Okonjo signed it.\n"
        "  Q. Anyone else?\n"
        "  A. Bartholomew Adeyemi, her cousin.\n"
        "  (Interpreter Vasquez-Lindqvist confirms the reading.)"
    )
    found = persons(detector, text)
    assert "Marguerite Okonjo" in found and "Bartholomew Adeyemi" in found
    assert "Vasquez-Lindqvist" in found
    assert not any(v.startswith(("A.", "Interpreter")) for v in found), found


def test_names_that_start_with_a_capitalized_word_stay_whole(detector: PiiDetector) -> None:
    """A Korean surname before the given name is an English word too ("park"), and "A." without "Q." lines
    is an initial."""
    text = (
        "Park Ji-sung walked through the park. Song Hye-kyo sang a song.\nA. Okonjo and B. Adeyemi signed.\n"
        'Reviewer: an.nguyen@example.vn. Row 17 has "Nguyen Thi Hoa" in it. On Monday, Chance '
        "Abernathy-Oduya wrote: no chance."
    )
    found = persons(detector, text)
    assert "Park Ji-sung" in found and "Song Hye-kyo" in found
    assert "A. Okonjo" in found
    assert "Nguyen Thi Hoa" in found and "Chance Abernathy-Oduya" in found, found


def capitalized(text: str, lexicon: NameLexicon, found: tuple[str, ...]) -> frozenset[str]:
    results = []
    for p in found:
        start = text.index(p, results[-1].end if results and p in text[results[-1].end :] else 0)
        results.append(RecognizerResult("PERSON", start, start + len(p), 0.85))
    return given_titles(text, sorted(results, key=lambda r: r.start), lexicon)


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        # a kinship title of another language before two different names, one of them a given name the
        # document writes in a full name elsewhere (Hawaiian, Welsh, Igbo, Samoan, Tetum)
        (
            "Tūtū Leilani made the lei; Tūtū Kainoa drove. Contact: Leilani Kahale, 808 555 0142.",
            ("Tūtū Leilani", "Tūtū Kainoa", "Leilani Kahale"),
            {"tūtū"},
        ),
        (
            "Nain Gwenda sends her love and Nain Eirlys too. Gwenda Pritchard, Porthmadog.",
            ("Nain Gwenda", "Nain Eirlys", "Gwenda Pritchard"),
            {"nain"},
        ),
        (
            "Nne Adaeze will cook; Nne Chinwe brings chairs. Treasurer: Adaeze Okoro.",
            ("Nne Adaeze", "Nne Chinwe", "Adaeze Okoro"),
            {"nne"},
        ),
        (
            "Tinā Malia and Tinā Sefo thank you. Malia Tuiasosopo, secretary.",
            ("Tinā Malia", "Tinā Sefo", "Malia Tuiasosopo"),
            {"tinā"},
        ),
        # a name's first word before two names: no full name starts with the second word elsewhere
        ("Siti Aminah and Siti Rahmah signed.", ("Siti Aminah", "Siti Rahmah"), set()),
        ("Nguyen Thi Hoa and Nguyen Van An came.", ("Nguyen Thi Hoa", "Nguyen Van An"), set()),
        # a given name before one name only, whatever the other full names ("Ji-woo Kim" and "Kim Min-jun")
        (
            "Ji-woo Kim met Kim Min-jun and Kenji Tanaka met Tanaka Hiroshi.",
            ("Ji-woo Kim", "Kim Min-jun", "Kenji Tanaka", "Tanaka Hiroshi"),
            set(),
        ),
        # an English given name before two surnames that are given names too
        (
            "Sarah Thomas, Sarah James, Thomas Müller and James Okafor.",
            ("Sarah Thomas", "Sarah James", "Thomas Müller", "James Okafor"),
            set(),
        ),
        # a surname written first before a given name and an initial (Hungarian): no title
        (
            "Panel: Tóth Gergely, dr. Horváth Anna, Andreea Ionescu.\nHorváth A.: good.\nA. Ionescu: hire.",
            ("Tóth Gergely", "Horváth Anna", "Andreea Ionescu", "Horváth A.", "A. Ionescu"),
            set(),
        ),
        # the word is a name's inner word elsewhere: a surname, not a title
        (
            "Lwazi Dube and Dube Sipho, Dube Thandi; Sipho Ndlovu.",
            ("Lwazi Dube", "Dube Sipho", "Dube Thandi", "Sipho Ndlovu"),
            set(),
        ),
    ],
)
def test_a_capitalized_word_before_different_names(
    text: str, found: tuple[str, ...], expected: set[str], lexicon: NameLexicon
) -> None:
    assert capitalized(text, lexicon, found) == expected


def test_a_capitalized_title_is_cut_from_the_names(detector: PiiDetector) -> None:
    text = (
        "Guest book\n"
        "Tūtū Leilani, we will miss your singing. — the Akana family\n"
        "Tūtū Kainoa will bring the flowers on Saturday.\n"
        "Contact for the service: Leilani Kahale, phone 808 555 0142."
    )
    found = persons(detector, text)
    assert not any(v.startswith("Tūtū") for v in found), found
    assert "Leilani" in found and "Kainoa" in found, found
