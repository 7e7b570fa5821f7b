"""Late name steps: nicknames inside or after a found name, and every name's other mentions in the other case.

``resolve.other_mentions`` seeks a name's other mentions, also in the other case ("Aroha ... aroha"), but it
runs before the steps that find names from a table's cells ("Ngata, Aroha", an export's inverted names), from
a bracket beside a name ("Angelica Santos ("Gelai")") or from a name's growth over its words ("Nurul Aisyah
binti Ahmad"). Those steps seek their names' mentions written as found, not in lower case: a roster's notes
typed below the table in lower case ("typed up by aroha", "malia covers") kept every name in clear. This step,
after them, finds the names a person goes by (``anonymize.nicknames``: ``Margaret "Peggy" O'Donoghue``) and
their mentions, then seeks the lower-case and all-caps forms of every name then found (``name_forms``: a
lower-case form only where English has no such word, not "rose" of "Rose").
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymize.company_names import company_named
from anonymize.doc_places import drop_document_places
from anonymize.filters import NOT_NAME_WORDS
from anonymize.gazetteer import drop_places
from anonymize.header_columns import persons_outside
from anonymize.lower_cells import lower_case_cells
from anonymize.name_forms import propagate_other_cases
from anonymize.name_mentions import propagate
from anonymize.nicknames import also_known_as, quoted_nicknames, short_forms
from anonymize.resolution import Resolution
from anonymize.results import copy_span, tier

_YIELDING = frozenset(["LOCATION", "ORGANIZATION", "NRP"])  # the NER's readings a name's mention beats


def late_names(state: Resolution) -> None:
    """Names joined by "+" or "&" in one span apart, nicknames and their mentions, names typed in lower case
    in a column of names (``lower_cells``), then the other-case mentions of every name found (see the
    module doc)."""
    state.results = [piece for r in state.results for piece in _split_at_joins(state.text, r)]
    if state.lexicon is not None:
        nicknames(state)
        cells = lower_case_cells(state.text, state.results, state.lexicon)
        state.results += state.admitted(persons_outside(cells, state.not_name_cells()))
    late_other_cases(state)


def nicknames(state: Resolution) -> None:
    """``Given "Nick" Surname`` as three names, "a.k.a. Nick" after a name as one, a given name's short form
    ("Tev" of "Tevita Fifita"), and their other mentions ("Peggy started"); the NER model's places and
    organizations there yield."""
    assert state.lexicon is not None
    text = state.text
    parts, replaced = quoted_nicknames(text, state.results, state.lexicon)
    state.results = [r for r in state.results if all(r is not x for x in replaced)]
    persons = [r for r in state.results if r.entity_type == "PERSON"]
    blocking = _blocking(state)
    new = [*parts, *also_known_as(text, [*persons, *parts])]
    new += short_forms(text, [*persons, *new], [*blocking, *new])
    new = [n for n in new if all((p.start, p.end) != (n.start, n.end) for p in persons)]
    if not new:
        return
    found = propagate(text, new, [*blocking, *new], NOT_NAME_WORDS)
    _add_yielding(state, state.admitted([*new, *found]))


def _blocking(state: Resolution) -> list[RecognizerResult]:
    """Every result but the NER model's places, organizations and groups (a name's mention beats them),
    unless that organization is a company's name ("ferreira logistics")."""
    return [
        r
        for r in state.results
        if r.entity_type == "PERSON"
        or not (tier(r) == 2 and r.entity_type in _YIELDING)
        or company_named(state.text, r)
    ]


def late_other_cases(state: Resolution) -> None:
    """The other-case mentions of the names found so far (see the module doc) join the results, where no
    result but an NER place, organization or group is, and no place's slot or place's cell says otherwise."""
    names = [r for r in state.results if r.entity_type == "PERSON"]
    if not names:
        return
    found = propagate_other_cases(state.text, names, _blocking(state), NOT_NAME_WORDS, state.lexicon)
    if not found:
        return
    found = drop_document_places(state.text, drop_places(state.text, found), state.not_name_cells())
    _add_yielding(state, state.admitted(_joined(state.text, found)))


def _add_yielding(state: Resolution, found: list[RecognizerResult]) -> None:
    """``found`` join the results; the NER model's results they overlap give way."""
    overlapped = [
        r for r in state.results if tier(r) == 2 and any(f.start < r.end and r.start < f.end for f in found)
    ]
    state.results = [r for r in state.results if all(r is not o for o in overlapped)]
    state.results += found


_JOIN = re.compile(r"[ \t]+[+&][ \t]+")  # "kofi + siosaia do the demo", "Sam & Ella": two people


def _split_at_joins(text: str, result: RecognizerResult) -> list[RecognizerResult]:
    """A PERSON span over a "+" or an "&" between words, as its pieces (the NER model reads "Kofi +
    Siosaia" as one name): no name holds the sign."""
    if result.entity_type != "PERSON" or not _JOIN.search(text, result.start, result.end):
        return [result]
    pieces, start = [], result.start
    for join in [*_JOIN.finditer(text, result.start, result.end), None]:
        end = join.start() if join else result.end
        if any(ch.isalpha() for ch in text[start:end]):
            pieces.append(copy_span(result, start, end))
        start = join.end() if join else result.end
    return pieces


def _joined(text: str, found: list[RecognizerResult]) -> list[RecognizerResult]:
    """Mentions next to each other with one blank between are one name ("MOKOENA LERATO" of "Lerato
    Mokoena"), not two."""
    spans: list[RecognizerResult] = []
    for r in sorted(found, key=lambda r: r.start):
        if spans and text[spans[-1].end : r.start] in (" ", "\t"):
            spans[-1] = copy_span(spans[-1], spans[-1].start, r.end)
        else:
            spans.append(r)
    return spans
