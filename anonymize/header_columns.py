"""Names by their column's header: a table whose header says a column holds people's names.

An HR spreadsheet, a roster, an attendance list or a phone list exported as CSV, TSV, a markdown table or
fixed-width columns names its columns::

    surname            given_names   department
    Van der Westhuizen Liezl         Finance
    Name                     Role               Ext
    King, Abimbola           Branch manager     110

Where no other means finds a single name in such a column (foreign surnames the NER model has not seen, given
names that are English words: "Mercy", "Sunday"), the header does: a header cell that names a name column
("surname", "given_names", "Full name", "SURNAME, Given name", "Employee name") makes every cell under it that
is written like a name a PERSON, also a name in capitals or an inverted "Surname, Given". A header cell that
names a person's role ("Manager", "Employee", "Attendee", "Reports to") is weaker: a cell under it is a name
only when it has a name's shape with a lexicon name in it (``table_columns.name_shaped``), or is an inverted
name whose parts are lexicon names. A header that names places, organizations or roles ("Site", "City",
"Department", "Role") says the opposite: what the NER model or the lexicon reads as a name in its cells is
none (``not_name_cells``: "| Site |" over "Riga" and "Vilnius").

The rows of a table are the lines after its header up to a blank line, split the way the header line splits
(tabs, pipes, commas with quotes, or runs of two or more spaces); in a fixed-width table a row's cell is the
one that starts where the header's cell starts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from presidio_analyzer import RecognizerResult

from anonymize.name_lexicon import NameLexicon
from anonymize.recognizers.person_slots import unknown_name_word
from anonymize.results import rule_result
from anonymize.table_columns import (
    calendar_word,
    csv_cells,
    gap_cells,
    line_spans,
    name_shaped,
    pipe_cells,
    semicolon_cells,
    tab_cells,
)
from anonymize.text import STOP_WORDS
from anonymize.word_kinds import organization_word

HEADER_COLUMN = "NameHeaderColumn"
_SCORE = 0.85
_MAX_WORDS = 6
_ALIGN = 2  # characters a fixed-width row's cell may start away from its header's

_SEP = r"[ _.-]?"
# A header cell that says its column holds names.
_NAME_HEADER = re.compile(
    rf"(?i:(?:(?:full|first|last|given|family|middle|preferred|legal|display|maiden|birth|christian|"
    rf"employee|staff|member|person|contact|customer|patient|student|pupil|candidate|applicant|attendee|"
    rf"participant|delegate|guest|visitor|tenant|driver|nurse|trainee|trainer|volunteer|worker|"
    rf"manager|supervisor|owner|holder|signatory|beneficiary|recipient|payee|employee's|person's)"
    rf"{_SEP}names?|names?|surnames?|forenames?|given{_SEP}names?|first{_SEP}names?|nick(?:{_SEP}names?)?|"
    rf"aliase?s?|"
    rf"(?:surname|last{_SEP}name|family{_SEP}name)[ \t]*[,/&+][ \t]*(?:given|first|fore)[ \t_-]*names?|"
    rf"(?:[^\W\d_]+{_SEP})?names?[ \t]*\((?:surname|last(?: name)?|family(?: name)?)[^)]*\)))"
)
# A header cell that names a person's role: the cells under it are names when they look like names.
_ROLE_HEADER = re.compile(
    rf"(?i:employee|staff{_SEP}member|staff|member|attendee|participant|delegate|contact(?:{_SEP}person)?|"
    rf"manager|line{_SEP}manager|supervisor|reports{_SEP}to|approved{_SEP}by|assigned{_SEP}to|assignee|"
    rf"reviewer|approver|mentor|buddy|trainer|trainee|nurse|driver|tenant|chair|lead|on{_SEP}call|"
    rf"person|who|requester|requested{_SEP}by|reported{_SEP}by|author|owner|volunteer|candidate|"
    rf"applicant|patient|student|guest|visitor|signatory|witness|interviewer|interviewee|agent|host)"
)
# A header cell whose column holds places, organizations or roles, never a person's name: a cell the NER
# model or the lexicon took for a name there is none ("| Site |" over "Riga", "Vilnius").
_NOT_NAME_HEADER = re.compile(
    rf"(?i:site|location|city|town|office|branch|country|region|area|state|province|county|department|dept|"
    rf"team|unit|division|company|employer|organi[sz]ation|address|venue|room|building|depot|warehouse|"
    rf"role|position|job{_SEP}title|title|grade|status|rank|rating|rank[ \t]+or[ \t]+rating|pos\.?)s?"
)
# A header cell over the marks people put in a log or a register: "By", "Initials", "Sign", "Checked by".
_INITIALS_HEADER = re.compile(
    rf"(?i:by|initials?|init\.?|inits|sign|signed|sig|signature|initial(?:l)?ed(?:{_SEP}by)?|"
    rf"(?:checked|done|given|dispensed|counted|witnessed|issued|received|logged|entered){_SEP}by)"
)
# Header cells that name half of a person's name only beside the other half (``_paired``).
_PAIR_KIND = {
    **dict.fromkeys(["last", "family", "surname", "apellido", "apellidos", "nom"], "family"),
    **dict.fromkeys(["first", "given", "forename", "nombre", "prénom", "prenom", "vorname"], "given"),
}
_NAME_OR_ROLE_HEADER = re.compile(rf"{_NAME_HEADER.pattern}|{_ROLE_HEADER.pattern}")
_PARTICLE = re.compile(
    r"(?i:van|von|der|den|de|del|della|des|di|da|das|do|dos|du|la|le|les|lo|ten|ter|te|op|bin|binti|bint|"
    r"ibn|ben|bat|al|el|ul|ur|abu|umm|ould|ap|ab|mac|mc|ni|nic|ó|ua|uí|mhic|an|na|y|e|i)"
)
_PARTICLE_PREFIX = re.compile(r"^(?i:al|el|ul|ur|bin|ibn|abu|ben|ould|d|o|l)['’-]")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_PLACEHOLDER = re.compile(
    r"(?i:n/?a|tbc|tbd|tba|vacant|none|nobody|unassigned|unknown|various|all|everyone|team|self|"
    r"same|ditto|yes|no|x|-+|—|–|\?+)"
)
_TRAILING_MARK = re.compile(r"(?:[ \t]+[-–—*?])+$")
_SEPARATOR_ROW = re.compile(r"[\s|:+-]*")

Cell = tuple[int, int]  # (start, end) of a cell in the text
Splitter = Callable[[str, int, int], list[Cell]]


def header_names(text: str, lexicon: NameLexicon) -> list[RecognizerResult]:
    """PERSON results for the name cells under the name columns of the text's tables."""
    found: list[RecognizerResult] = []
    for label, cells in _columns(text, _NAME_OR_ROLE_HEADER, pairs=True):
        strong = _names_a_name(label)
        for start, end in cells:
            if _is_name(text[start:end], lexicon, strong):
                found.append(rule_result("PERSON", start, end, _SCORE, HEADER_COLUMN))
    return found


