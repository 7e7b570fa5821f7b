"""Normalization of detected values so that formatting variants share one pseudonym."""

from __future__ import annotations

import re
import unicodedata

from anonymize.invisible import visible_text

_SPACES = re.compile(r"[\s\u200b\u2060\ufeff]+")  # zero-width spaces too: NFKC keeps them
_NON_DIGITS = re.compile(r"\D")
_NON_ALNUM = re.compile(r"[^0-9A-Za-z]")

# Words that belong to the surname they come before ("van Wyk", "de la Cruz", "bin Rashid", "Mac an tSaoir").
NAME_PARTICLES = frozenset(
    [
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "da",
        "das",
        "dos",
        "du",
        "di",
        "la",
        "le",
        "al",
        "el",
        "bin",
        "ibn",
        "ben",
        "bint",
        "mac",
        "mc",
        "ap",
        "an",
        "o",
        "ó",
        "ui",
        "ní",
        "nic",
    ]
)

_DIGIT_TYPES = {"CREDIT_CARD", "US_SSN", "US_ITIN", "US_BANK_NUMBER", "UK_NHS"}
_ALNUM_TYPES = {"IBAN_CODE", "US_DRIVER_LICENSE", "US_PASSPORT", "MEDICAL_LICENSE"}


def normalize_value(entity_type: str, value: str) -> str:
    """Canonical form of ``value`` for ``entity_type`` (case, whitespace, phone and card formatting)."""
    text = unicodedata.normalize("NFKC", visible_text(value)).strip()
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


# A nickname written inside a name, in brackets or quotes: "Ngozi (Zizi) Adeyemi", 'Consuelo "Chelo" Ramírez'.
_INNER_NICKNAME = re.compile(r"[ \t]+[(\[\"“'‘][^)\]\"”'’]+[)\]\"”'’](?=[ \t]+\S)")


def name_orders(value: str) -> list[str]:
    """``value``, a person's name, in its other written order: "Ndlovu, Precious" is "Precious Ndlovu",
    "Anneliese van Wyk" is "van Wyk, Anneliese" (particles go with the surname); [] for one word or a value
    with more than one comma. A nickname written inside the name is left out, the name in its order first
    ("Ngozi (Zizi) Adeyemi" is "Ngozi Adeyemi": the detector gives the nickname the name's surrogate)."""
    bare = _INNER_NICKNAME.sub("", value)
    if bare != value:
        return [bare, *name_orders(bare)]
    text = _SPACES.sub(" ", value).strip()
    if text.count(",") == 1:
        surname, given = (part.strip() for part in text.split(","))
        return [f"{given} {surname}"] if surname and given else []
    words = text.split(" ")
    if "," in text or len(words) < 2:
        return []
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].casefold() in NAME_PARTICLES:
        cut -= 1
    return [f"{' '.join(words[cut:])}, {' '.join(words[:cut])}"]
