"""Names by the list they are in: a list of three or more items separated by commas, most of them names
found by other means, holds names in its other items too.

A team sheet, a cast list or a list of attendees is often written without a conjunction::

    Given , Breen , Staunton , Irwin , McAteer , Harte , McLoughlin , Houghton , Townsend , Quinn

The NER model reads some of its surnames as places ("Houghton", "Townsend"). ``anonymize.coordinated_names``
takes the other members of a list that ends in "and" or "or"; here there is no conjunction, so the list's
own items must vouch: when at least two items and more than half of them are detected names, the other items
that have a name's shape are names too, also where the model read a place or an organization in them.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymize.name_patterns import NAME, UPPER_LATIN
from anonymize.names import plausible_person
from anonymize.results import rule_result
from anonymize.word_kinds import english_zipf

LIST_OF_NAMES = "NameListMajority"
NUMBERED_ITEMS = "NumberedNameItems"
FIGURE_ITEMS = "NameFigureItems"
_SCORE = 0.6
_MIN_ITEMS = 3
_MIN_NAMED = 2

_LOWER = "a-zß-öø-ÿā-žƀ-ɏḀ-ỿ"
# One capitalized word of a name, with the prefixes that carry a second capital: "McAteer", "O'Neill".
_WORD = rf"(?:Mc|Mac|O['’]|D['’])?[{UPPER_LATIN}][{_LOWER}]+(?:['’-][{UPPER_LATIN}]?[{_LOWER}]+)*"
_INITIAL = rf"[{UPPER_LATIN}]\."
_ITEM = rf"(?:{_INITIAL}[ \t]*)?{_WORD}(?:[ \t]+{_WORD}){{0,2}}"
_SEPARATOR = r"[ \t]*[,;][ \t]*"
# The whole list: items that are nothing but a name, between separators (a longer phrase ends the list).
_LIST = re.compile(rf"(?<![\w'’.-]){_ITEM}(?:{_SEPARATOR}{_ITEM}){{{_MIN_ITEMS - 1},}}(?![\w'’-])")
_ITEM_RE = re.compile(_ITEM)
_STOP = frozenset(["the", "and", "or", "of", "for", "with", "from", "to", "in", "on", "at", "by"])
# An item a number and a dash mark: a team sheet's shirt number, a roster's desk or badge number
# ("15 - Andre Joubert , 14 - Justin Swart", "Desk 4 - Priya Raman ; Desk 5 - Tomasz Wójcik").
_NUMBERED_ITEM = re.compile(rf"(?<![\w.,:/-])\d{{1,3}}[ \t]+[-–][ \t]+({NAME})(?![\w'’-])")
# An item a number marks with a blank only, between commas, semicolons or a label's colon, a bracket's note
# after it: a team sheet ("DRINI: 12 Berisha; 2 Kastrati, 4 Dushku, 5 Dervishi (c), 11 Rrahmani (85' Gjoni)").
# A surname in capitals among them ("8 DOKU, 6 Mensah, 9 N'DIAYE"): four letters or more, a word English
# seldom uses (not "10 CABLES", "2 BOXES").
_CAPS_ITEM = rf"[{UPPER_LATIN}]+(?:['’-][{UPPER_LATIN}]+)*"
_BARE_NUMBERED_ITEM = re.compile(
    rf"(?:(?<=[,;:])|^)[ \t]*\d{{1,3}}[ \t]+({NAME}|{_CAPS_ITEM})"
    r"(?=[ \t]*(?:\([^()\n]{0,24}\))?[ \t]*(?:[,;.]|$))",
    re.M,
)
_CAPS_MIN_LETTERS = 4
_CAPS_NAME_ZIPF = 3.0
# An item a figure follows, between commas, semicolons or brackets: a score card, a leaderboard, a timesheet
# ("W. Athey 111 , V. Drakes 52", "Priya Raman 7.5, Tomasz Wójcik 8").
_FIGURE_ITEM = re.compile(
    rf"(?:(?<=[,;(:])|(?<=^)|(?<=\n))[ \t]*((?:[{UPPER_LATIN}]\.[ \t]*)?{NAME})[ \t]+\d[\d.:/-]*"
    r"[ \t]*(?=[,;)]|\.?[ \t]*$)",
    re.M,
)


def listed_names(
    text: str, names: list[RecognizerResult], blocking: list[RecognizerResult]
) -> list[RecognizerResult]:
    """PERSON results for the items of comma lists whose items are mostly ``names``; an item under a
    ``blocking`` result (a pattern's, or the model's organization with a company's word) stays as it is."""
    found: list[RecognizerResult] = []
    if len(names) < _MIN_NAMED:
        return found
    for listing in _LIST.finditer(text):
        items = [(m.start(), m.end()) for m in _ITEM_RE.finditer(text, listing.start(), listing.end())]
        named = [i for i in items if any(r.start <= i[0] and i[1] <= r.end for r in names)]
        if len(named) < _MIN_NAMED or 2 * len(named) <= len(items):
            continue
        for start, end in items:
            if (start, end) in named:
                continue
            if any(r.start < end and start < r.end for r in [*names, *blocking]):
                continue
            value = text[start:end]
            if any(w.casefold() in _STOP for w in value.split()):
                continue
            if not plausible_person(value, text, from_model=True, hyphenated=True):
                continue
            found.append(rule_result("PERSON", start, end, _SCORE, LIST_OF_NAMES))
    return found


def numbered_names(
    text: str, names: list[RecognizerResult], blocking: list[RecognizerResult]
) -> list[RecognizerResult]:
    """PERSON results for the items of a line of items that a number and a dash mark (a team sheet: "15 -
    Andre Joubert , 14 - Justin Swart"; a seating plan: "Desk 4 - Priya Raman, Desk 5 - Tomasz Wójcik"; with
    no dash between commas or semicolons: "2 Kastrati, 4 Dushku, 5 Gashi") or
    that a figure follows (a score card: "W. Athey 111 , V. Drakes 52"; a timesheet: "R. Oduya 37.5, T.
    Brankovic 40"), when at least two items and more than half of the line's items of that kind are
    ``names``; an item under a ``blocking`` result stays as it is."""
    found: list[RecognizerResult] = []
    if len(names) < _MIN_NAMED:
        return found
    patterns = (
        (_NUMBERED_ITEM, NUMBERED_ITEMS),
        (_BARE_NUMBERED_ITEM, NUMBERED_ITEMS),
        (_FIGURE_ITEM, FIGURE_ITEMS),
    )
    for pattern, rule in patterns:
        lines: dict[int, list[tuple[int, int]]] = {}
        for match in pattern.finditer(text):  # an item never crosses a line break
            lines.setdefault(text.rfind("\n", 0, match.start(1)), []).append(match.span(1))
        for items in lines.values():
            found += _majority(text, items, names, [*blocking, *found], rule)
    return found


def _majority(
    text: str,
    items: list[tuple[int, int]],
    names: list[RecognizerResult],
    blocking: list[RecognizerResult],
    rule: str,
) -> list[RecognizerResult]:
    """PERSON results for the ``items`` no result covers, when at least two and more than half of them are
    ``names`` and there are three or more."""
    if len(items) < _MIN_ITEMS:
        return []
    named = [i for i in items if any(r.start <= i[0] and i[1] <= r.end for r in names)]
    # An item in capitals that no name covers is no vote against the others ("9 N'DIAYE" found later).
    voting = [i for i in items if i in named or not text[i[0] : i[1]].isupper()]
    if len(named) < _MIN_NAMED or 2 * len(named) <= len(voting):
        return []
    found = []
    for start, end in items:
        if (start, end) in named or any(r.start < end and start < r.end for r in [*names, *blocking]):
            continue
        value = text[start:end]
        if value.isupper() and not _caps_name(value):
            continue
        if plausible_person(
            value.title() if value.isupper() else value, text, from_model=True, hyphenated=True
        ):
            found.append(rule_result("PERSON", start, end, _SCORE, rule))
    return found


def _caps_name(value: str) -> bool:
    """A list item in capitals that may be a surname: one word of four letters or more that English seldom
    uses, nor its singular ("DOKU", "N'DIAYE"; not "USB", "CABLES", "PALLETS")."""
    letters = [c for c in value if c.isalpha()]
    word = value.casefold()
    forms = [word, word[:-1]] if word.endswith("s") else [word]
    return len(letters) >= _CAPS_MIN_LETTERS and all(english_zipf(w) < _CAPS_NAME_ZIPF for w in forms)
