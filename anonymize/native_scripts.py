"""A name written in its own script beside its romanised form: "GUAN Weiming (关伟明)", a roster's "Korean"
column ("| Pyo Seo-yeon | 표서연 | ..."), "Lau Wing-sze ("Winnie")".

Business documents from East Asia, Russia, Greece or the Arab world give a person's name twice: in Latin
letters, which the detector finds, and in the person's own script, which no English model reads. The
romanised name found is one signal, the slot the other: the whole of a bracket right after it, or the cell
of a table's row that holds it, in a column whose cells are all in one such script. A quoted nickname in
brackets right after a name ("("Winnie")") is the same slot; it must be a given name of the lexicon, so
that a contract's ``Jane Doe ("Tenant")`` stays a role.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import RecognizerResult

from anonymize.gazetteer import country_names, known_place
from anonymize.name_lexicon import NameLexicon
from anonymize.native_letters import may_hold_native, native_letter_class
from anonymize.native_slots import native_slot_names
from anonymize.results import rule_result
from anonymize.script_runs import greek_name, greek_runs, script_run_names, trim_honorifics
from anonymize.table_columns import Cell, tables

NATIVE_SCRIPT = "NativeScriptName"
_SCORE = 0.6
# Letters of every script but Latin and Greek, by Unicode property (``anonymize.native_letters``): Greek
# letters in science text are symbols ("Wnt/β-catenin", "TNF (αβ)").
_SCRIPTS = native_letter_class()
# At least two letters, the last a letter: "β-" of "Wnt/β-catenin" is no name.
_NATIVE_WORD = rf"[{_SCRIPTS}](?:[{_SCRIPTS}\u00b7\u30fb\u200c\u200d'’-]*[{_SCRIPTS}])"
# A name in one to four words of such scripts: "关伟明", "Ли Вэй", "Дмитрий Иванов".
_NATIVE_NAME = re.compile(rf"{_NATIVE_WORD}(?:[ \t]{_NATIVE_WORD}){{0,3}}")
_MAX_CHARS = 40
_BRACKET = re.compile(
    r"[ \t]*[(（][ \t]*(?P<quote>[\"“'‘]?)(?P<value>[^()（）\n]{1,40}?)(?P=quote)[ \t]*[)）]"
)
# The native form beside the romanised one on its line: "Guan Weiming / 关伟明", "关伟明 (Guan Weiming)".
# A slash or a dash with blanks around it: "Wnt/β-catenin" is a compound, no name and its native form.
_BESIDE_AFTER = re.compile(rf"[ \t]+(?:/|–|—)[ \t]+(?P<value>{_NATIVE_NAME.pattern})(?![{_SCRIPTS}\w-])")
_BESIDE_BEFORE = re.compile(
    rf"(?<![{_SCRIPTS}\w-])(?P<value>{_NATIVE_NAME.pattern})(?:[ \t]+(?:/|–|—)[ \t]+|[ \t]*[(（][ \t]*)\Z"
)
_NICKNAME = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
_QUOTES = "\"“'‘"
_MIN_ROWS = 2
_ANY_NATIVE = re.compile(f"[{_SCRIPTS}]")


def native_name(value: str) -> bool:
    """``value`` is one to four words written wholly in a non-Latin script, short enough for a name."""
    return len(value) <= _MAX_CHARS and _NATIVE_NAME.fullmatch(value) is not None


def bracketed_names(
    text: str, persons: Sequence[RecognizerResult], lexicon: NameLexicon
) -> list[RecognizerResult]:
    """The native form right before or after a found name, beside it or in brackets, and a quoted nickname in
    brackets right after it."""
    found = []
    # Where a bracket after a name holds a place ("Ato Boldon ( Trinidad ) 20.37, Geir Moen ( Norway )"), the
    # brackets say where people are from: no unquoted given name in them is a nickname.
    places = any(
        known_place(m.group("value")) or m.group("value").casefold() in country_names()
        for m in (_BRACKET.match(text, p.end) for p in persons)
        if m is not None
    )
    for person in persons:
        for side in (
            _BESIDE_AFTER.match(text, person.end),
            _BESIDE_BEFORE.search(text, max(0, person.start - _MAX_CHARS - 4), person.start),
        ):
            if side is not None and native_name(side.group("value")):
                found.append(rule_result("PERSON", *side.span("value"), _SCORE, NATIVE_SCRIPT))
        match = _BRACKET.match(text, person.end)
        if match is None:
            continue
        value = match.group("value")
        quoted = match.group("quote") in _QUOTES and match.group("quote") != ""
        # An unquoted given name in brackets after a full name is a name it goes by ("Hsu Chia-hao
        # (Jeffrey)"), not a place or a country ("(Jordan)" after a name is where the person is from).
        full = " " in text[person.start : person.end].strip() and not places
        nickname = bool(_NICKNAME.fullmatch(value)) and lexicon.given_name(value)
        native = native_name(value) or greek_name(value, lexicon)
        if native or (nickname and (quoted or (full and not known_place(value)))):
            found.append(
                rule_result("PERSON", match.start("value"), match.end("value"), _SCORE, NATIVE_SCRIPT)
            )
    return found


def _covered(cell: Cell, persons: Sequence[RecognizerResult]) -> bool:
    start, end = cell
    return end > start and any(r.start <= start and end <= r.end for r in persons)


def native_cells(text: str, persons: Sequence[RecognizerResult]) -> list[RecognizerResult]:
    """The cells of a table's column written wholly in a non-Latin script (a header aside), all different,
    when at least two of their rows hold a found name in the cell beside them (a column of departments
    repeats its values: "| 재무 |" in two rows)."""
    found = []
    for table in tables(text):
        for column in range(len(table[0])):
            body = [row for row in table if row[column][1] > row[column][0]]
            native = [row for row in body if native_name(text[slice(*row[column])])]
            header = 0 if body and body[0] in native else 1  # the first row may be a header in Latin letters
            values = [text[slice(*row[column])] for row in native]
            if len(native) < max(_MIN_ROWS, len(body) - header) or len(set(values)) < len(values):
                continue
            beside = [
                row
                for row in native
                if any(_covered(row[c], persons) for c in (column - 1, column + 1) if 0 <= c < len(row))
            ]
            if len(beside) >= _MIN_ROWS:
                found += [rule_result("PERSON", *row[column], _SCORE, NATIVE_SCRIPT) for row in native]
    return found


def native_script_names(
    text: str, results: Sequence[RecognizerResult], lexicon: NameLexicon
) -> list[RecognizerResult]:
    """PERSON results for names in their own script beside their romanised form (see the module doc) that
    no PERSON result covers yet."""
    persons = [r for r in results if r.entity_type == "PERSON"]
    found = bracketed_names(text, persons, lexicon) if persons else []
    if may_hold_native(text) and _ANY_NATIVE.search(text):  # no table or slot read in Latin letters only
        found += native_cells(text, persons) if persons else []
        found += native_slot_names(text, persons, lexicon)  # session 20: more slots
        found += script_run_names(text, results)  # session 23: a short run of the script on its own
    found = trim_honorifics(text, found) + greek_runs(text, lexicon)
    found = [f for f in found if not any(p.start <= f.start and f.end <= p.end for p in persons)]
    return list({(f.start, f.end): f for f in found}.values())
