"""Places read as persons (``anonymize.gazetteer``): the gazetteer and the place's slots."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from anonymize.gazetteer import drop_places, in_place_slot, place_names


def test_the_gazetteer_holds_large_cities_countries_and_states() -> None:
    places = place_names()
    for name in ("valencia", "nairobi", "kraków", "jordan", "georgia", "austin", "baghdad"):
        assert name in places
    assert "okonkwo" not in places and "castellanos" not in places


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("the inverters left for delivery in Valencia today", "Valencia"),
        ("Calle de Colón 14, 46004 Valencia", "Valencia"),
        ("Jordan Whitlock leads the Jordan account", "Jordan"),
        ("the water ministry in Amman, Jordan.", "Jordan"),
        ("Austin moves to the Austin, Texas office", "Austin"),
        ("our Rotterdam warehouse", "Rotterdam"),
    ],
)
def test_a_place_in_a_place_slot(text: str, word: str) -> None:
    start = text.rindex(word)
    assert in_place_slot(text, start, start + len(word), place_names())


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Austin moves to the Austin, Texas office", "Austin"),  # the first one: a person
        ("Jordan said the figures were late.", "Jordan"),
        ("Thanks to Florence for the slides.", "Florence"),
        ("Please ask Okonkwo in Lagos", "Okonkwo"),  # no place
    ],
)
def test_a_person_with_a_place_name_stays(text: str, word: str) -> None:
    start = text.index(word)
    assert not in_place_slot(text, start, start + len(word), place_names())


def test_only_one_word_person_spans_are_dropped() -> None:
    text = "He flew to Nairobi. Jordan Whitlock met him in Nairobi"
    results = [
        RecognizerResult("PERSON", text.rindex("Nairobi"), len(text), 0.85),
        RecognizerResult("PERSON", text.index("Jordan"), text.index(" met"), 0.85),
        RecognizerResult("LOCATION", text.index("Nairobi"), text.index("."), 0.85),
    ]
    kept = [(r.entity_type, text[r.start : r.end]) for r in drop_places(text, results)]
    assert kept == [("PERSON", "Jordan Whitlock"), ("LOCATION", "Nairobi")]
