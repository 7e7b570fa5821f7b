"""Street addresses and postal codes: US street lines, international address blocks, street corners."""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult

from anonymize.recognizers.address_patterns import (
    ADDRESS_ANCHORS,
    ADDRESS_TAIL,
    CUED_STREET,
    DATE_LIKE,
    LAST_LINE_AFTER_BLANK,
    POSTCODE,
    STREET_NAME,
    STREET_SUFFIXES,
    STREET_WORD,
    US_STREET,
)
from anonymize.recognizers.identifiers import LabeledValueRecognizer
from anonymize.text import CAPITAL_WORD


class StreetAddressRecognizer(PatternRecognizer):
    """House number, street name and suffix, with optional unit, city, state and ZIP."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="STREET_ADDRESS",
            name="StreetAddressRecognizer",
            patterns=[Pattern("street_address", US_STREET, 0.65)],
            context=["address", "lives", "live", "located", "street", "mail", "ship", "residence", "home"],
            global_regex_flags=re.M,  # case-sensitive: "Road\n    Lo" is not a city
        )


class ZipCodeRecognizer(PatternRecognizer):
    """US ZIP and ZIP+4, weak alone, strengthened by context words; UK postcodes by their shape."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="ZIP_CODE",
            name="ZipCodeRecognizer",
            patterns=[
                Pattern("zip_plus4", r"\b\d{5}-\d{4}\b", 0.4),
                Pattern("zip5", r"\b\d{5}\b", 0.2),
                # UK postcodes have a shape of their own: "SW1A 1AA", "PH36 9QH".
                Pattern("uk_postcode", r"\b[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}\b", 0.6),
            ],
            context=["zip", "zipcode", "postal", "postcode", "zip code", "post code"],
        )


# An anchor that runs over a line break or a column gap (two blanks) joins cells of a table, not a street.
_ACROSS_CELLS = re.compile(r"[ \t]{2,}")


class AddressBlockRecognizer(EntityRecognizer):
    """Street addresses in US and international formats, extended over unit, city, region, country, ZIP.

    Anchors: a house number with a street name and a suffix or a trailing number, a street word such as
    "Via" or "ul." with a number, a military address, or a street with a number after an address cue
    ("lives at", "address:"). The span then takes the following lines of the same address.
    """

    def __init__(self) -> None:
        super().__init__(supported_entities=["STREET_ADDRESS"], name="AddressBlockRecognizer")
        self._anchors = [re.compile(p) for p in ADDRESS_ANCHORS]
        self._cued = re.compile(CUED_STREET)

    def load(self) -> None:  # nothing to load
        return None

    def _extend(self, text: str, end: int) -> int:
        while True:
            match = ADDRESS_TAIL.match(text, end)
            if match is None or match.end() == end:
                last = LAST_LINE_AFTER_BLANK.match(text, end)
                return last.end() if last else end
            following = text[match.end() : match.end() + 1]
            if following.isalpha() and following.islower() and not text[match.end() - 1].isspace():
                return end
            end = match.end()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if "STREET_ADDRESS" not in entities:
            return []
        found: list[tuple[int, int, float]] = []
        for pattern in self._anchors:
            found.extend((m.start(), m.end(), 0.6) for m in pattern.finditer(text))
        found.extend((m.start(1), m.end(1), 0.55) for m in self._cued.finditer(text))
        results = []
        for start, end, score in found:
            if DATE_LIKE.match(text, start):
                continue  # "19 May 2025 10:30" has the shape of "12 Main Street 4"
            if not STREET_NAME.search(text, start, end):
                continue  # "24 X 9", "6 X 5": dimensions, not a street
            if _ACROSS_CELLS.search(text, start, end) or text[start - 1 : start] == ":":
                continue  # a roster's lines or columns ("62 Nolan Henke\n64 ..."), a time ("06:00  ...")
            end = self._extend(text, end)
            while end > start and text[end - 1] in " ,\n\t":
                end -= 1
            results.append(RecognizerResult("STREET_ADDRESS", start, end, score))
        return results


class CornerAddressRecognizer(EntityRecognizer):
    """ "the corner of Main Street and 5th Avenue": both streets, as one address."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["STREET_ADDRESS"], name="CornerAddressRecognizer")
        street = rf"(?:\d{{1,6}}[ \t]+)?{CAPITAL_WORD}(?:[ \t]+(?:{STREET_WORD}|{STREET_SUFFIXES}\.?)){{0,5}}"
        self._pattern = re.compile(rf"\b(?i:the\s+)?(?i:corner\s+of)\s+{street}(?:,)?\s+and\s+{street}")

    def load(self) -> None:  # nothing to load
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if "STREET_ADDRESS" not in entities:
            return []
        return [
            RecognizerResult("STREET_ADDRESS", m.start(), m.end(), 0.6)
            for m in self._pattern.finditer(text)
            if STREET_NAME.search(m.group())
        ]


def labeled_zip_code() -> LabeledValueRecognizer:
    """A postal code after its label: there, a number is a postal code, not a phone number."""
    return LabeledValueRecognizer(
        "ZIP_CODE",
        r"\b(?:zip|postal|post)[ -]?code|\bzip\b|\bpostcode",
        # 90210, 90210-1234, 920 25, 00-423 (Poland), 6250-120 (Portugal), N8 7QP: after the label, a
        # postal code, not a phone number.
        rf"\d{{2}}-\d{{3}}\b|\d{{3,5}}(?:-\d{{3,4}}|[ ]\d{{2,3}}(?![\d.,]))?\b|{POSTCODE}",
        0.6,
    )
