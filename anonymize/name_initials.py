"""A person's initials used for the person in the same document: "IH: ask legal" and "JPK to follow up" in
minutes that name Ingrid Haugland and Jens Peter Kjær, "— D.H.G." under a note by Dawit Haile Gebremariam.

Initials alone are no evidence of a person (gene symbols, units, departments: "IH", "PK", "HR"); a detected
name of the same document whose words start with those letters is. Only initials of two to four letters, all
capitals, written alone (no word, digit or hyphen joined to them), with dots after each letter or none, no
English word ("AM", "IT") and no everyday business abbreviation ("HR", "CEO"); the name must have at least
as many words as the initials have letters, counted without its particles ("Astrid Løvås Berg": "ALB"; "Pieter
van der Berg": "PB" or "PVDB").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import RecognizerResult

from anonymize.filters import NOT_ACRONYM_ORGANIZATIONS
from anonymize.name_lexicon import NameLexicon
from anonymize.propagation import mentions_outside
from anonymize.results import rule_result
from anonymize.text import STOP_WORDS

_MIN_LETTERS = 2
_MAX_LETTERS = 4
_ENGLISH_ZIPF = 3.0
_NAME_WORD = re.compile(r"[^\W\d_][\w'’]*")


def initials_of(name: str, longest: int = _MAX_LETTERS) -> set[str]:
    """The initials a name is written with, of two to ``longest`` letters: the first letter of each
    capitalized word, the hyphenated parts of a given name counted apart too ("Lars-Erik Sundqvist": "LS",
    "LES"), and with its particles ("van der": "PVDB") or without them ("PB")."""
    words = name.split()
    forms: set[str] = set()
    for split_hyphens in (False, True):
        parts = [p for w in words for p in (w.split("-") if split_hyphens else [w])]
        letters = [m.group()[0] for p in parts if (m := _NAME_WORD.search(p))]
        capitals = "".join(c for c in letters if c.isupper())
        forms.add(capitals)
        forms.add("".join(letters).upper())
    return {f for f in forms if _MIN_LETTERS <= len(f) <= longest and f.isalpha()}


# Two to four capitals, alone or each followed by a dot ("JPK", "D.H.G."), not part of a longer token.
_INITIALS = re.compile(r"(?<![\w.@/-])(?:(?:[A-Z]\.){2,4}|[A-Z]{2,4}(?![.]\w))(?![\w@/-])")


def initials_mentions(
    text: str, names: Sequence[RecognizerResult], taken: Sequence[RecognizerResult], lexicon: NameLexicon
) -> list[RecognizerResult]:
    """The initials in ``text`` of the detected ``names`` (``initials_of``) that read as a person's name
    (``named_words``), where no ``taken`` result is, as PERSON results."""
    from wordfreq import zipf_frequency

    known: set[str] = set()
    for r in names:
        value = text[r.start : r.end]
        if len(value.split()) >= 2 and not value.isupper() and named_words(value, lexicon):
            known |= initials_of(value)
    spans = [(r.start, r.end) for r in [*names, *taken]]
    if not known:
        return _cell_initials(text, known, spans)

    def usable(letters: str) -> bool:
        folded = letters.casefold()
        return (
            letters in known
            and folded not in STOP_WORDS
            and folded not in NOT_ACRONYM_ORGANIZATIONS
            and zipf_frequency(folded, "en") < _ENGLISH_ZIPF
        )

    found = [
        r
        for r in mentions_outside(_INITIALS, text, spans)
        if usable(text[r.start : r.end].replace(".", "")) and not _caps_run(text, r.start, r.end)
    ]
    return found + _cell_initials(text, known, [*spans, *((r.start, r.end) for r in found)])


def named_words(value: str, lexicon: NameLexicon) -> bool:
    """A person's name by its words, not a term the detector kept for one ("Long Terminal Repeat", "Major
    Depressive Disorder (MDD)"): it starts with a given name of the lexicon or a word English does not use,
    and ends with a surname of the lexicon or a word English does not use."""
    from wordfreq import zipf_frequency

    parts = [w.strip(".,;:'’()") for w in value.split()]
    first, last = parts[0], parts[-1]

    def rare(word: str) -> bool:
        return zipf_frequency(word.casefold(), "en") < _ENGLISH_ZIPF

    return (lexicon.given_name(first) or rare(first)) and (lexicon.surname(last) or rare(last))


def _caps_run(text: str, start: int, end: int) -> bool:
    """The initials sit in a run of capitals (a heading, an all-caps line: "IH AND PK UNITS"), where they
    are one more acronym among others."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return len(letters) > 0 and sum(c.isupper() for c in letters) > len(letters) / 2


# Initials alone or joined by slashes in a cell of a log or an action list: "ST", "BK/ST", "GT / SW".
CELL_INITIALS = "CellInitials"
_CELL_SCORE = 0.85
_CELL_INITIALS = re.compile(r"(?<![\w.@/-])[A-Z]{2,4}(?:[ \t]*/[ \t]*[A-Z]{2,4})*(?![\w@/-])")
_ONE = re.compile(r"[A-Z]{2,4}")
_NO_MARKS = (
    STOP_WORDS
    | NOT_ACRONYM_ORGANIZATIONS
    | frozenset(
        ["na", "nil", "tbc", "tbd", "tba", "ok", "yes", "all", "am", "pm", "dna", "abs", "sys", "auto", "bot"]
    )
)


def _cell_initials(text: str, known: set[str], taken: Sequence[tuple[int, int]]) -> list[RecognizerResult]:
    """The initials that are all of a table's cell, alone or joined by slashes: of the document's persons
    (a dispensing log's "ST", "BK/ST"; an action list's "GT / SW"), or any under a header of people's marks
    ("By", "Initials", "Sign"): the cell makes them a person's mark where English reads two letters as a word
    or an abbreviation ("ST", "MK"); not a stop word, a business abbreviation or a placeholder ("IT", "HR",
    "NA", "TBC")."""
    from anonymize.header_columns import initials_cells
    from anonymize.recognizers.inverted_names import export_cell

    marks: tuple[tuple[int, int], ...] | None = None
    found = []
    for unit in _CELL_INITIALS.finditer(text):
        if any(s < unit.end() and unit.start() < e for s, e in taken) or not export_cell(text, *unit.span()):
            continue
        parts = list(_ONE.finditer(text, unit.start(), unit.end()))
        if any(p.group().casefold() in _NO_MARKS for p in parts):
            continue
        if not all(p.group() in known for p in parts):
            marks = initials_cells(text) if marks is None else marks
            if not any(s <= unit.start() and unit.end() <= e for s, e in marks):
                continue
        found += [rule_result("PERSON", p.start(), p.end(), _CELL_SCORE, CELL_INITIALS) for p in parts]
    return found
