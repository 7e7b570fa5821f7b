"""The city line above a country line."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from anonymize.detector import DetectorConfig, PiiDetector
from anonymize.places import cities_above_countries


def _at(text: str, value: str, entity_type: str) -> RecognizerResult:
    start = text.rindex(value)
    return RecognizerResult(entity_type, start, start + len(value), 0.85)


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [
        ("Paul Waechter\n\nJestetten\nGermany", "Jestetten", "Germany"),
        ("Fumiyo Maekawa\n\nSKOPPUM\nNorway 3160", "SKOPPUM", "Norway"),
        ("??? Suite 850\n??? Cite Jamil\n??? Tunisia 58348", "Cite Jamil", "Tunisia"),
        ("Ada Lind\n\nDot Lake\nUnited States", "Dot Lake", "United States"),
    ],
)
def test_the_line_above_a_country_is_a_city(text: str, city: str, country: str) -> None:
    found = cities_above_countries(text, [_at(text, country, "LOCATION")])
    assert [text[r.start : r.end] for r in found] == [city]


@pytest.mark.parametrize(
    ("text", "country", "other"),
    [
        ("Jane Roe\nGermany", "Germany", ("Jane Roe", "PERSON")),  # the addressee
        ("Acme Labs\nGermany", "Germany", ("Acme Labs", "ORGANIZATION")),
        ("Suite 850\nTunisia", "Tunisia", None),  # digits: a unit, not a city
        ("We flew home.\nGermany won the match.", "Germany", None),  # the country line holds more
        ("Germany", "Germany", None),
    ],
)
def test_no_city_line(text: str, country: str, other: tuple[str, str] | None) -> None:
    results = [_at(text, country, "LOCATION")] + ([_at(text, *other)] if other else [])
    assert cities_above_countries(text, results) == []


def test_the_city_line_in_the_detector() -> None:
    detector = PiiDetector(DetectorConfig())
    text = "Paul Waechter\n\nJestetten\nGermany"
    found = {(r.entity_type, text[r.start : r.end]) for r in detector.analyze([text])[0]}
    assert found == {("PERSON", "Paul Waechter"), ("LOCATION", "Jestetten"), ("LOCATION", "Germany")}
