"""Identifiers: configured organization IDs, values after their label, SSNs, card numbers, IBANs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult


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
            context=item.context or None,  # type: ignore[arg-type]  # Presidio's own default is None
        )
        for item in identifiers
    ]


class LabeledValueRecognizer(EntityRecognizer):
    """A value right after a label (``Driver's licence: WDL7Q2M4X9PB``); the span covers the value only."""

    def __init__(self, entity_type: str, label_regex: str, value_regex: str, score: float = 0.7) -> None:
        super().__init__(
            supported_entities=[entity_type], name=f"Labeled{entity_type.title().replace('_', '')}"
        )
        self._pattern = re.compile(
            rf"(?:{label_regex})\s*(?:number|no\.?|num|#)?\s*(?:[:#]|is\b|was\b)?\s*({value_regex})", re.I
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


class SsnFormatRecognizer(PatternRecognizer):
    """SSN-shaped numbers near SSN context words, including ranges the stock recognizer deems invalid."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="US_SSN",
            name="SsnFormatRecognizer",
            patterns=[Pattern("ssn_dashed", r"\b\d{3}-\d{2}-\d{4}\b", 0.45)],
            context=["ssn", "social", "security", "ss#", "taxpayer", "ssns"],
        )


class CardNumberFormatRecognizer(PatternRecognizer):
    """Card-shaped numbers (12-19 digits, plain or in groups of 4) that fail the Luhn check.

    Presidio's recognizer rejects numbers with a bad checksum; a typo or a test number is still a card
    number to protect, so these count with a lower score, raised by context words.
    """

    def __init__(self) -> None:
        super().__init__(
            supported_entity="CREDIT_CARD",
            name="CardNumberFormatRecognizer",
            patterns=[
                Pattern("grouped", r"(?<![\w.\-])\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}(?![\w\-]|[ -.]\d)", 0.5),
                Pattern("amex", r"(?<![\w.\-])\d{4}([ -])\d{6}\1\d{5}(?![\w\-]|\.\d)", 0.5),
                Pattern("plain", r"(?<![\w.\-+])\d{12,19}(?![\w\-]|\.\d)", 0.45),
            ],
            context=[
                "card",
                "cc",
                "credit",
                "debit",
                "visa",
                "mastercard",
                "amex",
                "charge",
                "expires",
                "cvv",
            ],
            global_regex_flags=re.M,
        )


class IbanAnyCaseRecognizer(PatternRecognizer):
    """IBANs written in lower case or with spaces, validated by the ISO 13616 mod-97 checksum."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="IBAN_CODE",
            name="IbanAnyCaseRecognizer",
            patterns=[Pattern("iban", r"(?<![\w])[A-Za-z]{2}\d{2}(?:\s?[A-Za-z0-9]{2,4}){3,8}(?![\w])", 0.6)],
            context=["iban", "bank", "account", "transfer", "wire"],
            global_regex_flags=re.M,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        code = re.sub(r"\s", "", pattern_text).upper()
        if not 15 <= len(code) <= 34:
            return False
        rearranged = code[4:] + code[:4]
        number = "".join(str(int(ch, 36)) for ch in rearranged)
        return int(number) % 97 == 1


def labeled_driver_license() -> LabeledValueRecognizer:
    """A driver's licence number after its label ("Driver's licence: WDL7Q2M4X9PB", "DL 4455-22")."""
    return LabeledValueRecognizer(
        "US_DRIVER_LICENSE",
        r"driver'?s?\s+licen[cs]e(?:\s*\([A-Z]{2}\))?|driving\s+licen[cs]e|(?-i:\bDL\b)",
        r"(?=[A-Za-z-]*\d)[A-Za-z0-9][A-Za-z0-9-]{4,19}\b",
    )


def labeled_ssn() -> LabeledValueRecognizer:
    """An SSN after its label, with or without dashes ("SSN 123456789")."""
    return LabeledValueRecognizer("US_SSN", r"\bSSN|social\s+security", r"\d{3}-?\d{2}-?\d{4}")
