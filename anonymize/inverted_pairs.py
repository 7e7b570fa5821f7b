"""A surname and a given name found apart where the text writes one person surname first with a comma:
"PATIENT: SIVASUBRAMANIAM, MURUGAN (...)", "3. ÖZTÜRK, KEMAL — follow-up call", "Employee: Wójcik,
Agnieszka | Team", a pairing sheet's "IRIGOIEN, Jon".

The detector found each half as a name, so both were pseudonymized, but as two persons: the scorer misses the
person, and the vault holds two values for one name, so `privrag erase --value "Kemal Öztürk"` leaves them.
Two results joined by a comma are one person when a second signal says so: the same words are one found
person elsewhere in the text, in either order ("Kemal Öztürk", "AGNIESZKA WÓJCIK"), or the first is written
in capitals, as forms mark a surname, or the pair is all of a cell of a record (between ";", "|" or tabs:
"C-02;Catrileo Millaqueo, Juana;...", "| Etxeberria Goñi, Miren | Secretary |"), and the second is a
given name of the lexicon. Not a list: no third
name right before or after across a comma or "and" ("SMITH, JONES and BROWN"), no salutation's comma after
("MAIREAD, ANGUS,"), nor two full names ("SOHRAB JAFARI, TARANEH JAFARI").
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymize.name_keys import name_keys, person_keys
from anonymize.resolution import Resolution
from anonymize.results import copy_span

_COMMA = re.compile(r",[ \t]+")
_LIST_BEFORE = re.compile(r"(?:,|\b(?:and|or|&))[ \t]*$")
_LIST_AFTER = re.compile(r"[ \t]*(?:,|(?:and|or|&)\b)")  # a third name, or a salutation's comma
# A record's cell: a line's edge, a semicolon, a bar or a tab, a quote inside them.
_CELL_BEFORE = re.compile(r"(?:^|\n|[;|\t])[ \t]*\"?[ \t]*$")
_CELL_AFTER = re.compile(r"[ \t]*\"?[ \t]*(?:$|\n|[;|\t])")


def inverted_pairs(state: Resolution) -> None:
    """Join "Surname, Given" pairs of found names into one PERSON (module doc)."""
    text, lexicon = state.text, state.lexicon
    persons = sorted((r for r in state.results if r.entity_type == "PERSON"), key=lambda r: r.start)
    if len(persons) < 2 or lexicon is None:
        return
    people = [set(k) for k in person_keys(text, persons)]
    joined: list[tuple[RecognizerResult, RecognizerResult]] = []
    for first, second in zip(persons, persons[1:], strict=False):
        if not _COMMA.fullmatch(text, first.end, second.start) or "\n" in text[first.start : second.end]:
            continue
        if _LIST_BEFORE.search(text, max(0, first.start - 6), first.start) or _LIST_AFTER.match(
            text, second.end
        ):
            continue
        surname, given = text[first.start : first.end], text[second.start : second.end]
        words = set(name_keys(surname)) | set(name_keys(given))
        named = any(words <= p for p in people if len(p) == len(words))
        celled = _CELL_BEFORE.search(text, max(0, first.start - 4), first.start) and _CELL_AFTER.match(
            text, second.end
        )
        shaped = (
            (surname.isupper() or bool(celled))
            and min(len(name_keys(surname)), len(name_keys(given))) == 1  # not two full names
            and len(name_keys(given)) <= 2
            and lexicon.given_name(given.split()[0])
            and (lexicon.surname(surname.split()[-1]) or not lexicon.given_name(surname.split()[-1]))
        )
        if named or shaped:
            joined.append((first, second))
    if not joined:
        return
    gone = {id(r) for pair in joined for r in pair}
    state.results = [r for r in state.results if id(r) not in gone]
    state.results += [copy_span(a, a.start, b.end) for a, b in joined]
