"""A long pattern run only on a text that holds a part every one of its matches holds.

A recognizer's pattern of many alternatives ("a name before 's address or lives at") is tried at each word
of a text, while most texts hold none of its fixed words at all. ``Gated`` first looks for such a part with
a short pattern (``needed``) and runs the long one only where it is there: the matches are exactly the same
when ``needed`` finds something in every text the pattern matches, which each gate's author shows from the
pattern's shape (and its tests check on example texts).
"""

from __future__ import annotations

import re
from collections.abc import Iterator


class Gated:
    """``pattern``'s ``finditer``, skipped where ``needed`` finds nothing (None: never skipped)."""

    def __init__(self, pattern: str | re.Pattern[str], needed: str | None = None) -> None:
        self.pattern = re.compile(pattern)
        self.needed = None if needed is None else re.compile(needed)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.needed is not None and self.needed.search(text) is None:
            return iter(())
        return self.pattern.finditer(text)
