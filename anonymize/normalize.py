"""Normalization of detected values so that formatting variants share one pseudonym."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_NON_DIGITS = re.compile(r"\D")
_NON_ALNUM = re.compile(r"[^0-9A-Za-z]")

_DIGIT_TYPES = {"CREDIT_CARD", "US_SSN", "US_ITIN", "US_BANK_NUMBER", "UK_NHS"}
_ALNUM_TYPES = {"IBAN_CODE", "US_DRIVER_LICENSE", "US_PASSPORT", "MEDICAL_LICENSE"}


def normalize_value(entity_type: str, value: str) -> str:
    """Canonical form of ``value`` for ``entity_type`` (case, whitespace, phone and card formatting)."""
    text = unicodedata.normalize("NFKC", value).strip()
    if entity_type == "PHONE_NUMBER":
        digits = _NON_DIGITS.sub("", text)
        if len(digits) == 11 and digits.startswith("1"):
            digits = digits[1:]
        return digits or text.casefold()
    if entity_type in _DIGIT_TYPES:
        return _NON_DIGITS.sub("", text) or text.casefold()
    if entity_type in _ALNUM_TYPES:
        return _NON_ALNUM.sub("", text).upper()
    text = _SPACES.sub(" ", text).casefold()
    if entity_type == "STREET_ADDRESS":
        text = text.rstrip(" .")
    if entity_type == "PERSON":
        text = text.strip(" .,;:'\"")
        if text.endswith("'s"):
            text = text[:-2]
    return text