def person_columns(text: str) -> Iterator[tuple[bool, list[Cell]]]:
    """(whether the header names a name column, not a role, the values of its cells) of each column under a
    name or role header ("Full name", "Approver")."""
    for label, cells in _columns(text, _NAME_OR_ROLE_HEADER, pairs=True):
        yield _names_a_name(label), cells


def _names_a_name(label: str) -> bool:
    """A header cell that names a name column, not a role: "Full name", or a "Last" or "First" cell
    ``_columns`` yields only beside its partner (``_paired``)."""
    return bool(_NAME_HEADER.fullmatch(label)) or label.casefold() in _PAIR_KIND


def not_name_cells(text: str) -> tuple[Cell, ...]:
    """The values of the cells under a header that names places, organizations or roles ("Site", "City",
    "Department", "Role"): whatever the model or the lexicon reads there is no person. Read once per text
    (``anonymize.resolution.Resolution.not_name_cells``) for the steps that ask."""
    return tuple(cell for _label, cells in _columns(text, _NOT_NAME_HEADER) for cell in cells)


def initials_cells(text: str) -> tuple[Cell, ...]:
    """The values of the cells under a header of people's marks ("By", "Initials", "Sign", "Checked by")."""
    return tuple(cell for _label, cells in _columns(text, _INITIALS_HEADER) for cell in cells)


