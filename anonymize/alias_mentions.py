"""A person's aliases and initials used alone in the document that names the person: "- AL: book the
auditorium" after "Åsa Lindqvist (chair, AL)", "T.N.L. and P.T. designed the study" under the author list,
"Signed: TG / HA / AI" under a panel of Tóth Gergely, Horváth Anna and Andreea Ionescu.

Two capitals are everywhere in business text ("HR", "IT", "PM", "QA", "UK", "CC", "OK"), so initials are
taken for a person only with a second signal besides the letters matching a found name of the document:

* defined beside the name (``name_aliases``): every use, written with dots or without ("AL", "A.L."), is
  the person's; a common abbreviation so defined ("Ingrid Tan (IT)") only in a person's slot: a line's label
  ("- IT: book the room") or a run of initials ("IT + MR:"), never "the IT desk";
* written with a dot after each letter or with a hyphenated part ("K.B.", "A.M.Q.-M.", "TH-L"): no
  abbreviation's shape, so the letters suffice, unless they spell a common abbreviation ("U.K.", "P.M.");
* in a run of two or more initials joined by "/", "+", "&", a comma or "and" that all match found names,
  two of them no common abbreviation ("TG / HA / AI", "TH-L and TK").

``name_initials`` keeps the initials English does not use ("OJN", "IH") without a second signal.
Uses of a defined former name or nickname are found as a found name's other mentions (``name_mentions``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import RecognizerResult

from anonymize.filters import NOT_ACRONYM_ORGANIZATIONS, NOT_NAME_WORDS
from anonymize.name_aliases import (
    ALIAS_OF,
    INITIALS,
    alias_result,
    cued_aliases,
    defined_aliases,
    initials_key,
    inside_nicknames,
    name_keys,
)
from anonymize.name_initials import named_words
from anonymize.name_mentions import propagate
from anonymize.resolution import Resolution
from anonymize.results import tier
from anonymize.text import STOP_WORDS, words

# Abbreviations and titles a business or scientific text uses in capitals (besides stop words and the
# organizations' acronyms the filters know): never a person's initials outside a person's slot.
COMMON_ACRONYMS = (
    NOT_ACRONYM_ORGANIZATIONS
    | STOP_WORDS
    | words(
        """
        it am pm qa qc uk us eu un cc bcc ok id tv pc ai ui ux ip pr vp md ms mr mrs dr st jr sr ii iii iv vi
        vii ix xi xii ad bc ce hq rd os io db ci cd it ot er icu gp rn en hca dj mc tbc asap na ps nb re fw
        """
    )
)
_LEADING_INITIALS = re.compile(r"^(?:[A-Z]\.[ \t]*)+(?=\S)")
_RARE_ZIPF = 3.0
# Between two initials of a run: "/", "+", "&", ",", ";" or "and" (blanks around).
_JOINER = re.compile(r"[ \t]*[/+&,;][ \t]*|[ \t]+(?:and|und|et|y|og|och|en)[ \t]+")
# A line's label: the initials after a bullet or a number at the line's start, before ":" or a joiner.
_LABEL_BEFORE = re.compile(r"[ \t>]*(?:[-*•·–]|\d+[.)])?[ \t]*")
_LABEL_AFTER = re.compile(r"[ \t]*:")
_POSSESSIVE = re.compile(r"['’]s\b")
_SIGNED = re.compile(
    r"(?i:signed|sign-off|initials|initialled|checked|approved|reviewed|prepared|witnessed)"
    r"(?:[ \t]+(?:by|in|off))?(?:[ \t]*\([^()\n]{0,20}\))?[ \t]*:[ \t]*$"
)


def person_aliases(state: Resolution) -> None:
    """Add the aliases defined beside found names and the initials and aliases used for them (module
    doc); the NER model's readings of them as another type yield."""
    if state.lexicon is None:
        return
    text = state.text
    persons = [r for r in state.results if r.entity_type == "PERSON"]
    defined = [*defined_aliases(text, persons), *cued_aliases(text, persons)]
    named = [alias_result(a.start, a.end, a.person) for a in defined if not a.initials]
    named += inside_nicknames(text, persons, state.lexicon)
    named = [
        n
        for n in named
        if not any(p.start <= n.start and n.end <= p.end and not _bracketed(text, p) for p in persons)
    ]
    fixed = [r for r in state.results if r.entity_type != "PERSON" and tier(r) < 2]
    found = [*named, *_person_mentions(text, named, [*persons, *fixed])]
    initials = [a for a in defined if a.initials]
    keys = _person_keys(text, persons, state)
    _link_initials(text, persons, keys)
    found += initials_uses(
        text,
        {initials_key(text[a.start : a.end]): a.person for a in initials},
        keys,
        [(r.start, r.end) for r in [*persons, *fixed, *found]],
        {a.start for a in initials},
    )
    found = state.admitted(found)
    if not found:
        return
    state.results = [
        r
        for r in state.results
        if not (
            any(f.start < r.end and r.start < f.end for f in found)
            and (tier(r) == 2 or (r.entity_type == "PERSON" and _bracketed(text, r)))
        )
    ]
    state.results += found


def _bracketed(text: str, result: RecognizerResult) -> bool:
    """A PERSON result over a bracket, which a nickname's parts replace ("Evangelia (Lia")."""
    return any(c in text[result.start : result.end] for c in "()")


