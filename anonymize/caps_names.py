"""Names in capitals inside a line of ordinary text, read title-cased for the rules that tell name words by
their capitals (``name_extent``): "CC: KWABENA ASANTE (Finance); Sunday Okon (Legal)"."""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import RecognizerResult

_CAPS_RUN = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")
_CAPS_GAP = re.compile(r"[ \t]")


def caps_names_titled(shadow: str, persons: Sequence[RecognizerResult], steps: int) -> str:
    """``shadow`` with each all-caps PERSON span and the all-caps words one blank apart from it on its line
    title-cased (same offsets): a name in capitals in a line of ordinary text grows over its other words in
    capitals ("CC: KWABENA ASANTE (Finance)" found as "KWABENA"), as a name in an all-caps line does; at
    most ``steps`` words each side."""
    chars = list(shadow)
    for person in persons:
        value = shadow[person.start : person.end]
        if not (value.isupper() and any(len(w) > 1 for w in value.split())):
            continue
        start, end = person.start, person.end
        for _ in range(steps):  # to the left
            match = _last_caps_word(shadow, start)
            if match is None:
                break
            start = match
        for _ in range(steps):  # to the right
            word = _CAPS_RUN.match(shadow, end + 1) if _CAPS_GAP.fullmatch(shadow[end : end + 1]) else None
            if word is None or not word.group().isupper() or len(word.group()) < 2:
                break
            end = word.end()
        for word in _CAPS_RUN.finditer(shadow, start, end):
            chars[word.start() : word.end()] = _titled(word.group())
    return "".join(chars)


def _last_caps_word(shadow: str, start: int) -> int | None:
    """The start of the all-caps word one blank before ``start``, or None."""
    if start < 2 or not _CAPS_GAP.fullmatch(shadow[start - 1]):
        return None
    head = start - 1
    while head > 0 and (shadow[head - 1].isalpha() or shadow[head - 1] in "'’-"):
        head -= 1
    word = shadow[head : start - 1]
    return head if len(word) > 1 and word.isupper() and _CAPS_RUN.fullmatch(word) else None


def _titled(word: str) -> str:
    """ "ASANTE" as "Asante", "O'ROURKE" as "O'Rourke", "FONSECA-LIMA" as "Fonseca-Lima" (same length)."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group()[0] + same_length_lower(m.group()[1:]), word)


def same_length_lower(word: str) -> str:
    """``word`` in lower case, letter by letter, keeping a letter whose lower case is longer ("İ", whose
    lower case is "i" and a combining dot): a shadow text's offsets must stay those of the text."""
    lowered = word.lower()
    if len(lowered) == len(word):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in word)
