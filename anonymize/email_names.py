"""The name written right before its bearer's e-mail address: "new ap contact is nirmala venkataraman
nirmala.v@kaveritex.in", "Contact: Ileana Popescu-Vlad (ileana.popescuvlad@...)".

Two signals, as everywhere in the detector: the address's local part is made of the words before it, each
used, whole or as an initial ("nirmala.v" of "nirmala venkataraman"; ``name_keys.covered``), and one of those
words is a given name or surname of the lexicon. A local part of one word is a team's as often as a
person's ("support@", "sales@"): it must have two parts joined by a dot, an underscore or a hyphen, or be
made of two words or more of the name glued ("tzielinski"). The words are on the address's line, at most
three, separated from it by blanks, "<", "(" or a colon; no stop word, no everyday English word in lower
case.
"""

from __future__ import annotations

import re

from anonymize.filters import NOT_NAME_WORDS
from anonymize.name_keys import covered, fold
from anonymize.name_lexicon import NameLexicon
from anonymize.recognizers.lower_names import everyday_word
from anonymize.resolution import Resolution
from anonymize.results import rule_result, tier

EMAIL_NAME = "EmailName"
_SCORE = 0.85
_MAX_WORDS = 3
_BEFORE = re.compile(r"[ \t]*[<(:]?[ \t]*$")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*$")
_YIELDING = frozenset(["LOCATION", "ORGANIZATION", "NRP"])


def email_names(state: Resolution) -> None:
    """The names right before their bearer's e-mail address (module doc) join the results; the NER model's
    places, organizations and groups there give way."""
    if state.lexicon is None:
        return
    text = state.text
    found = []
    for address in (r for r in state.results if r.entity_type == "EMAIL_ADDRESS"):
        span = name_before(text, address.start, state.lexicon)
        if span is not None:
            found.append(rule_result("PERSON", *span, _SCORE, EMAIL_NAME))
    if not found:
        return
    taken = [r for r in state.results if not (tier(r) == 2 and r.entity_type in _YIELDING)]
    new = [f for f in state.admitted(found) if not any(r.start < f.end and f.start < r.end for r in taken)]
    state.results = [
        r
        for r in state.results
        if not (
            tier(r) == 2
            and r.entity_type in _YIELDING
            and any(n.start < r.end and r.start < n.end for n in new)
        )
    ] + new


def name_before(text: str, at: int, lexicon: NameLexicon) -> tuple[int, int] | None:
    """The span of the fewest words right before the address at ``at`` that make its local part (module
    doc), or None."""
    at_sign = text.find("@", at)
    local = text[at:at_sign] if at_sign > at else ""
    parts = [fold(p) for p in re.split(r"[._-]", local) if p]
    if not parts or not all(parts):
        return None
    token = "".join(parts)
    line_start = text.rfind("\n", 0, at) + 1
    gap = _BEFORE.search(text, line_start, at)
    end = gap.start() if gap else at
    words: list[tuple[int, int]] = []
    cursor = end
    for _ in range(_MAX_WORDS):
        blank = max(text.rfind(" ", line_start, cursor), text.rfind("\t", line_start, cursor))
        start = blank + 1 if blank >= 0 else line_start
        word = text[start:cursor]
        if not _WORD.match(word) or word.casefold() in NOT_NAME_WORDS:
            return None
        if word.islower() and everyday_word(word):
            return None
        words.insert(0, (start, cursor))
        keys = [fold(text[s:e]) for s, e in words]
        if (len(parts) >= 2 or len(keys) >= 2) and covered(token, keys) and _all_used(parts, token, keys):
            if any(lexicon.given_name(text[s:e]) or lexicon.surname(text[s:e]) for s, e in words):
                return words[0][0], end
            return None
        if start <= line_start or text[start - 1] != " ":
            return None
        cursor = start - 1
    return None


def _all_used(parts: list[str], token: str, keys: list[str]) -> bool:
    """Each word of ``keys`` shows in the local part: whole, or its initial as a part or at a part's start."""
    return all(k in token or any(p.startswith(k[:1]) for p in parts) for k in keys)
