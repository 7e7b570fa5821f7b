"""Places by their cue words and inside the names of bridges, clubs, universities, streets."""

from __future__ import annotations

import pytest

from anonymize import name_lexicon
from anonymize.detector import DetectorConfig, PiiDetector
from anonymize.recognizers.places import CapitalsPlaceRecognizer, PlaceInNameRecognizer
from tests.anonymize.recognizers.common import builtin, spans


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Mr. White is a 55 year old man who grew up in OSLO.", ["OSLO"]),
        ("We moved here from Martna", ["Martna"]),
        ("I am in Catanduva for a business trip", ["Catanduva"]),
        ("She lives in the city; born in 1990.", []),
    ],
)
def test_place_cues(text: str, places: list[str]) -> None:
    assert spans(builtin("PlaceCueRecognizer"), text, "LOCATION") == places


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Fartouna bridge is falling down.", ["Fartouna"]),
        ("Where: Albany Country Club.", ["Albany"]),
        ("She studied at the University of Limassol.", ["Limassol"]),
        ("The title refers to Viva Crescent Street which runs north.", ["Viva Crescent Street"]),
        ("He lives at 12 Main Street.", []),  # with a number: a street address, another recognizer's
        ("The Supreme Court ruled. The Hard Drive failed. A bridge too far. The University of the Arts.", []),
    ],
)
def test_places_inside_the_names_of_bridges_clubs_universities_and_streets(
    text: str, places: list[str]
) -> None:
    assert spans(PlaceInNameRecognizer(), text, "LOCATION") == places


def test_a_place_in_a_name_beats_the_models_person() -> None:
    detector = PiiDetector(DetectorConfig())
    text = "Fartouna bridge is falling down."
    assert [(r.entity_type, text[r.start : r.end]) for r in detector.analyze([text])[0]] == [
        ("LOCATION", "Fartouna")
    ]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Monaco was super fun to visit!", ["Monaco"]),
        ("He's injured, back from Burkina Faso and the MALDIVES.", ["Burkina Faso", "MALDIVES"]),
        # A name that holds a country's name, a word of a longer name, lower case: no country.
        ("Jordan Price and Georgia Bell met Ms Chad there.", []),
        ("the turkey was dry", []),
    ],
)
def test_country_names(text: str, places: list[str]) -> None:
    assert spans(builtin("CountryNameRecognizer"), text, "LOCATION") == places


def test_a_country_the_model_reads_as_a_person_is_left_to_the_name_rules() -> None:
    """Detector 32: "Jordan said" stays a person, "Jordan Price" stays whole, a country alone is a place."""
    detector = PiiDetector(DetectorConfig())
    text = "Jordan Price said the Paraguay trip is off. Georgia Bell agreed."
    found = {(text[r.start : r.end], r.entity_type) for r in detector.analyze([text])[0]}
    assert {("Jordan Price", "PERSON"), ("Georgia Bell", "PERSON"), ("Paraguay", "LOCATION")} <= found, found


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("SOCCER - ISRAEL BEAT BULGARIA IN QUALIFIER .\nBERLIN 1996-08-30", ["ISRAEL", "BULGARIA", "BERLIN"]),
        ("KANSAS CITY AT NEW YORK", ["KANSAS CITY", "NEW YORK"]),
        ("The ÉCOLE DE PARIS met in SÃO PAULO.", ["SÃO PAULO"]),
        # A label, an everyday word, capitals around a place in a line of ordinary text, a person's name.
        ("MOBILE: 0770 900 123\nREADING 4 1 2", []),
        ("The ARIAKE JAPAN Co.Ltd. office opened.", []),
        ("ATTENDEES: GEORGIA BELL, JORDAN ELLIS", []),
    ],
)
def test_places_in_capitals(text: str, places: list[str]) -> None:
    assert spans(CapitalsPlaceRecognizer(name_lexicon.load()), text, "LOCATION") == places