def _link_initials(text: str, persons: Sequence[RecognizerResult], keys: dict[str, str]) -> None:
    """Initials ``name_initials`` found ("OJN", "J.F.L.") take the name they stand for (``ALIAS_OF``)."""
    for r in persons:
        value = text[r.start : r.end]
        if INITIALS.fullmatch(value) and initials_key(value) in keys:
            r.recognition_metadata = {**(r.recognition_metadata or {}), ALIAS_OF: keys[initials_key(value)]}


def _person_keys(text: str, persons: Sequence[RecognizerResult], state: Resolution) -> dict[str, str]:
    """Initials key -> the found name of two words or more it abbreviates (a name by its words,
    ``name_initials.named_words``; an all-caps one too: "SIBUSISO DLAMINI" is "S.D.")."""
    assert state.lexicon is not None
    keys: dict[str, str] = {}
    for r in persons:
        value = text[r.start : r.end].strip()
        # An all-caps name as its title case; "H. L. van der Veen": the words after its initials.
        shaped = _LEADING_INITIALS.sub("", value.title() if value.isupper() else value) or value
        if len(value.split()) >= 2 and (named_words(shaped, state.lexicon) or _initialled(value, shaped)):
            for key in name_keys(value):
                keys.setdefault(key, value)
    return keys


def _initialled(value: str, rest: str) -> bool:
    """A name written with its given names' initials, then a surname English does not use ("H. L. van der
    Veen", "J. Virtanen")."""
    from wordfreq import zipf_frequency

    return rest != value and zipf_frequency(rest.split()[-1].casefold(), "en") < _RARE_ZIPF


def _person_mentions(
    text: str, named: Sequence[RecognizerResult], taken: Sequence[RecognizerResult]
) -> list[RecognizerResult]:
    """Other mentions of defined former names and nicknames, standing for the same person."""
    if not named:
        return []
    person_of = {text[n.start : n.end]: (n.recognition_metadata or {}).get(ALIAS_OF, "") for n in named}
    found = propagate(text, list(named), list(taken), NOT_NAME_WORDS)
    return [alias_result(r.start, r.end, person_of.get(text[r.start : r.end], "")) for r in found]


def initials_uses(
    text: str,
    defined: dict[str, str],
    persons: dict[str, str],
    taken: Sequence[tuple[int, int]],
    definitions: frozenset[int] | set[int] = frozenset(),
) -> list[RecognizerResult]:
    """The initials tokens of ``text`` taken for a person (module doc): ``defined`` and ``persons`` map
    initials keys to the name they stand for; no token inside a ``taken`` span; the definitions (their
    starts: ``definitions``) are the person's whatever their letters spell."""
    if not defined and not persons:
        return []  # no name to stand for: no token can be taken (and the scan of every token is skipped)
    tokens = [
        m
        for m in INITIALS.finditer(text)
        if not any(s < m.end() and m.start() < e for s, e in taken) and len(initials_key(m.group())) >= 2
    ]
    runs = _runs(text, tokens)
    found = []
    for m in tokens:
        key = initials_key(m.group())
        person = defined.get(key) or persons.get(key)
        if person is None:
            continue
        common = key.casefold() in COMMON_ACRONYMS
        run = runs[m.start()]
        if m.start() in definitions or _matching_run(run, defined, persons):
            ok = True
        elif key in defined:
            ok = not common or _slot(text, run)
        else:
            ok = not common and ("." in m.group() or "-" in m.group() or _slot(text, run))
        if ok:
            found.append(alias_result(m.start(), m.end(), person))
    return found


def _runs(text: str, tokens: Sequence[re.Match[str]]) -> dict[int, list[re.Match[str]]]:
    """Each token's run: the tokens next to it joined by ``_JOINER`` (by the token's start)."""
    groups: list[list[re.Match[str]]] = []
    for m in tokens:
        if groups and _JOINER.fullmatch(text, groups[-1][-1].end(), m.start()):
            groups[-1].append(m)
        else:
            groups.append([m])
    return {m.start(): group for group in groups for m in group}


def _matching_run(run: Sequence[re.Match[str]], defined: dict[str, str], persons: dict[str, str]) -> bool:
    """Two initials or more, each of a found or defined name, two of them no common abbreviation (one
    where every one is defined beside its name)."""
    keys = [initials_key(m.group()) for m in run]
    plain = sum(k.casefold() not in COMMON_ACRONYMS for k in keys)
    return (
        len(keys) >= 2
        and all(k in defined or k in persons for k in keys)
        and plain >= (1 if all(k in defined for k in keys) else 2)
    )


def _slot(text: str, run: Sequence[re.Match[str]]) -> bool:
    """The run of initials labels a line ("- IT: book the room", "MR + IT: close the tickets"), follows a
    signature's or a checker's label ("Signed: TG / HA", "Initials (each page): IEG / MZA"), or is one
    initials with a possessive ("MR's list")."""
    line_start = text.rfind("\n", 0, run[0].start()) + 1
    before = text[line_start : run[0].start()]
    label = _LABEL_BEFORE.fullmatch(before) and _LABEL_AFTER.match(text, run[-1].end())
    possessive = len(run) == 1 and _POSSESSIVE.match(text, run[0].end())
    return bool(label or possessive or _SIGNED.search(before))
