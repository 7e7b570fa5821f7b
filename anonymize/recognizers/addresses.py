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


# An anchor that runs over a column gap (two blanks) joins cells of a table, not a street; so does one that
# starts with a number and ends in a number that starts the next line or that more numbers follow: a ranked
# list, a roster or a score table ("62 Nolan Henke\n64 Bob Estes", "12 Priya Raman\n14 Tomasz Wójcik",
# "281 Nick Faldo 70 68 72 71"), where every line reads as a house number and a street's name.
_ACROSS_CELLS = re.compile(r"[ \t]{2,}")
_NEXT_LINE_NUMBER = re.compile(r"\n[ \t]*\d{1,6}[A-Za-z]?")
_MORE_NUMBERS = re.compile(r"(?:[ \t]+\d{1,3}\b){2}")
# An item of a list of names or labels with their figures: "W. Athey 111 , R. Tillekeratne 40 ;" (a score
# card: "R." is no "Rua" there), "Tomasz Wójcik 40, Chinedu Okafor 32" (a timesheet), "Costs 98, Margin 22".
_FIGURE_ITEM = re.compile(
    r"(?:^|(?<=[,;(:]))[ \t]*(?:[A-Z]\.[ \t]*)?[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3}[ \t]+\d[\d.:/-]*"
    r"[ \t]*(?=[,;)]|\.?[ \t]*$)",
    re.M,
)
_MIN_FIGURE_ITEMS = 3


def _across_cells(text: str, start: int, end: int) -> bool:
    """The anchor ``text[start:end]`` spans a column gap, ends in an item of a list of figures, or runs from
    a number to the next line's number or to a number that two more follow."""
    if _ACROSS_CELLS.search(text, start, end):
        return True
    if _in_figure_list(text, end):
        return True
    if not text[start : start + 1].isdigit() or not text[end - 1 : end].isdigit():
        return False
    last = _NEXT_LINE_NUMBER.search(text, max(start, end - 12), end)
    return (last is not None and last.end() == end) or _MORE_NUMBERS.match(text, end) is not None


def _in_figure_list(text: str, end: int) -> bool:
    """The anchor that ends at ``end`` in a number is one item of a line's list of names or labels with
    their figures (three or more such items)."""
    if not text[end - 1 : end].isdigit():
        return False
    line_start = text.rfind("\n", 0, end) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return len(_FIGURE_ITEM.findall(line)) >= _MIN_FIGURE_ITEMS


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
            if _across_cells(text, start, end) or text[start - 1 : start] == ":":
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
