"""Characters that do not show, taken out of a word before detection and put back after.

A soft hyphen (U+00AD: the hyphenation points of word processors, web pages and PDF exports), a zero-width
space or word joiner inside a word, a combining grapheme joiner: none shows on the page, so "Tun\u00adde
Bak\u00adare" reads "Tunde Bakare" to every employee, but to the NER model and the lexicon it is two
unknown fragments and the name was stored in clear. The detector reads the text with them taken out
(``visible``) and maps what it finds back to the text as written (``Visible.span``): the span covers the
invisible characters inside it, so the whole of the name is replaced.

Not taken out: a zero-width space, word joiner or byte-order mark before a capital or next to anything but
a letter (it stands for a space there: "Tunde\u200bBakare", "TUNDE\u200bBAKARE"; ``anonymize.text`` reads it
as one), and a zero-width (non-)joiner beside letters of other scripts, where it shapes the
letters of Persian, Arabic and the Indic scripts.
"""

from __future__ import annotations

from dataclasses import dataclass

# The soft hyphen, the combining grapheme joiner and the invisible operators.
_ALWAYS = frozenset("\u00ad\u034f\u2061\u2062\u2063\u2064")
_ZERO_WIDTH_SPACES = frozenset("\u200b\u2060\ufeff")
_JOINERS = frozenset("\u200c\u200d")


@dataclass(frozen=True)
class Visible:
    """``text`` with the invisible characters inside words taken out, and where each of its characters
    was in the text as written (``origin[i]``; ``origin[len(text)]`` is the written text's length)."""

    text: str
    origin: tuple[int, ...]

    @property
    def changed(self) -> bool:
        return len(self.origin) != len(self.text) + 1 or self.origin[-1] != len(self.text)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The written text's offsets of the visible text's ``[start, end)``."""
        if end <= start:
            at = self.origin[start]
            return at, at
        return self.origin[start], self.origin[end - 1] + 1


def _latin(char: str) -> bool:
    return char.isalpha() and char < "\u0250"


def _inside_word(text: str, i: int) -> bool:
    char = text[i]
    if char in _ALWAYS:
        return True
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if not (before.isalpha() and after.isalpha()):
        return False
    if char in _ZERO_WIDTH_SPACES:
        return after.islower()
    if char in _JOINERS:
        return _latin(before) and _latin(after)
    return False


def visible(text: str) -> Visible:
    """``text`` as a reader sees it: the invisible characters inside its words taken out."""
    candidates = _ALWAYS | _ZERO_WIDTH_SPACES | _JOINERS
    if not any(char in candidates for char in text):
        return Visible(text, tuple(range(len(text) + 1)))
    kept: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        if char in candidates and _inside_word(text, i):
            continue
        kept.append(char)
        origin.append(i)
    origin.append(len(text))
    return Visible("".join(kept), tuple(origin))


def visible_text(text: str) -> str:
    """``visible(text).text``: for values compared with each other (the vault's keys)."""
    return visible(text).text
