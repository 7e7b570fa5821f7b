"""A user name written with capitals, a given name and a surname joined by a dot (step ``dotted_names``).

Wiki histories, SharePoint and directory exports name people as "Sardaana.Popova" or "Kyyl.Nik". The NER
model reads such a name as two words and finds one or both of them ("Popova"; "Sardaana" a place), which
leaves the user name half in clear or in two pieces. ``person_handles`` reads user names in lower case and
leaves a run the model has already cut alone. Here a run of two or three capitalized words joined by dots,
with no space, becomes one PERSON span where one of its words is a found person's (a PERSON span inside the
run) or where it is a given name and a surname of the lexicon; the pieces give way. Where the text holds
such a user name (a list of watchers, a page's history), a run of words no lexicon nor English knows is one
too ("Aroha.Ngata", "Mere.Tawhiri"; no place: "Phnom.Penh"). Not in technical text.
Never a code or a place: no part may be a frequent English word ("System.IO", "Math.Max"), a file extension
or domain ("Report.Docx"), an abbreviation's letter ("U.S.", "Ph.D") or a title ("Dr.Mensah": the title's
rules do that); the run may not continue into a path, an address or a call.
"""

from __future__ import annotations

import re

from anonymize.gazetteer import known_place
from anonymize.name_lexicon import NameLexicon
from anonymize.person_handles import HANDLE_NAME, TECHNICAL_ENDS
from anonymize.resolution import Resolution
from anonymize.results import rule_result
from anonymize.word_kinds import english_zipf

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"
_RUN = re.compile(
    rf"(?<![\w.@/\\:#=<>&%$+-])([{_UPPER}][^\W\d_]+(?:\.[{_UPPER}][^\W\d_]+){{1,2}})"
    r"(?![\w@/\\(]|[._-]\w)"
)
_ENGLISH_ZIPF = 3.5  # a part this frequent in English is a word of code or prose ("System", "Max", "Report")
_UNKNOWN_ZIPF = 2.6  # no piece known: words English barely writes ("Aroha" 1.9; not "Config" 2.9, "Parser")
_TITLES = frozenset(["mr", "mrs", "ms", "dr", "prof", "st", "mt", "sr", "jr", "rev", "hon", "capt", "sgt"])
_SCORE = 0.85


def dotted_names(state: Resolution) -> None:
    """Dotted user names with capitals that hold a found person's word, as one PERSON span each; then, where
    the text has such a user name, the runs of words no lexicon nor English knows ("Aroha.Ngata")."""
    text = state.text
    persons = [r for r in state.results if r.entity_type == "PERSON"]
    if "." not in text or state.technical:
        return
    found, unknown, named = [], [], False
    for m in _RUN.finditer(text):
        start, end = m.span(1)
        inside = [r for r in persons if start <= r.start and r.end <= end]
        if any(r.start == start and r.end == end for r in inside):
            named = True
            continue
        if any(r.start < end and start < r.end and not (start <= r.start and r.end <= end) for r in persons):
            continue  # a longer name runs across it
        parts = m.group(1).split(".")
        if not all(_name_part(p, state.lexicon) for p in parts) or known_place(" ".join(parts)):
            continue  # a word of code or prose, or a place: "Phnom.Penh"
        if inside or _lexicon_pair(parts, state.lexicon):
            found.append(rule_result("PERSON", start, end, _SCORE, HANDLE_NAME))
        elif _unknown_pair(parts, state.lexicon):
            unknown.append(rule_result("PERSON", start, end, _SCORE, HANDLE_NAME))
    if found or named:
        found += unknown  # a list of user names: "Watchers: Aroha.Ngata, Tunde.Bakare"
    new = state.admitted(found)
    if not new:
        return
    state.results = [
        r for r in state.results if not any(n.start <= r.start and r.end <= n.end for n in new)
    ] + new


def _unknown_pair(parts: list[str], lexicon: NameLexicon | None) -> bool:
    """Words English barely knows and no lexicon holds as a word of any language ("Aroha", "Ngata"; not
    "Agua", "Fecha")."""
    return (
        lexicon is not None
        and not any(lexicon.common_word(p) for p in parts)
        and all(english_zipf(p.casefold()) < _UNKNOWN_ZIPF for p in parts)
    )


def _lexicon_pair(parts: list[str], lexicon: NameLexicon | None) -> bool:
    """A given name first and a surname last, both of the lexicon and no frequent English words."""
    return lexicon is not None and lexicon.given_name(parts[0]) and lexicon.surname(parts[-1])


def _name_part(part: str, lexicon: NameLexicon | None) -> bool:
    """``part`` may be a given name or a surname: two letters or more, no title nor file extension, a name
    of the lexicon that is no frequent English word, or a word English barely knows."""
    key = part.casefold()
    if len(key) < 2 or key in _TITLES or key in TECHNICAL_ENDS:
        return False
    return (lexicon is not None and lexicon.name_word(part)) or english_zipf(key) < _ENGLISH_ZIPF
