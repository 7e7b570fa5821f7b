"""Recognizers Presidio lacks: street addresses, ZIP codes, organization-specific identifiers by regex."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult

_SUFFIXES = (
    "Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Terrace|Ter|"
    "Parkway|Pkwy|Circle|Cir|Highway|Hwy|Square|Sq|Trail|Trl|Plaza|Alley|Row|Close|Crescent|Loop"
)
_STREET = (
    r"\b\d{1,6}[A-Za-z]?\s+(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s+)?"
    r"(?:[A-Z0-9][A-Za-z0-9.'-]*\s+){1,4}"
    rf"(?:{_SUFFIXES})\b\.?"
    r"(?:,?\s+(?:Apt|Apartment|Suite|Ste|Unit|Floor|Fl|#)\.?\s*#?[A-Za-z0-9-]+)?"
    r"(?:,\s*[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+){0,2})?"
    r"(?:,?\s+[A-Z]{2})?(?:,?\s+\d{5}(?:-\d{4})?)?"
)


class StreetAddressRecognizer(PatternRecognizer):
    """House number, street name and suffix, with optional unit, city, state and ZIP."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="STREET_ADDRESS",
            name="StreetAddressRecognizer",
            patterns=[Pattern("street_address", _STREET, 0.65)],
            context=["address", "lives", "live", "located", "street", "mail", "ship", "residence", "home"],
        )


class ZipCodeRecognizer(PatternRecognizer):
    """US ZIP and ZIP+4; weak alone, strengthened by context words."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="ZIP_CODE",
            name="ZipCodeRecognizer",
            patterns=[
                Pattern("zip_plus4", r"\b\d{5}-\d{4}\b", 0.4),
                Pattern("zip5", r"\b\d{5}\b", 0.05),
            ],
            context=["zip", "zipcode", "postal", "postcode", "zip code", "post code"],
        )


@dataclass
class CustomIdentifier:
    """An organization-specific identifier, e.g. employee IDs ``EMP-\\d{6}``, configured by regex."""

    entity_type: str
    regex: str
    score: float = 0.8
    context: list[str] = field(default_factory=list)


def custom_recognizers(identifiers: list[CustomIdentifier]) -> list[PatternRecognizer]:
    return [
        PatternRecognizer(
            supported_entity=item.entity_type,
            name=f"Custom{item.entity_type.title().replace('_', '')}Recognizer",
            patterns=[Pattern(item.entity_type.lower(), item.regex, item.score)],
            context=item.context or None,
        )
        for item in identifiers
    ]


class PhoneFormatRecognizer(PatternRecognizer):
    """North-American phone formats, including numbers libphonenumber rejects (555 exchanges, test ranges)."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="PHONE_NUMBER",
            name="PhoneFormatRecognizer",
            patterns=[
                Pattern("nanp_paren", r"(?<!\w)\(\d{3}\)\s?\d{3}[-.\s]\d{4}\b", 0.6),
                Pattern("nanp_sep", r"(?<![\w-])(?:\+?1[-.\s])?\d{3}[-.]\d{3}[-.]\d{4}\b", 0.55),
                Pattern("nanp_space", r"(?<![\w-])(?:\+?1\s)?\d{3}\s\d{3}\s\d{4}\b", 0.4),
            ],
            context=["phone", "call", "tel", "telephone", "mobile", "cell", "fax", "reach", "contact", "ext"],
        )


class SsnFormatRecognizer(PatternRecognizer):
    """SSN-shaped numbers near SSN context words, including ranges the stock recognizer deems invalid."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="US_SSN",
            name="SsnFormatRecognizer",
            patterns=[Pattern("ssn_dashed", r"\b\d{3}-\d{2}-\d{4}\b", 0.45)],
            context=["ssn", "social", "security", "ss#", "taxpayer", "ssns"],
        )


class InternationalPhoneRecognizer(PatternRecognizer):
    """E.164-style numbers written with a leading + and grouped digits (e.g. +44 20 7946 0958)."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="PHONE_NUMBER",
            name="InternationalPhoneRecognizer",
            patterns=[Pattern("intl", r"(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,5}\b", 0.55)],
            context=["phone", "call", "tel", "telephone", "mobile", "cell", "fax", "reach", "contact"],
        )


class LabeledValueRecognizer(EntityRecognizer):
    """A value right after a label (``Driver's licence: WDL7Q2M4X9PB``); the span covers the value only."""

    def __init__(self, entity_type: str, label_regex: str, value_regex: str, score: float = 0.7) -> None:
        super().__init__(
            supported_entities=[entity_type], name=f"Labeled{entity_type.title().replace('_', '')}"
        )
        self._pattern = re.compile(
            rf"(?:{label_regex})\s*(?:number|no\.?|num|#)?\s*[:#]?\s*({value_regex})", re.I
        )
        self._entity = entity_type
        self._score = score

    def load(self) -> None:  # nothing to load
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if self._entity not in entities:
            return []
        return [
            RecognizerResult(self._entity, m.start(1), m.end(1), self._score)
            for m in self._pattern.finditer(text)
        ]


class EmailHeaderNameRecognizer(EntityRecognizer):
    """``Jane Doe <jane@x.com>`` and ``From: Jane Doe`` in mail headers: names NER models often miss."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], name="EmailHeaderNameRecognizer")
        self._pattern = re.compile(
            r"(?:(?:^|\n)\W*(?:From|To|Cc|Bcc|Reply-To|Sender|Attn)\W*:\W*|(?<=[;,]\s))?"
            r"([A-Z][a-zA-Z'.-]+(?:\s[A-Z][a-zA-Z'.-]+){1,2})\s*<[^<>@\s]+@[^<>\s]+>"
        )

    def load(self) -> None:  # nothing to load
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if "PERSON" not in entities:
            return []
        return [RecognizerResult("PERSON", m.start(1), m.end(1), 0.75) for m in self._pattern.finditer(text)]


def builtin_recognizers() -> list[EntityRecognizer]:
    """Every recognizer privrag adds to Presidio's defaults."""
    return [
        StreetAddressRecognizer(),
        ZipCodeRecognizer(),
        PhoneFormatRecognizer(),
        InternationalPhoneRecognizer(),
        SsnFormatRecognizer(),
        EmailHeaderNameRecognizer(),
        LabeledValueRecognizer(
            "US_DRIVER_LICENSE",
            r"driver'?s?\s+licen[cs]e(?:\s*\([A-Z]{2}\))?|driving\s+licen[cs]e|\bDL",
            r"(?-i:[A-Z0-9][A-Z0-9-]{4,19})\b",
        ),
        LabeledValueRecognizer("US_SSN", r"\bSSN|social\s+security", r"\d{3}-?\d{2}-?\d{4}"),
    ]
