"""Persons the NER model types as organizations or places (issue 19, session 16): re-typed PERSON when two
signals say person, with the real spaCy model, name lexicon and vault. The names here are in none of the
evaluation corpora."""

from __future__ import annotations

import re

import pytest
from presidio_analyzer import RecognizerResult

from anonymize.detector import PiiDetector
from anonymize.name_lexicon import NameLexicon
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.retyped_persons import retype_persons
from anonymize.vault import Vault

MEMO = (
    "STAFF NEWS, Cardiff office\n\n"
    "Congratulations to Efa ap Rhydderch and Owain ap Llywelyn on their wedding; the lot for the car park is "
    "drawn by Dr. Szentgyörgyi Ákos and Fekete-Varga Enikő.\n\n"
    "Our safety video, starring Nkechi, is on the intranet. The Washington office and the Santa Clara site "
    "stay open over the holidays; invoices from Kestrel Freight Ltd go to accounts."
)


def test_a_memo_whose_people_the_model_types_as_organizations_or_places_end_to_end(
    detector: PiiDetector, vault: Vault
) -> None:
    """The insider's case: the model types "Rhydderch", "Owain", "Fekete-Varga Enikő" and "Nkechi" as
    organizations or places, which are not pseudonymized by default. Stored, none is in clear; erasure finds
    each in the vault; a question naming them is pseudonymized; the places and the company stay readable."""
    raw = detector.analyzer.analyze(MEMO, language="en")
    typed = {MEMO[r.start : r.end]: r.entity_type for r in raw if r.entity_type != "PERSON"}
    assert typed.get("Owain") == "ORGANIZATION" and typed.get("Nkechi") == "ORGANIZATION", typed
    assert typed.get("Fekete-Varga Enikő") == "ORGANIZATION", typed  # what the test is about
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = pseudo.run([MEMO])[0].text
    words = set(re.findall(r"[\w-]+", stored))
    for name in ("Efa", "Rhydderch", "Owain", "Llywelyn", "Fekete-Varga", "Enikő", "Nkechi"):
        assert name not in words, stored
    for value in ("Efa ap Rhydderch", "Owain ap Llywelyn", "Fekete-Varga Enikő", "Nkechi"):
        assert vault.lookup_value(value, "PERSON"), value  # what `privrag erase --value` finds
    for kept in ("Cardiff", "Washington office", "Santa Clara site", "Kestrel Freight Ltd", "starring"):
        assert kept in stored, stored
    question = pseudo.run(
        ["When is Owain ap Llywelyn back from leave, and did Fekete-Varga Enikő draw the lot?"], store=False
    )[0].text
    assert "Llywelyn" not in question and "Fekete-Varga" not in question and "Enikő" not in question, question


def _model(entity_type: str, text: str, value: str) -> RecognizerResult:
    start = text.index(value)
    return RecognizerResult(
        entity_type,
        start,
        start + len(value),
        0.85,
        recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: "SpacyRecognizer"},
    )


def _retyped(text: str, results: list[RecognizerResult], lexicon: NameLexicon) -> list[tuple[str, str]]:
    return [(text[r.start : r.end], r.entity_type) for r in retype_persons(text, results, lexicon)]


@pytest.mark.parametrize(
    ("text", "value", "entity_type", "expected"),
    [
        ("Unlike the van Oostergijn novel, it is short.", "van Oostergijn", "ORGANIZATION", "van Oostergijn"),
        ("A song by ex-Zombie McKinstry, a classic.", "ex-Zombie McKinstry", "ORGANIZATION", "McKinstry"),
        ("He broke Ruben Castellano 's record.", "Ruben Castellano 's", "ORGANIZATION", "Ruben Castellano"),
        ("Meet Bronwen ap Iorwerth, our analyst.", "Iorwerth", "LOCATION", "Bronwen ap Iorwerth"),
        ("Ilse spent a year at the Ghent depot.", "Ilse", "ORGANIZATION", "Ilse"),
        ("Liner notes by ex-Bluebell McTavish.", "McTavish", "ORGANIZATION", "McTavish"),
        (
            "Attendees: Radka Hrubešová (Slovakia), Tomás Ibarra (Chile).",
            "Radka Hrubešová",
            "LOCATION",
            "Radka Hrubešová",
        ),
    ],
)
def test_two_signals_make_a_person(
    text: str, value: str, entity_type: str, expected: str, lexicon: NameLexicon
) -> None:
    assert (expected, "PERSON") in _retyped(text, [_model(entity_type, text, value)], lexicon)


@pytest.mark.parametrize(
    ("text", "value", "entity_type"),
    [
        ("Santa Clara said on Monday that it will hire.", "Santa Clara", "LOCATION"),
        ("A U.N. official in Washington said the talks failed.", "Washington", "LOCATION"),
        ("Deals with Morgan Stanley dominated the quarter.", "Morgan Stanley", "ORGANIZATION"),
        ("She told the Jordan account team.", "Jordan", "LOCATION"),
        ("Invoices go to Brambilla Logistica Srl by Friday.", "Brambilla Logistica", "ORGANIZATION"),
        ("Our Q3 numbers, starring Pirelli, were good; pirelli tyres sold.", "Pirelli", "ORGANIZATION"),
        ("Early Mikaelsen is the best.", "Mikaelsen", "LOCATION"),  # one signal: the lexicon alone
        # Nationalities, religions and groups stay what the model read.
        ("The Brazilian striker ran the midfield.", "Brazilian", "NRP"),
        ("Said the Albanian and the Kosovar coach.", "Albanian", "NRP"),
        ("Buddhist and Hindu festivals close the office.", "Buddhist", "NRP"),
        ("Cards are with the Tamils in accounts.", "Tamils", "NRP"),
    ],
)
def test_organizations_and_places_stay(text: str, value: str, entity_type: str, lexicon: NameLexicon) -> None:
    assert _retyped(text, [_model(entity_type, text, value)], lexicon) == [(value, entity_type)]


def test_a_member_of_a_pair_with_a_found_person(lexicon: NameLexicon) -> None:
    """A found person in the same "X and Y" is a second signal for a lexicon name the model calls a place."""
    text = "Sjöberg and Castellanos were precision engineers."
    person = RecognizerResult("PERSON", 0, 7, 0.9)
    found = _retyped(text, [person, _model("LOCATION", text, "Castellanos")], lexicon)
    assert ("Castellanos", "PERSON") in found


def test_a_given_name_read_as_a_nationality(lexicon: NameLexicon) -> None:
    """The model reads a given name as a nationality or group (NRP, not pseudonymized: "Hamish" in "Hamish and
    Ruaridh taught me"); with a found person in the same "X and Y" it is a person, as for a place."""
    text = "Ruaridh and Hamish taught me everything about trucks."
    person = RecognizerResult("PERSON", 0, 7, 0.9)
    assert ("Hamish", "PERSON") in _retyped(text, [person, _model("NRP", text, "Hamish")], lexicon)
