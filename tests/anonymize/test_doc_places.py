"""A word the document names a place or a company with elsewhere is no person (``anonymize.doc_places``)."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from anonymize.doc_places import drop_document_places, non_person_words
from anonymize.header_columns import not_name_cells
from tests.anonymize.results_at import result_at


def _result(text: str, entity_type: str, value: str, recognizer: str, nth: int = 0) -> RecognizerResult:
    return result_at(text, value, entity_type, recognizer, nth)


def _persons(text: str, results: list[RecognizerResult]) -> list[str]:
    kept = drop_document_places(text, results, not_name_cells(text))
    return [text[r.start : r.end] for r in kept if r.entity_type == "PERSON"]


def test_the_town_of_an_address_is_no_person_elsewhere() -> None:
    text = "ul. Gronostajowa 2, 30-387 Kraków\n\nKraków, 10 November 2025\n\nDear Dr. Ewa Zielińska-Mróz,"
    address = _result(text, "STREET_ADDRESS", "ul. Gronostajowa 2, 30-387 Kraków", "AddressBlockRecognizer")
    city = _result(text, "PERSON", "Kraków", "SpacyRecognizer", nth=1)
    person = _result(text, "PERSON", "Ewa Zielińska-Mróz", "SpacyRecognizer")
    assert non_person_words(text, [address, city, person], not_name_cells(text)) == ({"Kraków"}, set())
    assert _persons(text, [address, city, person]) == ["Ewa Zielińska-Mróz"]


def test_the_head_of_a_company_name_is_no_person_in_its_short_mentions() -> None:
    text = 'Parties: Linnea Robotics GmbH ("Linnea") and Ida Marstrander.\nLinnea: Torleif Hagebakken (CEO)'
    short = _result(text, "PERSON", "Linnea", "NamePropagation", nth=1)
    label = _result(text, "PERSON", "Linnea", "SpeakerLabelRecognizer", nth=2)
    names = ("Ida Marstrander", "Torleif Hagebakken")
    people = [_result(text, "PERSON", v, "SpacyRecognizer") for v in names]
    assert _persons(text, [short, label, *people]) == ["Ida Marstrander", "Torleif Hagebakken"]


def test_the_companys_own_name_read_as_a_persons_vouches_for_no_word() -> None:
    """Session 23: outside technical text the lexicon's "Linnea Robotics" (before "GmbH") is a PERSON
    result when the places are dropped; it is the company's name, not a longer person's name that keeps
    "Linnea" a person. A person named elsewhere in full keeps the word ("Linnea Berg")."""
    text = 'Parties: Linnea Robotics GmbH ("Linnea") and Ida Marstrander.\nLinnea: Torleif Hagebakken (CEO)'
    company = _result(text, "PERSON", "Linnea Robotics", "NameEvidenceRecognizer")
    short = _result(text, "PERSON", "Linnea", "NamePropagation", nth=1)
    label = _result(text, "PERSON", "Linnea", "SpeakerLabelRecognizer", nth=2)
    assert _persons(text, [company, short, label]) == ["Linnea Robotics"]
    signed = text + "\nSigned: Linnea Berg"
    person = _result(signed, "PERSON", "Linnea Berg", "SpacyRecognizer")
    label = _result(signed, "PERSON", "Linnea", "SpeakerLabelRecognizer", nth=2)
    assert _persons(signed, [label, person]) == ["Linnea", "Linnea Berg"]


def test_a_person_who_bears_the_name_keeps_it() -> None:
    """The word is part of a longer person's name in the document, or follows an honorific: the person wins
    (fail safe: a name in clear is worse than a company pseudonymized)."""
    text = "Lisbeth Consulting Ltd. sent the invoice. Lisbeth said it was paid; Lisbeth Aronsen agreed."
    results = [
        _result(text, "PERSON", "Lisbeth", "NamePropagation", nth=1),
        _result(text, "PERSON", "Lisbeth Aronsen", "SpacyRecognizer"),
    ]
    assert _persons(text, results) == ["Lisbeth", "Lisbeth Aronsen"]
    text = "Ruch SA shares fell. Dr. Ruch resigned."
    doctor = _result(text, "PERSON", "Ruch", "NameCueRecognizer", nth=1)
    assert _persons(text, [doctor]) == ["Ruch"]


def test_a_place_known_from_the_ner_model_alone_yields_to_a_person_cue() -> None:
    """The NER model's place in a place's slot ("in Jordan 's film") is weaker evidence: a cue of a person
    ("Jordan said") keeps the name; without one, the other mentions are no person."""
    text = 'He plays the lead in Jordan \'s film . " It was hard , " Jordan said .'
    place = _result(text, "LOCATION", "Jordan", "SpacyRecognizer")
    cue = _result(text, "PERSON", "Jordan", "NameCueRecognizer", nth=1)
    assert non_person_words(text, [place, cue], not_name_cells(text)) == (set(), {"Jordan"})
    assert _persons(text, [place, cue]) == ["Jordan"]
    text = "The depot moved to offices in Umerkot last year. Umerkot has a new clinic."
    place = _result(text, "LOCATION", "Umerkot", "SpacyRecognizer")
    other = _result(text, "PERSON", "Umerkot", "SpacyRecognizer", nth=1)
    assert _persons(text, [place, other]) == []


def test_a_score_card_read_as_an_address_gives_no_town() -> None:
    text = "Top scorers: W. Athey 9, T. Kowalski 8, V. Drakes 7"
    card = _result(text, "STREET_ADDRESS", "9, T. Kowalski 8, V. Drakes", "AddressBlockRecognizer")
    assert non_person_words(text, [card], not_name_cells(text)) == (set(), set())
