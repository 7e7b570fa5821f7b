"""Whether a span overlaps any of many spans, answered by a binary search instead of a scan of them all:
for steps that test every token of a text against the results found so far."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate


class SpanIndex:
    """The spans ``(start, end)`` given, sorted by their start, with the largest end up to each: a span
    ``(s, e)`` overlaps one of them when one that starts before ``e`` ends after ``s``, exactly as
    ``any(a < e and s < b for a, b in spans)`` says (empty spans too)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._reach = list(accumulate((b for _, b in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Some span starts before ``end`` and ends after ``start``."""
        before = bisect_left(self._starts, end)  # the spans that start before ``end``
        return before > 0 and self._reach[before - 1] > start
