"""The letters of every script people write their names in, other than Latin and Greek, by Unicode property.

A name beside its romanised form may be written in any script: Tamil ("கவிதா ராமசாமி"), Georgian, Ethiopic,
Khmer, Bengali as well as Chinese or Cyrillic. A hand list of blocks misses the next one; the Unicode general
category does not: every letter (L*) and every mark that belongs to a letter of its script (Mn, Mc: the
vowel signs of Tamil, Bengali, Khmer, Devanagari, without which their words break apart), except the blocks
of Latin and its symbols (IPA, modifier letters, the combining diacritics Latin words take, letterlike and
mathematical letters) and of Greek and Coptic, whose letters in science text are symbols ("Wnt/β-catenin").
"""

from __future__ import annotations

import unicodedata
from functools import cache

# Blocks read as Latin or as symbols: Basic Latin to Latin Extended-B, IPA, spacing modifiers, combining
# diacritics, Greek and Coptic, phonetic extensions, combining supplements, Latin Extended Additional,
# Greek Extended, letterlike and number forms, Latin Extended-C/D/E, Coptic, half-width and full-width
# forms of Latin, mathematical alphanumerics, Latin Extended-F/G.
_NOT_NATIVE = (
    (0x0000, 0x03FF),
    (0x1AB0, 0x1AFF),
    (0x1D00, 0x1FFF),
    (0x2000, 0x2BFF),
    (0x2C60, 0x2CFF),
    (0xA720, 0xA7FF),
    (0xAB30, 0xAB6F),
    (0xFB00, 0xFB06),
    (0xFE20, 0xFE2F),
    (0xFF00, 0xFF60),
    (0x10780, 0x107BF),
    (0x1D400, 0x1D7FF),
    (0x1DF00, 0x1DFFF),
)
_LAST = 0x323AF  # the end of CJK Extension H


@cache
def native_letter_class() -> str:
    """The body of a regular-expression character class (``[...]``) of the letters and letter marks of
    every script but Latin and Greek, as ranges."""
    ranges: list[tuple[int, int]] = []
    skip = iter(_NOT_NATIVE)
    block: tuple[int, int] | None = next(skip)
    code = 0
    while code <= _LAST:
        if block is not None and code >= block[0]:
            code = block[1] + 1
            block = next(skip, None)
            continue
        if unicodedata.category(chr(code))[0] in "LM":
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
        code += 1
    return "".join(_char(a) if a == b else f"{_char(a)}-{_char(b)}" for a, b in ranges)


def _char(code: int) -> str:
    """``code`` as written in a character class (none of these letters needs escaping, but be sure)."""
    char = chr(code)
    return "\\" + char if char in "\\]^-[" else char


def may_hold_native(text: str) -> bool:
    """Whether ``text`` has a character above the blocks of Latin and Greek that ``native_letter_class``
    starts after: where it has none, a search of the class (hundreds of ranges, tried at every character)
    cannot match, and a text in Latin letters is answered by one pass of ``max``."""
    return bool(text) and ord(max(text)) > _NOT_NATIVE[0][1]
