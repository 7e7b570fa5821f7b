"""Other mentions of a found organization in the same text: "Cofinec 's Global Depositary Receipts ...
Cofinec said", "Pirelli SpA chairman ... Pirelli's shares", "the OSCE ... OSCE principles". The NER model
finds an organization in one sentence and misses it in the next; a reader knows it is the same one.

A mention is the organization's text (without a leading "the") or its name without the legal form ("Pirelli"
of "Pirelli SpA"), as a whole word, where no other result lies. A one-word name must be no name people bear,
no known place and no everyday English word ("Smith" of "Smith Ltd" may be a person, "Atlas" of "Atlas GmbH"
and "Board" of "the Board" are words).
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymize.gazetteer import known_place
from anonymize.name_lexicon import NameLexicon
from anonymize.recognizers.lower_names import everyday_word
from anonymize.results import rule_result
from anonymize.text import COMPANY_FORM_SUFFIX, SPACED_COMPANY_FORM

ORGANIZATION_MENTION = "OrganizationMention"
_SCORE = 0.5
_ARTICLE = re.compile(r"^(?i:the)[ \t]+")
_FORM_TAIL = re.compile(rf"(?:,?[ \t]+(?:{COMPANY_FORM_SUFFIX}|{SPACED_COMPANY_FORM})\.?)+$")
_MIN_LENGTH = 3


def organization_mentions(
    text: str, results: list[RecognizerResult], lexicon: NameLexicon | None
) -> list[RecognizerResult]:
    """ORGANIZATION results for the other mentions of the organizations among ``results``."""
    names: set[str] = set()
    for r in results:
        if r.entity_type != "ORGANIZATION":
            continue
        value = text[r.start : r.end].strip()
        value = _ARTICLE.sub("", value)
        short = _FORM_TAIL.sub("", value)
        names.update(n for n in {value, short} if _distinctive(n, lexicon))
    names = {n for n in names if len(n) >= _MIN_LENGTH and n[:1].isupper() and "\n" not in n}
    if not names:
        return []
    pattern = re.compile(
        r"(?<![\w&'’-])(?:"
        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        + r")(?![\w&-])"
    )
    taken = [(r.start, r.end) for r in results]
    return [
        rule_result("ORGANIZATION", m.start(), m.end(), _SCORE, ORGANIZATION_MENTION)
        for m in pattern.finditer(text)
        if not any(s < m.end() and m.start() < e for s, e in taken)
    ]


def _distinctive(name: str, lexicon: NameLexicon | None) -> bool:
    """An organization's name, with or without its legal form, that names nothing else: two words or more,
    or one word that is no given name or surname, no known place and no everyday English word ("Board" of
    "the Board")."""
    if " " in name.strip():
        return True
    word = name.strip()
    if lexicon is not None and (lexicon.given_name(word) or lexicon.surname(word)):
        return False
    return not known_place(word) and not everyday_word(word)
