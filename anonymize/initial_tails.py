"""A name followed by its bearer's other initial: "VARGA L" and "MORI D." in a system's user list,
"Salaries for YONAS H. and TIGIST W.", "EVANS R / cust thomas-hughes d", "DELA CRUZ, R.", "bold ts." on a
press page.

Forms, payroll systems and index cards write a person as one name word and the initial of another, often
surname first. The name word alone was found (or only its other mentions were) and the initial stayed in
clear beside it; the scorer and a reader see half a name. Two signals make the pair one PERSON: the word is a
word of a person the same text names with two words or more, and the initial is the first letter (or two) of
another word of that person ("VARGA L" where "Varga Levente" is named, "bold ts." where "Bold Tsend" is).
The initial is one or two letters, in the case of the word before it (capitals after capitals or a capital,
lower case after lower case), with a dot or not, a comma between allowed ("DELA CRUZ, R."); not followed by a
letter, a digit or a hyphen ("IT L2", "USB C-type"), and a lone "a", "i" or "A", "I" without a dot before a
word is the article or the pronoun ("told Farzana I would"). Initials that match no word of the person stay
("NATO A.", "HIV B", "Evans A new").
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymize.name_keys import fold, name_keys, person_keys
from anonymize.resolution import Resolution
from anonymize.results import copy_span, rule_result

INITIAL_TAIL = "NameInitialTail"
_SCORE = 0.85
_MIN_WORD = 3
_WORD = r"[^\W\d_]+(?:[-'’][^\W\d_]+)*"
# After the name: a blank (a comma first allowed), one or two letters, a dot or not ("Wang M.-L." too).
_TAIL = re.compile(r"(,?[ \t]+)([^\W\d_]{1,2})(\.(?:-[^\W\d_]\.)?)?(?![\w-])")
_ARTICLES = frozenset("aAiI")


def initial_tails(state: Resolution) -> None:
    """Grow found names over their bearer's trailing initial, and find a found person's word with such an
    initial where it was not found (module doc)."""
    text = state.text
    persons = [r for r in state.results if r.entity_type == "PERSON"]
    people = person_keys(text, persons)
    if not people:
        return
    grown: list[RecognizerResult] = []
    for r in persons:
        end = _tail_end(text, r.start, r.end, people)
        if end:
            grown.append(copy_span(r, r.start, end))
    spans = [(g.start, g.end) for g in grown]
    words = {k for keys in people for k in keys if len(k) >= _MIN_WORD}
    for m in re.finditer(rf"(?<![\w.@/-]){_WORD}", text):
        if (
            not _TAIL.match(text, m.end())
            or fold(m.group()) not in words
            or any(s <= m.start() < e for s, e in spans)
        ):
            continue
        if any(r.start <= m.start() < r.end for r in persons):
            continue
        end = _tail_end(text, m.start(), m.end(), people)
        if end:
            grown += state.admitted([rule_result("PERSON", m.start(), end, _SCORE, INITIAL_TAIL)])
            spans.append((m.start(), end))
    if not grown:
        return
    covered = [r for r in state.results if any(g.start <= r.start and r.end <= g.end for g in grown)]
    state.results = [r for r in state.results if all(r is not c for c in covered)] + grown


def _tail_end(text: str, start: int, end: int, people: list[tuple[str, ...]]) -> int:
    """Where the name at ``text[start:end]`` ends with its bearer's initial after it; 0 for none."""
    m = _TAIL.match(text, end)
    if not m:
        return 0
    letters, dot = m.group(2), m.group(3)
    value = text[start:end]
    lower = value.islower()
    if (letters.islower() != lower) or (not lower and not letters[0].isupper()):
        return 0
    if len(letters) == 2 and not dot:  # "EVANS RD" is a road, "anna to" a word; "bold ts." has its dot
        return 0
    if not dot and letters in _ARTICLES and re.match(r"[ \t]+[^\W\d_]", text[m.end() :]):
        return 0
    keys = name_keys(value)
    initial = fold(letters)
    for person in people:
        if not set(keys) <= set(person):
            continue
        others = [w for w in person if w not in keys]
        if any(w.startswith(initial) and len(w) > len(initial) for w in others) or (
            len(initial) == 1 and initial in others
        ):
            return m.end()
    return 0
