"""What a roster's other columns say about the people in it: their ranks, and the codes that stand for them.

A crew list, a ward rota or a staff list gives each person a row with a name column and, beside it, a rank
or position ("Rank or rating", "POS", "Grade") and often a short code ("CODE", "Staff code")::

    POS  CODE  NAME                 STAFF NO
    CPT  KMO   OKAFOR, Kelechi      10412
    FO   TVF   FIFITA, Tevita       11873

* **Ranks** (``column_ranks``): the words of a rank column of a table that also has a name column are the
  document's own terms of address; before a name in its prose they are no part of it ("Cadet Wiremu",
  "Bosun Bence Varga", "FO Fifita"; ``document_titles`` cuts them). Not a word the table's name cells hold
  ("Cook" as a rank beside a "COOK, Jamie"), and nothing without a name column: a "Position" column of a
  price list says nothing about names.
* **Codes** (``code_persons``): a code column's value, two to four capitals, stands for the person of its row
  when that row's name cell holds a found person of two words or more (the code column of at least two
  such rows: a column of codes, not a one-off), and so does a code the text gives in brackets right after a
  found person ("Tevita Fifita (FO, code TVF)"). Every mention of such a code in the document is that person
  ("CPT KMO PF", "handover TKA -> RHW"). Not a code that is an English word or an everyday abbreviation
  ("IT", "HR"), nor a code beside a city or a product (no person of two words in its row).
* **User names** (``code_persons`` too): a "github", "username", "login" or "handle" column's cells in rows
  whose name cell holds a found full name (two such rows at least): "tmalohi" of a sign-up export.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from presidio_analyzer import RecognizerResult

from anonymize.filters import NOT_ACRONYM_ORGANIZATIONS
from anonymize.header_columns import columns, name_columns
from anonymize.results import rule_result
from anonymize.span_index import SpanIndex
from anonymize.text import STOP_WORDS
from anonymize.word_kinds import english_zipf

ROSTER_CODE = "RosterCode"
_SCORE = 0.85
_ZIPF = 3.0  # "it", "hr", "am" are words; "tka", "hmr", "ddx" are not
_MIN_ROWS = 2
_SEP = r"[ _.-]?"
# A header cell over people's ranks or positions in a roster.
_RANK_HEADER = re.compile(
    rf"(?i:ranks?(?:[ \t]+(?:or|/)[ \t]+ratings?)?|ratings?|pos\.?|positions?|crew{_SEP}positions?|"
    rf"grades?|designations?|functions?|duty|duties|job{_SEP}titles?|roles?)"
)
# A header cell over codes that stand for the people of the rows.
_CODE_HEADER = re.compile(
    rf"(?i:(?:staff|crew|employee|emp|person|user|duty|nurse|pilot|teacher|tutor|member){_SEP}codes?|"
    rf"codes?|abbr\.?|abbreviations?|kürzel|kuerzel|sigles?|call{_SEP}signs?)"
)
# A header cell over people's user names on a platform: "github", "username", "login", "Slack handle".
_HANDLE_HEADER = re.compile(
    rf"(?i:(?:github|gitlab|bitbucket|slack|telegram|instagram|twitter|discord|skype|teams)"
    rf"(?:{_SEP}(?:handle|user(?:{_SEP}name)?|login|id))?|user{_SEP}names?|logins?|handles?)"
)
_HANDLE = re.compile(r"@?(?=[\w.-]*[^\W\d_])\w[\w.-]{1,38}")
_RANK_WORD = re.compile(r"[^\W\d_][^\W_]*\.?")  # "Master", "FA1", "2nd" is left
_MAX_RANK_WORDS = 3
_CODE = re.compile(r"[A-Z]{2,4}")
# A code the text gives in brackets right after a name: "Tevita Fifita (FO, code TVF)", "(code: TVF)".
_BRACKET_CODE = re.compile(r"[ \t]*\((?:[^()\n]{0,40}?[,;][ \t]*)?(?i:code)[ \t]*:?[ \t]*([A-Z]{2,4})\)")


def column_ranks(text: str) -> frozenset[str]:
    """The casefolded words of the rank or position columns of the text's tables that have a name column
    (module doc)."""
    if "\n" not in text:
        return frozenset()
    names = [cells for cells in name_columns(text)]
    if not names:
        return frozenset()
    name_lines = {_line(text, start) for cells in names for start, _end in cells}
    name_words = {w.casefold() for cells in names for s, e in cells for w in re.findall(r"\w+", text[s:e])}
    ranks: set[str] = set()
    for _label, cells in columns(text, _RANK_HEADER):
        for start, end in cells:
            words = text[start:end].split()
            if (
                _line(text, start) not in name_lines
                or any(len(w) < 2 or w.casefold() in STOP_WORDS for w in words)
                or not 1 <= len(words) <= _MAX_RANK_WORDS
                or not all(_RANK_WORD.fullmatch(w) for w in words)
            ):
                continue
            ranks.update(w.rstrip(".").casefold() for w in words)
    return frozenset(ranks - name_words)


def code_persons(
    text: str, persons: Sequence[RecognizerResult], taken: Sequence[RecognizerResult] = ()
) -> list[RecognizerResult]:
    """PERSON results for every mention of a code the text ties to a found person (module doc), where no
    ``taken`` result is."""
    code_cells = _header_cells(text, _CODE_HEADER)
    handle_cells = _header_cells(text, _HANDLE_HEADER)
    named = _named_lines(text, persons) if code_cells or handle_cells else set()
    codes = {text[s:e] for s, e in _tied(text, code_cells, named, _code_cell)} | _bracket_codes(text, persons)
    codes = {c for c in codes if c.casefold() not in NOT_ACRONYM_ORGANIZATIONS and english_zipf(c) < _ZIPF}
    found = _tied(text, handle_cells, named, _handle_cell)
    if codes:
        pattern = re.compile(
            rf"(?<![\w@/.&-])(?:{'|'.join(sorted(codes, key=len, reverse=True))})(?![\w@/&-])"
        )
        found += [(m.start(), m.end()) for m in pattern.finditer(text)]
    taken_spans = SpanIndex((t.start, t.end) for t in taken)
    return [
        rule_result("PERSON", start, end, _SCORE, ROSTER_CODE)
        for start, end in found
        if not taken_spans.overlaps(start, end)
    ]


def _named_lines(text: str, persons: Sequence[RecognizerResult]) -> set[int]:
    """The starts of the lines whose name cell holds a found person of two words or more."""
    full_names = SpanIndex((r.start, r.end) for r in persons if _full_name(text, r))
    return {
        _line(text, start)
        for cells in name_columns(text)
        for start, end in cells
        if full_names.overlaps(start, end)
    }


def _header_cells(text: str, header: re.Pattern[str]) -> list[tuple[int, int]]:
    """The cells under the text's ``header`` columns, when there are two or more (a column, no one-off)."""
    if "\n" not in text:
        return []
    cells = [c for _label, values in columns(text, header) for c in values]
    return cells if len(cells) >= _MIN_ROWS else []


