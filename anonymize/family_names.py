"""A family named by its surname in the plural: "the Haddads", "the Nakamuras' flat", "the Okonkwos".

English names a household by its surname with a plural "-s" (or "-es" after a sibilant: "the Sanchezes")
after "the". No name rule reads the plural: the lexicon holds "Haddad", not "Haddads", and the NER model
takes it for a group. The surname is a person's here where the same document names a person by it ("Rasha
Haddad ... the Haddads"): the plural word (without "the" and a possessive apostrophe) is a PERSON result, as
the corpus labels it. Not a plural that is an English word ("the Parks", "the Woods", "the Kings" beside
"Mina Park", "Ella Wood"), nor a surname found only as a place or a company.
"""

from __future__ import annotations

import re

from anonymize.resolution import Resolution
from anonymize.results import rule_result
from anonymize.word_kinds import english_zipf

FAMILY_NAME = "FamilyPlural"
_SCORE = 0.85
_MIN_LETTERS = 3
_PLURAL_ZIPF = 2.5  # "Parks" 4.3, "Woods" 4.0, "Kings" 4.2; "Haddads", "Nakamuras" below 1.5
_PLURAL = re.compile(r"(?<![\w'’-])(?i:the)[ \t]+([A-ZÀ-ÖØ-Þ][\w'’-]*?(?:es|s))(?=['’]|[^\w'’-]|$)")


def family_names(state: Resolution) -> None:
    """ "the Haddads" where the document names a person "Haddad" (module doc)."""
    if " the " not in state.text.casefold() and not state.text.lower().startswith("the "):
        return
    surnames = _surnames(state)
    if not surnames:
        return
    taken = [(r.start, r.end) for r in state.results]
    found = []
    for match in _PLURAL.finditer(state.text):
        start, end = match.span(1)
        plural = match.group(1)
        if any(s < end and start < e for s, e in taken) or english_zipf(plural.casefold()) >= _PLURAL_ZIPF:
            continue
        if plural[:-1] in surnames or (plural.endswith("es") and plural[:-2] in surnames):
            found.append(rule_result("PERSON", start, end, _SCORE, FAMILY_NAME))
    if found:
        state.results += state.admitted(found)


def _surnames(state: Resolution) -> frozenset[str]:
    """The last words of the document's persons of two words or more, as written ("Haddad" of "Rasha
    Haddad", "Nakamura" of "NAKAMURA, Emi" in title case too)."""
    words: set[str] = set()
    for result in state.results:
        if result.entity_type != "PERSON":
            continue
        value = state.text[result.start : result.end]
        parts = [p for p in re.split(r"[\s,]+", value) if p]
        if len(parts) < 2:
            continue
        for word in (parts[-1], parts[0]) if "," in value else (parts[-1],):
            if len(word) >= _MIN_LETTERS and word[0].isupper() and word.replace("-", "").isalpha():
                words.add(word if not word.isupper() else word.title())
    return frozenset(words)
