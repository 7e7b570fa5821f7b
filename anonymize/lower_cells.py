"""Names typed in lower case in a table's column of names: "mpho sebe" under "employee", "hafiz" under
"Owner".

A kiosk import, a hand-kept checklist or a spreadsheet column filled in a hurry holds names in lower case. The
capitalized-name rules and the NER model skip them, and the lower-case name recognizer does not read a data
table (its identifiers make the text technical, where lower-case gene symbols would pass for names). The
column's header is one signal (``header_columns``: "Full name", "employee", "Approver", "Owner"); the lexicon
the other: every word of the cell is a given name or a surname that is no frequent English word, and a cell of
one word is no everyday English word either ("hafiz", not "security" or "open"). A cell of two or more words
needs a given name among them ("mpho sebe", "ntombi zulu").
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymize.header_columns import person_columns
from anonymize.name_lexicon import NameLexicon
from anonymize.recognizers.lower_names import everyday_word
from anonymize.results import rule_result
from anonymize.text import STOP_WORDS

LOWER_CELL = "LowerCaseNameCell"
_SCORE = 0.85
_MAX_WORDS = 4
_VOWEL = re.compile(r"[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýāēīōū]")
_LOWER_WORDS = re.compile(r"[^\W\d_A-Z][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*)*")


def lower_case_cells(
    text: str, results: list[RecognizerResult], lexicon: NameLexicon
) -> list[RecognizerResult]:
    """PERSON results for the lower-case cells of name and role columns that hold names by the lexicon (see
    the module doc), where no PERSON result is yet."""
    persons = [r for r in results if r.entity_type == "PERSON"]
    found = []
    for _strong, cells in person_columns(text):
        for start, end in cells:
            value = text[start:end]
            if value != value.lower() or not _LOWER_WORDS.fullmatch(value):
                continue
            if any(p.start < end and start < p.end for p in persons) or not _name_cell(value, lexicon):
                continue
            found.append(rule_result("PERSON", start, end, _SCORE, LOWER_CELL))
    return found


def _name_cell(value: str, lexicon: NameLexicon) -> bool:
    words = value.split()
    if not 1 <= len(words) <= _MAX_WORDS or any(w in STOP_WORDS or not _VOWEL.search(w) for w in words):
        return False  # no placeholder either: "tbc", "tba"
    if not all(lexicon.name_word(w) for w in words):
        return False
    if len(words) == 1:
        return not everyday_word(words[0])
    return any(lexicon.given_name(w) for w in words)