def _tied(
    text: str, cells: list[tuple[int, int]], named: set[int], fits: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """The ``cells`` in rows whose name cell holds a found person (``named``) whose value ``fits``, when at
    least two are."""
    tied = [(s, e) for s, e in cells if _line(text, s) in named and fits(text[s:e])]
    return tied if len(tied) >= _MIN_ROWS else []


def _code_cell(value: str) -> bool:
    return _CODE.fullmatch(value) is not None


def _handle_cell(value: str) -> bool:
    """A user name of a "github", "username", "login" or "handle" column; no frequent English word ("none",
    "admin")."""
    return _HANDLE.fullmatch(value) is not None and english_zipf(value) < _ZIPF


def _bracket_codes(text: str, persons: Sequence[RecognizerResult]) -> set[str]:
    found: set[str] = set()
    for r in persons:
        if _full_name(text, r) and (match := _BRACKET_CODE.match(text, r.end)):
            found.add(match.group(1))
    return found


def _full_name(text: str, result: RecognizerResult) -> bool:
    """A found person of two words or more ("Tevita Fifita", "OKAFOR, Kelechi")."""
    return result.entity_type == "PERSON" and len(re.findall(r"\w+", text[result.start : result.end])) >= 2


def _line(text: str, position: int) -> int:
    return text.rfind("\n", 0, position) + 1
