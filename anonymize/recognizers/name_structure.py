"""The shape of lists and tables around a candidate name, one of ``name_evidence``'s signals: a rank or dash
before ("3 - Dirk Medved"), a number or parenthesis after ("W. Athey 111", "( Pakistan )"), alone on its line
(a signature, a roster), or a member of a comma list of three or more capitalized items (a team sheet)."""

from __future__ import annotations

import re

from anonymize.recognizers.word_slots import BATSMAN_AFTER, SCORE_CARD_BEFORE

_U = "A-ZÀ-ÖØ-ÞĀ-ſƀ-ɏḀ-ỿ"  # as name_evidence's capitals and small letters
_L = "a-zß-öø-ÿā-žƀ-ɏḀ-ỿ"
# A rank or number before the name on its line: "3 - ", "12. ", "1= ", "62 ", "-- "; a headline's "SPORT - ".
# An org chart's branch at the line's start ("├── ", "│   └─ "), also a tree drawn with "|--" or "+--".
_RANK_OR_DASH_BEFORE = re.compile(
    r"(?:(?:^|[ \t,;(])\d{1,3}[ \t]*[-.=)]?|[-–—]{1,2}|\||^[ \t]*[\w][\w \t/&'’-]{0,30}:|"
    r"^[ \t│|]*[├└+`|][─—\-]+)[ \t]*$"
)
# A parenthesis, a number, a score or a bowling figure after: "( Pakistan )", "111", "4-0-25-0", "3:31.830".
_AFTER_IN_TABLE = re.compile(r"[ \t]*(?:\(|\d|[-–][ \t]*\d|\|)")
# After one word (a surname, or a team in a standings table: "Partizan 4 3 1 0"), only a country or a minute
# in parentheses or a bowling figure: "Vaas 7-0-29-0", "Quigley ( USA )", "Donato ( 22nd )".
_AFTER_ONE_WORD = re.compile(
    rf"[ \t]*(?:\|[ \t]*\S|\([ \t]*(?:[{_U}][{_L}]+|[{_U}]\.?[{_U}]\.?[{_U}]?\.?[ \t]*\)|\d+(?:st|nd|rd|th))|"
    r"\d+(?:\.\d)?-\d+-\d+-\d+)"
)
# Commas and semicolons; the middle dots and bullets of a donors' list ("Widlyne · Fritznel Belizaire").
_LIST_SEPARATOR = re.compile(r"[ \t]*[,;][ \t]*|[ \t]+[·•][ \t]+")


def line_before(shadow: str, start: int, width: int = 40) -> str:
    """Up to ``width`` characters of the line before ``start``; "\0" first when the line starts earlier (so
    that a pattern anchored at the line's start does not match there)."""
    line_start = shadow.rfind("\n", max(0, start - width - 1), start) + 1
    if line_start == 0 and start > width:
        return "\0" + shadow[start - width : start]
    return shadow[line_start:start]


def in_table(shadow: str, start: int, end: int, candidates: tuple[list[tuple[int, int]], int]) -> bool:
    """A line of a list or a table: a rank or dash before, a parenthesis or number after, alone on its line,
    or a member of a comma list."""
    prefix = line_before(shadow, start)
    line_end = shadow.find("\n", end)
    after = _AFTER_IN_TABLE if re.search(r"\s", shadow[start:end]) else _AFTER_ONE_WORD
    if _RANK_OR_DASH_BEFORE.search(prefix) or after.match(shadow, end) or SCORE_CARD_BEFORE.search(prefix):
        return True
    if not prefix.strip() and BATSMAN_AFTER.match(shadow, end):
        return True
    if not prefix.strip() and not shadow[end : len(shadow) if line_end < 0 else line_end].strip(" \t.,;:"):
        return True  # alone on its line: a signature, a roster
    return _list_member(candidates, shadow)


def _list_member(position: tuple[list[tuple[int, int]], int], shadow: str) -> bool:
    """One of three or more capitalized items separated by commas or semicolons (``position``: all
    candidates of the text and this one's index)."""
    candidates, index = position
    count = 1
    i = index
    while i > 0 and _LIST_SEPARATOR.fullmatch(shadow[candidates[i - 1][1] : candidates[i][0]]):
        count, i = count + 1, i - 1
    i = index
    while i + 1 < len(candidates) and _LIST_SEPARATOR.fullmatch(
        shadow[candidates[i][1] : candidates[i + 1][0]]
    ):
        count, i = count + 1, i + 1
    return count >= 3
