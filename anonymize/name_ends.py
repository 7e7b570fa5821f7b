"""Where a person's span ends, by the words inside or around it: a possessive inside it ("Kevin Lamovec's
Cautionary Tales"), a role noun before it ("Producer Sandy Lahtela"), a group rather than a person ("the
Egyptian Mamluks"). Used by ``anonymize.name_extent``."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymize.name_lexicon import NameLexicon
from anonymize.word_kinds import organization_word

INNER_POSSESSIVE = re.compile(r"[ \t]?['’]s[ \t]+(?=\S)")
_NEXT_WORD = re.compile(r"[^\s,;:()]+")


def owner_is_thing(value: str, lexicon: NameLexicon | None) -> bool:
    """An organization's or a place's word in ``value``, or only everyday English words ("Land Trust")."""
    found = _NEXT_WORD.findall(value)
    if any(organization_word(w) for w in found):
        return True
    return lexicon is not None and bool(found) and all(lexicon.ordinary_word(w.casefold()) for w in found)


def role_noun(word: str, rest: str, lexicon: NameLexicon | None) -> bool:
    """A capitalized everyday noun that is no name anywhere, before a given name and more words: a role
    ("Producer Sandy Lahtela", "Guitarist Ana Silva"); not "Grace Kelly" (a name), nor "Producer Sandy"."""
    if lexicon is None or not word[:1].isupper() or not word[1:].islower():
        return False
    folded = word.casefold()
    if folded in lexicon.given or folded in lexicon.surnames or not lexicon.ordinary_word(folded):
        return False
    following = _NEXT_WORD.findall(rest)
    return len(following) >= 2 and lexicon.given_name(following[0])


def group_word(text: str, result: RecognizerResult, lexicon: NameLexicon) -> bool:
    """One plural word after "the" (and an adjective) that is no name of the lexicon: a people, a team ("the
    Egyptian Mamluks", "the Panthers"), no person; "the Jones family" keeps its surname."""
    value = text[result.start : result.end]
    return (
        " " not in value
        and value.endswith("s")
        and value.casefold() not in lexicon.surnames
        and value.casefold() not in lexicon.given
        and bool(_THE_BEFORE.search(text, max(0, result.start - 30), result.start))
    )


_THE_BEFORE = re.compile(r"(?<![\w'’])(?i:the)[ \t]+(?:[A-Z][\w'’-]*[ \t]+)?$")


# "Zoolander is a 2001 American action-comedy film directed by ...": the subject of "is a ... film" is a
# work's title. The work's noun ends its phrase ("film directed", "novel by", "album."): "Spielberg is a film
# director" and "Kim is a play therapist" keep their persons.
_WORK_AFTER = re.compile(
    r"[ \t]+(?:is|was)[ \t]+an?[ \t]+(?:\d{4}[ \t]+)?(?:[\w'’-]+[ \t]+){0,4}?"
    r"(?:film|movie|novel|novella|album|song|single|book|play|opera|musical|sitcom|documentary|miniseries|"
    r"video[ \t]+game|painting|poem)"
    r"(?=[ \t]*(?:[.,;:!?)\n]|$)|[ \t]+(?:by|directed|written|released|produced|recorded|published|"
    r"starring|about|set|based|from|that|which|of|in|and|with|for)\b)"
)


def work_title(text: str, result: RecognizerResult) -> bool:
    """The span is the subject of "is a (year) ... film|novel|album|song ...": a work's title, no person."""
    return _WORK_AFTER.match(text, result.end) is not None
