"""Name words as comparable keys: accents, case and joiners folded, so that a user name, an initial or a form
typed on a keyboard without the letters matches the name a document writes ("tzielinski" and "Tomasz
Zieliński", "kiri.terangi" and "TE RANGI", "thomas-hughes" and "Thomas-Hughes")."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from presidio_analyzer import RecognizerResult

# Letters NFKD does not take apart: "ł" of "Wałęsa", "ø", "đ", "ı", "ß".
_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th"})
_NOT_ALNUM = re.compile(r"[^a-z0-9]")
NAME_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@lru_cache(maxsize=65_536)
def fold(word: str) -> str:
    """``word`` in lower case without accents, hyphens or apostrophes: "Szabó-Tóth" is "szabototh"."""
    if word.isascii():
        return _NOT_ALNUM.sub("", word.lower())
    plain = unicodedata.normalize("NFKD", word.casefold().translate(_LETTERS))
    return "".join(c for c in plain if c.isalnum() and not unicodedata.combining(c))


def name_keys(value: str) -> tuple[str, ...]:
    """The folded words of a name as written ("DELA CRUZ, Rosario": "dela", "cruz", "rosario")."""
    return tuple(k for k in (fold(w) for w in NAME_WORD.findall(value)) if k)


def person_keys(text: str, persons: Iterable[RecognizerResult]) -> list[tuple[str, ...]]:
    """The folded words of each PERSON result in ``persons`` with two words or more, once each."""
    seen: dict[tuple[str, ...], None] = {}
    for r in persons:
        keys = name_keys(text[r.start : r.end])
        if len(keys) >= 2:
            seen.setdefault(keys, None)
    return list(seen)


def covered(token: str, words: Sequence[str], min_full: int = 3) -> bool:
    """``token`` (folded) is made of ``words`` of one name, each used once, in any order: whole words, two
    adjacent words joined ("terangi" of "te rangi"), or a word's first one or two letters (an initial:
    "hg" of "Haile Gebremedhin", "tzielinski" of "Tomasz Zieliński"); at least one whole word of
    ``min_full`` letters or more."""
    pieces = list(words) + [a + b for a, b in zip(words, words[1:], strict=False)]

    def walk(rest: str, used: frozenset[int], full: bool) -> bool:
        if not rest:
            return full
        for i, piece in enumerate(pieces):
            if i in used or len(piece) < 1:
                continue
            spent = used | {i} | _overlapping(i, len(words))
            if rest.startswith(piece) and walk(rest[len(piece) :], spent, full or len(piece) >= min_full):
                return True
            if i < len(words):
                for k in (1, 2):
                    if len(piece) > k and rest[:k] == piece[:k] and walk(rest[k:], spent, full):
                        return True
        return False

    return bool(token) and walk(token, frozenset(), False)


def _overlapping(i: int, n: int) -> set[int]:
    """The pieces that share a word with piece ``i``: pieces below ``n`` are words, piece ``n + j`` joins
    words ``j`` and ``j + 1``."""
    if i < n:
        return {n + j for j in (i - 1, i) if 0 <= j < n - 1}
    j = i - n
    return {j, j + 1}
