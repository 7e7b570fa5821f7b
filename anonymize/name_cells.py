"""A name that fills a cell of a form, a list or a table grows over the short words at the cell's edges that
the other extent rules refuse (``name_extent.extend_names`` calls these):

* a surname in capitals before the given names, form style: "Student: ZHAKUPOVA Aigerim Serikovna", "DE LA
  CRUZ Maria Teresa" (the NER model finds the given names only);
* an initial without its period before a surname, alone in its cell: "Delivered to:   A MOOSA", "K NAIDOO";
* a short surname that is an English stop word, at the cell's edge of a name of two words or more:
  Hmong "Ka Zoua Her", Cantonese "So Man Yee", Korean "Do Kyung-soo" ("Her", "So", "Do": surnames of the
  lexicon). Only where the name is all of its cell (a line's start or end, a column gap, a tab, a bar, a
  comma, a quote, a label's colon): "So Maria went home" and "told Maria Her plan" stay as they are.
"""

from __future__ import annotations

import re

from anonymize.name_lexicon import NameLexicon
from anonymize.text import STOP_WORDS

# Where a cell starts (before the name's first word) and ends (after its last).
_CELL_START = re.compile(r"(?:^|\n|[ \t]{2,}|\t|[|,;(\"“][ \t]*|:[ \t]*)$")
_CELL_END = re.compile(r"(?:$|\n|[ \t]{2,}|\t|[ \t]*[|,;)\"”]|[ \t]*\([^)\n]{1,30}\))")
_CAPS_WORD = re.compile(r"(?:^|(?<=[\s\"“(|,;:]))([A-ZÀ-ÖØ-ÞĀ-Ž][A-ZÀ-ÖØ-ÞĀ-Ž'’-]+) $")
_INITIAL = re.compile(r"(?:^|(?<=[\s\"“(|,;:]))([A-Z]) $")
_SHORT_LEFT = re.compile(r"(?:^|(?<=[\s\"“(|,;:]))([A-Z][a-z]{1,2}) $")
_SHORT_RIGHT = re.compile(r" ([A-Z][a-z]{1,2})(?=$|[\s,;|)\"”])")
_CAPS_PARTICLES = frozenset(["DE", "LA", "DEL", "DA", "DOS", "VAN", "DER", "VON", "BIN", "BINTI", "AL", "EL"])
_MIN_CAPS = 3


def cell_step_left(shadow: str, start: int, end: int, lexicon: NameLexicon) -> int | None:
    """The start of a cell's word just before the name ``shadow[start:end]`` (module doc), or None."""
    line_start = shadow.rfind("\n", 0, start) + 1
    value = shadow[start:end]
    caps = _CAPS_WORD.search(shadow, line_start, start)
    if caps is not None and not value.isupper() and any(c.islower() for c in value):
        word = caps.group(1)
        named = len(word) >= _MIN_CAPS and lexicon.name_word(word) and word.casefold() not in STOP_WORDS
        if named or word in _CAPS_PARTICLES:
            before = _CELL_START.search(shadow, line_start, caps.start(1))
            if before is not None or _CAPS_WORD.search(shadow, line_start, caps.start(1)):
                return caps.start(1)
    if not _CELL_END.match(shadow, end):
        return None
    initial = _INITIAL.search(shadow, line_start, start)
    if initial is not None and _CELL_START.search(shadow, line_start, initial.start(1)):
        return initial.start(1)  # "A MOOSA" (the shadow reads an all-caps line title-cased)
    short = _SHORT_LEFT.search(shadow, line_start, start)
    if short is not None and " " in value and _short_surname(short.group(1), lexicon):
        return short.start(1) if _CELL_START.search(shadow, line_start, short.start(1)) else None
    return None


def cell_step_right(shadow: str, start: int, end: int, lexicon: NameLexicon) -> int | None:
    """The end of a short surname just after the name ``shadow[start:end]`` at its cell's end, or None."""
    if " " not in shadow[start:end] or not _CELL_START.search(
        shadow, shadow.rfind("\n", 0, start) + 1, start
    ):
        return None
    short = _SHORT_RIGHT.match(shadow, end)
    if short is None or not _short_surname(short.group(1), lexicon):
        return None
    return short.end(1) if _CELL_END.match(shadow, short.end(1)) else None


def _short_surname(word: str, lexicon: NameLexicon) -> bool:
    """A capitalized stop word of two or three letters that the lexicon holds as a surname: "Her", "So"."""
    return word.casefold() in STOP_WORDS and word.casefold() in lexicon.surnames
