"""Names by their table column: a column whose cells are mostly detected names holds names in its other cells.

A CSV export, a markdown table or a roster laid out in columns puts one kind of value in each column::

    10251,Kwabena Asante,IT,2022-02-28,Ilya Sorokin,k.asante@...
    10260,April Delacroix,Marketing,2023-05-15,Jordan Price,a.delacroix@...

When at least two cells of a column, and half of its cells under the first row, are names found by other
means, a cell of the same column that has a name's shape (two to four capitalized words, or one word the name
lexicon knows as a given name or surname and that is no frequent English word) is a name too, even where the
NER model read a place or an organization in it ("Georgia Whitlock"). A header row is no name: its words are
frequent English words ("manager", "Full name").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import RecognizerResult

from anonymize.name_lexicon import NameLexicon
from anonymize.names import person_shaped
from anonymize.results import rule_result, tier

TABLE_COLUMN = "NameTableColumn"
_SCORE = 0.6
_MIN_ROWS = 3
_MIN_NAMED = 2
_NAMED_SHARE = 0.5
_COVER = 0.6
_ROUNDS = 3
_EVERYDAY_ZIPF = 3.0
_GAP = re.compile(r"[ \t]{2,}|\t")
_SEPARATOR_ROW = re.compile(r"[\s|:+-]*")
# A weekday or a month, whole or short, heads a rota's column: no name ("Thu", "Fri", "Mar").
_CALENDAR_WORD = re.compile(
    r"(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"(?i:day|nesday|sday|urday|uary|ruary|ch|il|e|y|ust|tember|ober|ember)?\.?"
)

Cell = tuple[int, int]  # (start, end) of a cell's value in the text


def csv_cells(text: str, start: int, end: int, delimiter: str = ",") -> list[Cell]:
    """Cells of one CSV line (double quotes protect the delimiter)."""
    if '"' not in text[start:end]:  # no quotes: every comma splits (most lines; no loop over characters)
        cells, begin = [], start
        while (comma := text.find(delimiter, begin, end)) >= 0:
            cells.append((begin, comma))
            begin = comma + 1
        cells.append((begin, end))
        return cells
    cells, begin, quoted = [], start, False
    for index in range(start, end):
        char = text[index]
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            cells.append((begin, index))
            begin = index + 1
    cells.append((begin, end))
    return cells


def semicolon_cells(text: str, start: int, end: int) -> list[Cell]:
    """Cells of one line of a CSV file with semicolons, as spreadsheets write CSV where the comma is the
    decimal mark (most of Europe and Latin America)."""
    return csv_cells(text, start, end, ";")


def pipe_cells(text: str, start: int, end: int) -> list[Cell]:
    """Cells between pipes: a markdown row ("| Ann Lee | IT |"), or a log's row with pipes between its
    columns only ("08:12   | Ann Lee   | IT"; two pipes at least)."""
    line = text[start:end]
    if _SEPARATOR_ROW.fullmatch(line):
        return []
    bounds = [start + m.start() for m in re.finditer(r"\|", line)]
    if not line.lstrip().startswith("|"):
        if len(bounds) < 2:
            return []
        bounds = [start - 1, *bounds, end]
    return [(a + 1, b) for a, b in zip(bounds, bounds[1:], strict=False)]


def gap_cells(text: str, start: int, end: int) -> list[Cell]:
    cells, begin = [], start
    for gap in _GAP.finditer(text, start, end):
        if gap.start() > begin:
            cells.append((begin, gap.start()))
        begin = gap.end()
    if end > begin:
        cells.append((begin, end))
    return cells


def tab_cells(text: str, start: int, end: int) -> list[Cell]:
    """A tab-separated line's cells at each tab, empty ones too: an export's empty field keeps the columns
    after it in place ("SHF0112\tDHILLON\t...\t43918820\t" ends in an empty NOTES cell)."""
    cells, begin = [], start
    for index in range(start, end):
        if text[index] == "\t":
            cells.append((begin, index))
            begin = index + 1
    cells.append((begin, end))
    return cells


_SPLITTERS = (csv_cells, pipe_cells, gap_cells)


def calendar_word(word: str) -> bool:
    """A weekday or a month, whole or short ("Thu", "Sept."): a rota's column header, no name."""
    return bool(_CALENDAR_WORD.fullmatch(word))


def _trimmed(text: str, cell: Cell) -> Cell:
    start, end = cell
    while start < end and text[start] in " \t\"'":
        start += 1
    while end > start and text[end - 1] in " \t\"'.;":
        end -= 1
    return start, end


def line_spans(text: str) -> list[Cell]:
    """(start, end) of each line of ``text``, without its line break."""
    lines, position = [], 0
    for line in text.split("\n"):
        lines.append((position, position + len(line)))
        position += len(line) + 1
    return lines


