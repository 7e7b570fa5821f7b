"""Phone numbers in the formats libphonenumber rejects or Presidio misses: test ranges, any country's
grouping, short local numbers."""

from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer

_PHONE_CONTEXT = [
    "phone",
    "call",
    "tel",
    "telephone",
    "mobile",
    "cell",
    "fax",
    "reach",
    "contact",
    "desk",
    "office",
    "number",
    "message",
    "text",
    "sms",
    "registered",
    "answering",
]


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


# Numbers that have a phone's shape in scientific and financial text: ranges of decimals ("1.99-11.07",
# "0.0390508"), ranges of years ("1977-2007"), a decimal with many places.
_NOT_PHONE = re.compile(
    r"^\d+\.\d+\s?[-–]\s?\d+\.\d+$|^(?:1[89]|20)\d\d\s?[-–]\s?(?:1[89]|20)?\d\d$|^\d{1,3}\.\d{3,}$"
)


def plausible_phone(text: str) -> bool:
    """7 to 15 digits before any extension, and not a range of decimals or years."""
    main = re.split(r"\s?(?:x|ext\.?|#)\s?\d", text)[0]
    return 7 <= len(_digits(main)) <= 15 and not _NOT_PHONE.match(text.strip())


class InternationalPhoneRecognizer(PatternRecognizer):
    """E.164-style numbers written with a leading + and grouped digits (e.g. +44 20 7946 0958)."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="PHONE_NUMBER",
            name="InternationalPhoneRecognizer",
            patterns=[Pattern("intl", r"(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,5}\b", 0.55)],
            context=["phone", "call", "tel", "telephone", "mobile", "cell", "fax", "reach", "contact"],
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        return plausible_phone(pattern_text)


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


class GenericPhoneRecognizer(PatternRecognizer):
    """Grouped phone numbers of any country (7-15 digits), with +code, (area) and x extension.

    Dates (2021-03-04), IPv4 addresses, SSNs and card numbers have their own shapes and are rejected here.
    """

    _DATE = re.compile(r"^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$")
    _IPV4 = re.compile(r"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$")
    _SSN = re.compile(r"^\d{3}-\d{2}-\d{4}$")

    def __init__(self) -> None:
        group = r"(?:\(\d{1,5}\)|\d{1,8})"
        sep = r"(?:[ \t]?[-.][ \t]?|[ \t]|(?<=\)))"
        super().__init__(
            supported_entity="PHONE_NUMBER",
            name="GenericPhoneRecognizer",
            patterns=[
                Pattern(
                    "grouped",
                    rf"(?<![\w+.\-/:])(?:\+|00)?{group}(?:{sep}(?:\(0\)[ \t]?)?{group}){{1,5}}"
                    r"(?:[ \t]?(?:x|ext\.?|#)[ \t]?\d{1,6})?(?![\w/:]|[.\-]\d)",
                    0.5,
                ),
                Pattern(
                    "plain", r"(?<![\w+.\-/])(?:\d{10,11}|\+\d{10,13})(?:x\d{1,6})?(?![\w/:]|[.\-]\d)", 0.4
                ),
            ],
            context=_PHONE_CONTEXT,
            global_regex_flags=re.M,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        if not plausible_phone(pattern_text):
            return False
        text = pattern_text.strip()
        if self._DATE.match(text) or self._IPV4.match(text) or self._SSN.match(text):
            return False
        return not re.fullmatch(r"\d{4}[ -]\d{4}[ -]\d{4}[ -]?\d{0,7}", text)  # a card number's shape


class ShortPhoneRecognizer(PatternRecognizer):
    """Six-digit local numbers in pairs ("61 60 34"): counted only next to a phone context word."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="PHONE_NUMBER",
            name="ShortPhoneRecognizer",
            patterns=[Pattern("pairs", r"(?<![\w+.\-/:])\d{2}([ .])\d{2}\1\d{2}(?![\w/:]|[ .\-]\d)", 0.3)],
            context=_PHONE_CONTEXT,
            global_regex_flags=re.M,
        )