def name_columns(text: str) -> Iterator[list[Cell]]:
    """The values of the cells of each column under a header that names a name column ("NAME", "Family
    name", "Given names"; not a role's header)."""
    for _label, cells in _columns(text, _NAME_HEADER, pairs=True):
        yield cells


def columns(text: str, header: re.Pattern[str]) -> Iterator[tuple[str, list[Cell]]]:
    """(label, the values of its cells) of each column whose header cell ``header`` matches whole."""
    return _columns(text, header)


def _columns(text: str, header: re.Pattern[str], pairs: bool = False) -> Iterator[tuple[str, list[Cell]]]:
    """(label, the values of its cells) of each column whose header cell ``header`` matches whole, in the
    text's tables (with ``pairs``, also a "Last" beside a "First" cell: ``_paired``). Each line that splits
    into cells is read as a header line (a search of the whole line for a label, over a hundred words in any
    case, costs more than the split; ``header`` looks at no character outside its match, so a cell it
    matches whole is found either way)."""
    lines, splits = _line_splits(text)
    for index, split, aligned, heads in splits:
        start = lines[index][0]
        labels = [text[cell_start:cell_end].strip(" \t|*\"'#:") for cell_start, cell_end in heads]
        paired = _paired(labels) if pairs else frozenset()
        for column, (cell_start, _cell_end) in enumerate(heads):
            label = labels[column]
            if not header.fullmatch(label) and column not in paired:
                continue
            offset = cell_start - start if aligned else None
            rows = _column_cells(text, lines[index + 1 :], split, column, offset, len(heads))
            yield label, [value for value in (_value(text, c) for c in rows) if value is not None]


def _paired(labels: list[str]) -> frozenset[int]:
    """The columns of a header line labeled "Last" and "First" (or "Family" and "Given", "Surname" and
    "Forename") side by side in one header: alone each word may head anything ("Last visit", "First
    aid"), together they split a person's name ("Position,Last,First,Shift")."""
    kinds = [_PAIR_KIND.get(label.casefold()) for label in labels]
    if "family" not in kinds or "given" not in kinds:
        return frozenset()
    return frozenset(i for i, kind in enumerate(kinds) if kind is not None)


@lru_cache(maxsize=4)  # the steps of one text ask for several headers in turn
def _line_splits(text: str) -> tuple[list[Cell], list[tuple[int, Splitter, bool, list[Cell]]]]:
    """The text's lines, and (index, splitter, aligned, header cells) of each line that splits into cells."""
    lines = line_spans(text)
    splits: list[tuple[int, Splitter, bool, list[Cell]]] = []
    for index, (start, end) in enumerate(lines):
        how = _splitter(text, start, end)
        if how is not None:
            splits.append((index, how[0], how[1], how[0](text, start, end)))
    return lines, splits


def claim_cells(results: list[RecognizerResult], names: list[RecognizerResult]) -> list[RecognizerResult]:
    """``results`` without the other readings of a name cell's value: under "given_names" "Sunday" is no
    date, "Jordan" no place (a reading that reaches past the cell stays)."""
    return [r for r in results if not any(n.start <= r.start and r.end <= n.end for n in names)]


def persons_outside(results: list[RecognizerResult], cells: Sequence[Cell]) -> list[RecognizerResult]:
    """``results`` without the PERSON results that lie inside one of ``cells``."""
    return [
        r
        for r in results
        if r.entity_type != "PERSON" or not any(s <= r.start and r.end <= e for s, e in cells)
    ]


def _splitter(text: str, start: int, end: int) -> tuple[Splitter, bool] | None:
    """How a header line splits into cells (tabs or column gaps, pipes, commas), and whether its rows' cells
    are found by position (a fixed-width table: no tab); None: no table header."""
    line = text[start:end]
    if line.lstrip().startswith("|"):
        return (pipe_cells, False) if len(pipe_cells(text, start, end)) > 1 else None
    if line.count("|") >= 2 and "\t" not in line:
        return pipe_cells, False  # pipes between the cells only: "Name | Role | Phone"
    if _tsv_header(line):
        return tab_cells, False  # one tab between cells: a TSV export, whose rows may hold empty fields
    if len(gap_cells(text, start, end)) > 1:
        return gap_cells, "\t" not in line
    if "," not in line and line.count(";") >= 2:
        return (
            semicolon_cells,
            False,
        )  # "badge_id;LAST;first;affiliation": a spreadsheet's CSV with semicolons
    return (csv_cells, False) if len(csv_cells(text, start, end)) > 1 else None