def tables(text: str) -> list[list[list[Cell]]]:
    """Runs of at least three consecutive lines that split into the same number (two or more) of cells, by
    commas, pipes or column gaps: each table a list of rows, each row a list of trimmed cells."""
    lines = line_spans(text)
    found: list[list[list[Cell]]] = []
    for split in _SPLITTERS:
        run: list[list[Cell]] = []
        for start, end in [*lines, (0, 0)]:
            cells = split(text, start, end) if end > start else []
            if len(cells) >= 2 and (not run or len(cells) == len(run[0])):
                run.append([_trimmed(text, c) for c in cells])
                continue
            if len(run) >= _MIN_ROWS:
                found.append(run)
            run = [[_trimmed(text, c) for c in cells]] if len(cells) >= 2 else []
    return found


def _covered(cell: Cell, persons: Sequence[RecognizerResult]) -> bool:
    start, end = cell
    covered = sum(min(end, r.end) - max(start, r.start) for r in persons if r.start < end and start < r.end)
    return end > start and covered >= _COVER * (end - start)


def name_shaped(value: str, lexicon: NameLexicon) -> bool:
    """Two to four capitalized words (in capitals too, or "Surname, Given names") with a name of the lexicon
    among them, or one word the lexicon knows as a name that is no frequent English word."""
    shaped = value.title() if value.isupper() else value
    surname, comma, given = shaped.partition(",")
    if (
        comma and given.strip() and "," not in given
    ):  # "Tamatea, Hēmi", "NGATA-WHAANGA, Mere": a roster's order
        shaped = f"{given.strip()} {surname.strip()}"
    parts = shaped.split()
    if len(parts) == 1:
        word = parts[0]
        return lexicon.name_word(word) and word[:1].isupper() and not calendar_word(word)
    return person_shaped(shaped, hyphenated=True) and any(lexicon.name_word(p.strip(".,")) for p in parts)


def column_names(
    text: str, results: Sequence[RecognizerResult], lexicon: NameLexicon
) -> list[RecognizerResult]:
    """PERSON results for the name-shaped cells of name columns that no result covers yet."""
    persons = [r for r in results if r.entity_type == "PERSON"]
    if not persons:
        return []
    found: list[RecognizerResult] = []
    for table in tables(text):
        # A rota names the same people in its other columns: the names one column gives count in the next.
        for _ in range(_ROUNDS):
            new = _table_names(text, table, [*persons, *found], results, lexicon)
            found += new
            if not new:
                break
    return found


def _table_names(
    text: str,
    table: list[list[Cell]],
    persons: Sequence[RecognizerResult],
    results: Sequence[RecognizerResult],
    lexicon: NameLexicon,
) -> list[RecognizerResult]:
    """One round of ``column_names`` over one table."""
    found: list[RecognizerResult] = []
    for column in range(len(table[0])):
        cells = [row[column] for row in table if row[column][1] > row[column][0]]
        named = [c for c in cells if _covered(c, persons)]
        body = [c for c in cells if c != table[0][column]]  # the share without a header row
        if len(named) < _MIN_NAMED or len(named) < _NAMED_SHARE * len(body):
            continue
        # A roster that writes its names "Surname, Given" writes them all so: the order vouches for a
        # cell of the same shape whose words the lexicon does not know ("Tamatea, Hēmi").
        inverted = any(_INVERTED.fullmatch(text[s:e]) for s, e in named)
        for start, end in cells:
            # The NER model's place or organization inside the cell does not stop it ("Georgia Whitlock").
            if (start, end) in named or any(r.start < end and start < r.end and tier(r) < 2 for r in results):
                continue
            value = text[start:end]
            # Not a header's words ("SURNAME, Given name").
            header = all(_everyday(w) for w in re.findall(r"[^\W\d_]+", value))
            if ("," in value and header) or value.strip().casefold() in _NAME_LABELS:
                continue  # "NICK" over a column of nicknames
            if name_shaped(value, lexicon) or (inverted and _INVERTED.fullmatch(value)):
                found.append(rule_result("PERSON", start, end, _SCORE, TABLE_COLUMN))
    return found + _repeated_cells(text, table, [*persons, *found], [*results, *found])


# "Surname, Given names": capitalized words, a hyphen or an apostrophe inside, one comma.
_NAME_WORD = r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*"
_INVERTED = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD})?, {_NAME_WORD}(?: {_NAME_WORD}){{0,2}}")


# A header's label that is a given name too ("NICK" over a rooming list's nicknames).
_NAME_LABELS = frozenset(["nick", "nicks", "nickname", "nicknames", "alias", "aliases"])


def _everyday(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.casefold(), "en") >= _EVERYDAY_ZIPF


def _repeated_cells(
    text: str,
    table: list[list[Cell]],
    persons: Sequence[RecognizerResult],
    results: Sequence[RecognizerResult],
) -> list[RecognizerResult]:
    """The cells of ``table`` that hold exactly the value of a cell a person covers (a rota names the same
    people in other columns and weeks), where no result lies yet."""
    cells = [c for row in table for c in row if c[1] > c[0]]
    names = {text[s:e] for s, e in cells if _covered((s, e), persons)}
    return [
        rule_result("PERSON", s, e, _SCORE, TABLE_COLUMN)
        for s, e in cells
        if text[s:e] in names
        and not any(r.start < e and s < r.end for r in [*persons, *results])
        and any(ch.isupper() for ch in text[s:e])
    ]
