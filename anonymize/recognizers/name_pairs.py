"""Two given names joined by "and", "or" or "&", one word each: "Then Femi or Blessing.", "Ask Nilufar and
Sardor". One context point for ``name_evidence`` (the lexicon is the other): each word is a given name of the
lexicon that is no frequent English word and no known place, and one of the two is a word English barely uses,
so "Jordan and Israel", "Chase and Wells" or "Hope and Faith" (as virtues) name no pair of people.
"""

from __future__ import annotations

import re

from anonymize.gazetteer import known_place
from anonymize.name_lexicon import NameLexicon

_WORD = r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*"
# The partner after the word: "Femi or Blessing", not "Femi or Blessing Okafor" (a longer name is the
# evidence's own business) nor "Femi and Co".
_PARTNER_AFTER = re.compile(rf"[ \t]+(?:and|or|&)[ \t]+({_WORD})(?![\w'’-]|[ \t]+[A-Z])")
_PARTNER_BEFORE = re.compile(rf"(?<![\w'’.-])({_WORD})[ \t]+(?:and|or|&)[ \t]+$")
# "Ana Lopez and Bo": "Lopez" is no one-word partner ("Then Femi or Blessing", "Ask Femi and Bo": "Then" and
# "Ask" are no name words).
_CAPITAL_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*)[ \t]+$")
_DETERMINER = re.compile(r"(?<![\w'’-])(?i:the|a|an|this|that|its|their|our|his|her)[ \t]+$")
_RARE_ZIPF = 3.0


def given_pair(text: str, start: int, end: int, lexicon: NameLexicon) -> bool:
    """``text[start:end]``, one capitalized word, and the word it is joined to by "and", "or" or "&" are
    both given names (see the module doc)."""
    word = text[start:end]
    if " " in word or _DETERMINER.search(text, max(0, start - 8), start):
        return False
    after = _PARTNER_AFTER.match(text, end)
    before = _PARTNER_BEFORE.search(text, max(0, start - 40), start)
    capital = before and _CAPITAL_BEFORE.search(text, max(0, before.start() - 40), before.start())
    if capital and lexicon.name_word(capital.group(1)):
        before = None
    partner = after.group(1) if after else before.group(1) if before else ""
    if not partner[:1].isupper() or not _given(word, lexicon) or not _given(partner, lexicon):
        return False
    return _rare(word) or _rare(partner)


def _given(word: str, lexicon: NameLexicon) -> bool:
    return word[:1].isupper() and lexicon.given_name(word) and not known_place(word)


def _rare(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.casefold(), "en") < _RARE_ZIPF
