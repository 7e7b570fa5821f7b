"""The city line above a country line."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from anonymize.detector import DetectorConfig, PiiDetector
from anonymize.places import cities_above_countries, towns_before_postcodes


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


def test_the_addressee_above_a_city_and_country() -> None:
    detector = PiiDetector(DetectorConfig())
    text = "Eloise McKenzie\n\nPARIS\nFrance"
    found = {(r.entity_type, text[r.start : r.end]) for r in detector.analyze([text])[0]}
    assert found == {("PERSON", "Eloise McKenzie"), ("LOCATION", "PARIS"), ("LOCATION", "France")}


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Looking to support Acme Limited in GRIGADALE PH36 9QH in its mission.", "GRIGADALE"),
        ("Head office:\nLeeds LS1 4DY", "Leeds"),
        ("Our office, Cheltenham GL54 2JD, opens at nine.", "Cheltenham"),
    ],
)
def test_the_town_before_a_postcode(text: str, town: str) -> None:
    code = text.split(town, 1)[1].split()[:2]
    found = towns_before_postcodes(text, [_at(text, " ".join(code).rstrip(",."), "ZIP_CODE")])
    assert [text[r.start : r.end] for r in found] == [town]


@pytest.mark.parametrize(
    ("text", "code", "other"),
    [
        ("Write to Jane Roe SW1A 1AA today", "SW1A 1AA", None),  # no "in", comma or line start before it
        ("Sent in Jane Roe SW1A 1AA", "SW1A 1AA", None),  # a person's name is not a town
        ("Based in Acme Labs SW1A 1AA", "SW1A 1AA", ("Acme Labs", "ORGANIZATION")),
    ],
)
def test_no_town_before_a_postcode(text: str, code: str, other: tuple[str, str] | None) -> None:
    results = [_at(text, code, "ZIP_CODE")] + ([_at(text, *other)] if other else [])
    assert towns_before_postcodes(text, results) == []
