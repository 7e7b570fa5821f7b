"""Person-shaped spans that end in a company's word are organizations (``anonymize.company_names``)."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from anonymize import name_lexicon
from anonymize.company_names import company_named, persons_as_organizations


def _types(text: str, *values: str) -> list[tuple[str, str]]:
    results = [RecognizerResult("PERSON", text.index(v), text.index(v) + len(v), 0.85) for v in values]
    return [
        (r.entity_type, text[r.start : r.end])
        for r in persons_as_organizations(text, results, name_lexicon.load())
    ]


def test_company_club_and_party_names_are_organizations() -> None:
    text = (
        "Senior Engineer, Maji Bora Consulting, Nairobi. Glenmorven Shinty Club met the Khmer Nation Party."
    )
    assert _types(text, "Maji Bora Consulting", "Glenmorven Shinty Club", "Khmer Nation Party") == [
        ("ORGANIZATION", "Maji Bora Consulting"),
        ("ORGANIZATION", "Glenmorven Shinty Club"),
        ("ORGANIZATION", "Khmer Nation Party"),
    ]


def test_people_whose_surname_is_such_a_word_stay_persons() -> None:
    text = "David Steel spoke, then Samantha Power; Rehema Okafor came alone."
    assert _types(text, "David Steel", "Samantha Power", "Rehema Okafor") == [
        ("PERSON", "David Steel"),
        ("PERSON", "Samantha Power"),
        ("PERSON", "Rehema Okafor"),
    ]


def test_an_organization_ending_in_a_company_word_keeps_its_words() -> None:
    """Detector 31: the other mentions of a person's name do not take the words of such an organization
    ("andrea ferreira ... (ferreira logistics)")."""
    text = "call w/ andrea (ferreira logistics). Maji Bora Consulting. Ferreira said"
    org = RecognizerResult("ORGANIZATION", text.index("ferreira"), text.index(")"), 0.85)
    assert company_named(text, org)
    one_word = RecognizerResult("ORGANIZATION", text.index("Ferreira"), text.index(" said"), 0.85)
    assert not company_named(text, one_word)


def test_a_person_span_followed_by_a_company_word_is_that_organization() -> None:
    """``en_core_web_md`` reads "Maji Bora" of "Maji Bora Consulting" as a person and leaves the company's
    word out; the span grows over it. In lower case only after a lower-case name; a sentence's full stop,
    a line break or a company word in the other case keeps the person."""
    text = (
        "Senior Engineer, Maji Bora Consulting, Nairobi. call w/ andrea (ferreira logistics).\n"
        "Ask Rehema Okafor. Services resume Monday. Nia Mensah\nPartners: none. Ama Owusu group chat"
    )
    assert _types(text, "Maji Bora", "ferreira", "Rehema Okafor", "Nia Mensah", "Ama Owusu") == [
        ("ORGANIZATION", "Maji Bora Consulting"),
        ("ORGANIZATION", "ferreira logistics"),
        ("PERSON", "Rehema Okafor"),
        ("PERSON", "Nia Mensah"),
        ("PERSON", "Ama Owusu"),
    ]
    assert _types("Work at Kimani Holdings Ltd.", "Kimani") == [("ORGANIZATION", "Kimani Holdings")]


def test_a_person_before_a_partners_form_is_the_company() -> None:
    """Session 17: "H. J. Wilson" read as a person before "& Company" is the company."""
    text = "Natasha Barros\nH. J. Wilson & Company\nDombey and Sons"
    assert _types(text, "Natasha Barros", "H. J. Wilson", "Dombey") == [
        ("PERSON", "Natasha Barros"),
        ("ORGANIZATION", "H. J. Wilson & Company"),
        ("ORGANIZATION", "Dombey and Sons"),
    ]