def _column_cells(
    text: str, rows: list[Cell], split: Splitter, column: int, offset: int | None, width: int
) -> list[Cell]:
    """The cells of ``column`` (or, in a fixed-width table, the cell that starts at ``offset`` in its line)
    in the rows under a header, up to a blank line or a line that is no row (a CSV, TSV or markdown row has
    the header's ``width`` cells)."""
    cells: list[Cell] = []
    for start, end in rows:
        line = text[start:end]
        if not line.strip():
            break
        if split is pipe_cells and _SEPARATOR_ROW.fullmatch(line):
            continue  # a markdown table's separator row
        row = split(text, start, end)
        if len(row) < 2 or (offset is None and len(row) != width and not _short_tsv_row(split, row, width)):
            break
        if offset is not None:
            aligned = [c for c in row if abs(c[0] - start - offset) <= _ALIGN]
            if aligned:
                cells.append(aligned[0])
        elif column < len(row):
            cells.append(row[column])
    return cells


def _tsv_header(line: str) -> bool:
    """Cells joined by single tabs, none empty, no column gap of blanks: a TSV export's header line (not a
    table aligned with runs of tabs or blanks, whose rows are split at their gaps)."""
    cells = line.split("\t")
    return len(cells) > 1 and all(c.strip() for c in cells) and not any("  " in c for c in cells)


def _short_tsv_row(split: Splitter, row: list[Cell], width: int) -> bool:
    """A TSV row that leaves its last empty fields out (no trailing tabs): fewer cells, none extra."""
    return split is tab_cells and len(row) < width


def _value(text: str, cell: Cell) -> Cell | None:
    """The cell without its padding, quotes and trailing marks ("Aisyah -"); None when empty."""
    start, end = cell
    while start < end and text[start] in " \t\"'*":
        start += 1
    while end > start and text[end - 1] in " \t\"'*;.":
        end -= 1
    trailing = _TRAILING_MARK.search(text, start, end)
    if trailing:
        end = trailing.start()
    return (start, end) if end > start else None


def _is_name(value: str, lexicon: NameLexicon, strong: bool) -> bool:
    """A cell's value written like a name: capitalized words and particles, "Surname, Given" too; under a
    role header (not ``strong``) it also needs the lexicon (``name_shaped``)."""
    if re.search(r"[\d@/:()&]", value) or _PLACEHOLDER.fullmatch(value):
        return False
    parts = [p.strip() for p in value.split(",")]
    if len(parts) > 2 or not all(parts):
        return False
    if not strong:
        if len(parts) == 1:  # also one word English does not know: "Tamatea" under "Owner"
            return name_shaped(value, lexicon) or unknown_name_word(value)
        return all(_written_like_name(p, lexicon) for p in parts) and all(
            any(lexicon.name_word(w) for w in _WORD.findall(p)) for p in parts
        )
    return all(_written_like_name(p, lexicon) for p in parts)


def _written_like_name(value: str, lexicon: NameLexicon) -> bool:
    words = value.split()
    if not 1 <= len(words) <= _MAX_WORDS or not all(_WORD.fullmatch(w) for w in words):
        return False
    # Particles stand apart or joined: "van der Berg", "al-Qahtani", "bin-Rashid".
    named = [_PARTICLE_PREFIX.sub("", w) for w in words if not _PARTICLE.fullmatch(w.rstrip("-"))]
    if not named or not all(w[:1].isupper() for w in named) or any(organization_word(w) for w in named):
        return False
    if len(named) == 1:
        word = named[0]
        folded = word.casefold()
        # One word: a name of the lexicon, also an everyday word or a day's name ("Mercy", "Sunday" under
        # "given_names"), or a word that is no everyday English word ("Rawiri").
        if folded in lexicon.given or lexicon.surname(word):
            return folded not in STOP_WORDS
        everyday = lexicon.ordinary_word(word.lower()) or folded in STOP_WORDS
        return not calendar_word(word) and not everyday
    return not all(calendar_word(w) for w in named)
