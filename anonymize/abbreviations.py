"""Short forms a text defines in brackets after the term: "Scribble (Scrib)", "lamellipodin (Lpd)".

The NER model reads such a short form of a protein, a gene or a method as a one-word name ("Scrib binding to
βPIX", "Lpd depletion"), and the name rules then find it at every mention. A short form whose letters the
term before the bracket holds in order, first letter first, is the term's, not a person's; a term that is a
name itself ("Robert (Rob)", "Alexander (Alex)") keeps its short form a name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anonymize.name_lexicon import NameLexicon

_MIN_TERM = 5  # letters of the term: "Scribble", not "Al (A)"


def defined_short_form(text: str, value: str, lexicon: NameLexicon | None) -> bool:
    """``value`` (one word) is defined in ``text`` as the short form of the word before its bracket:
    "Scribble (Scrib)", "lamellipodin (Lpd)"; that word no given name or surname of the ``lexicon`` (without
    one, a word in lower case)."""
    if " " in value or len(value) < 2 or value not in text or "(" not in text:
        return False
    bracketed, pattern = _patterns(value)
    if not bracketed.search(text):  # the bracket, found fast by its "(": rare, and needed for a match
        return False
    for match in pattern.finditer(text):
        term = match.group(1)
        if len(term) < _MIN_TERM or not _letters_in_order(value.casefold(), term.casefold()):
            continue
        folded = term.casefold()
        if lexicon is None:
            named = not term.islower()
        else:
            named = folded in lexicon.given or folded in lexicon.surnames
        if not named:
            return True
    return False


@lru_cache(maxsize=1024)
def _patterns(value: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``value`` in brackets, and a term before it: "(Scrib)", "Scribble (Scrib)"."""
    bracketed = rf"\([ \t]*{re.escape(value)}[ \t]*\)"
    return re.compile(bracketed), re.compile(rf"([^\W\d_][\w-]*)[ \t]*{bracketed}")


def _letters_in_order(short: str, term: str) -> bool:
    """``short``'s letters in ``term`` in order, the first letter first: "lpd" in "lamellipodin"."""
    if not short or short[0] != term[0]:
        return False
    at = 1
    for ch in short[1:]:
        at = term.find(ch, at) + 1
        if at == 0:
            return False
    return True
