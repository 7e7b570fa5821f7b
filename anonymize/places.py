"""Rules on LOCATION candidates: the city line of an address written without a street."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymize.addressees import LINE_JUNK
from anonymize.names import person_shaped
from anonymize.text import CAPITAL_WORD

CITY_LINE = "CityAboveCountry"
CITY_BEFORE_CODE = "CityBeforePostcode"

# What may follow a country on its line: "(Greek)", a postal code.
_COUNTRY_REST = re.compile(r"[ \t]*(?:\([^()\n]{1,20}\))?[ \t]*(?:[A-Z]{0,3}[ -]?\d[\d -]{2,9})?[ \t]*$")
_PLACE_LINE = re.compile(
    rf"{CAPITAL_WORD}(?:[ \t]+(?:{CAPITAL_WORD}|de|la|del|di|am|an|im|sur|upon|nad|pod)){{0,3}}"
)


def cities_above_countries(text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
    """The line right above a line that holds only a country (the NER model's place, maybe with a postal
    code), when it is one to four capitalized words: "Jestetten\\nGermany", "SKOPPUM\\nNorway 3160". A
    line the model reads as a person's full name ("Jane Roe\\nGermany") is the addressee, not a city."""
    found: list[RecognizerResult] = []
    for country in (r for r in results if r.entity_type == "LOCATION"):
        line_start = text.rfind("\n", 0, country.start) + 1
        line_end = text.find("\n", country.end)
        line_end = len(text) if line_end < 0 else line_end
        if text[line_start : country.start].strip(LINE_JUNK) or not _COUNTRY_REST.match(
            text, country.end, line_end
        ):
            continue
        if line_start < 2:
            continue
        above_start = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above_start : line_start - 1]
        lead = len(line) - len(line.lstrip(LINE_JUNK))
        value = line[lead:].rstrip()
        begin = above_start + lead
        if not value or not _PLACE_LINE.fullmatch(value) or any(ch.isdigit() for ch in value):
            continue
        end = begin + len(value)
        overlapping = [r for r in results if r.start < end and begin < r.end]
        if any(r.entity_type != "PERSON" for r in overlapping) or (overlapping and person_shaped(value)):
            continue
        found.append(_place(begin, end, CITY_LINE))
    return found


# A town right before its postal code, after "in", a comma or at a line start: "in GRIGADALE PH36 9QH".
_TOWN_BEFORE = re.compile(
    rf"(?:(?<=\bin[ \t])|(?<=,[ \t])|(?<=^)|(?<=\n))[ \t]*({_PLACE_LINE.pattern})[ \t]+$"
)


def towns_before_postcodes(text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
    """The town named right before a postal code outside a street address ("in GRIGADALE PH36 9QH",
    "Leeds LS1 4DY"): one to four capitalized words, not already something else."""
    found: list[RecognizerResult] = []
    for code in (r for r in results if r.entity_type == "ZIP_CODE"):
        line_start = text.rfind("\n", 0, code.start) + 1
        match = _TOWN_BEFORE.search(text[line_start : code.start])
        if match is None:
            continue
        begin, end = line_start + match.start(1), line_start + match.end(1)
        if person_shaped(match.group(1)) or any(
            r.start < end and begin < r.end for r in results if r is not code
        ):
            continue
        found.append(_place(begin, end, CITY_BEFORE_CODE))
    return found


def _place(start: int, end: int, rule: str) -> RecognizerResult:
    return RecognizerResult(
        "LOCATION", start, end, 0.6, recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: rule}
    )
