"""The other mentions of a full name's words that the earlier propagation leaves in clear.

``resolve.other_mentions`` seeks a name's words early, before the steps that find names late (a given name
that is an English word before a surname: "Sunday Obiechina-Udeh"; a table's "Ngata-Whaanga, Mere"), and
``ordinary_english`` then drops a mention made of an everyday word ("Chance", "Bold", "Hope"); the NER
model's reading of "Sunday" or "Pieter-Jan" as a date blocks it. So "Kind regards, Chance" stays in clear
after "Chance Okonkwo", and "Ah no, Sunday moved to Ibadan" after "Sunday Eze".

This step, after those, takes each word of a PERSON span of two or more words (a lexicon name word, written
as a name: "Sunday", "Pieter-Jan") at its other capitalized mentions where no other result is (the NER
model's places, organizations, groups, and its one-word dates yield). A word English barely uses is the
name wherever it stands; an everyday word only in a person's slot: inside a sentence ("with Sunday —",
"regards, Chance", "Bold Tsend; Bold trained"), alone on its line (a salutation or a signature: "Hope,"),
or at a sentence's start before a person's verb ("Sunday asked", "Faith also needs"). Never where it is
plainly the word: a weekday after its preposition or before a date ("on Sunday", "Sunday 15 March"), after
a determiner ("The Chase Manhattan statement"), before another capitalized word ("Dear Lovely Customer"),
after a quotation mark ("sermon "Faith that works""), or at a sentence's start before a noun ("Lovely
review, thank you").

A one-word name a rule found in lower case or in capitals ("thanks nacho", a rooming list's "BEER" under
"NICK") is a source too, read in title case; an Arabic particle may be joined to a surname ("al-Zahrani's").
More slots for an everyday word: a name called alone ("ay, true. Nacho?"), after a title of address ("not
Khun Ping"), joined by "and", "or", "&" or "/" to another mention or to a person found ("Beer and Golf are
vegetarian", "Then Femi or Blessing").
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymize.company_names import drop_company_heads
from anonymize.doc_places import drop_document_places
from anonymize.gazetteer import drop_places, known_place
from anonymize.header_columns import persons_outside
from anonymize.honorifics import after_title
from anonymize.name_lexicon import NameLexicon
from anonymize.name_mentions import inside_sentence
from anonymize.person_cues import (
    CHAT_VERBS,
    LIFE_VERBS,
    MEMO_VERBS,
    ROLE_TITLES,
    SENTENCE_START_VERBS,
    THOUGHT_VERBS,
)
from anonymize.propagation import mentions_outside
from anonymize.recognizers.lower_names import everyday_word
from anonymize.resolution import Resolution
from anonymize.results import tier
from anonymize.text import STOP_WORDS

_YIELDING = frozenset(["LOCATION", "ORGANIZATION", "NRP"])
_RARE_ZIPF = 3.0  # as ``name_mentions``: "hafiz" 2.7 is the name anywhere; "sunday" 4.9 only in a slot
_LOW = "a-zß-öø-ÿā-ž"
# An Arabic article or kin word joined to a surname in lower case: "al-Zahrani", "el-Sayed", "bin-Laden".
_ARABIC_PARTICLE = r"(?:al|el|ul|ad|ar|as|ash|at|az|an|bin|ben|ibn|abu|abd|bint)"
# A name word as written: a capital, then lower-case letters; hyphenated parts too ("Pieter-Jan").
_NAME_WORD = re.compile(
    rf"(?:{_ARABIC_PARTICLE}-)?[A-ZÀ-ÖØ-ÞĀ-Ž][{_LOW}]+(?:[-'’][A-ZÀ-ÖØ-Þ{_LOW}][{_LOW}]+)*"
)
_CAPS_TAIL = re.compile(r"(?<=\w)\w+")
_SPLIT = re.compile(r"[\s,;/()\"“”]+")
_WEEKDAY_OR_MONTH = re.compile(
    r"(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|"
    r"july|august|september|october|november|december)"
)
# What makes a weekday or a month the day: "on Sunday", "by Sunday", "Sunday 15 March", "Sunday morning".
_DATE_BEFORE = re.compile(
    r"(?:(?<![\w'’])(?i:on|by|from|until|till|to|this|next|last|every|each|the|a|of|since|before|after|for|"
    r"per|and|or|through|between|in|during|early|late|mid)|\d)[ \t,]*$"
)
_DATE_AFTER = re.compile(
    r"[ \t,]*(?:\d|(?i:morning|afternoon|evening|night|noon|mornings|evenings|nights|week|weekend|service|"
    r"school|mass|shift|rota|lunch|dinner|market|off)\b)"
)
_DETERMINER_BEFORE = re.compile(r"(?<![\w'’])(?i:the|a|an|this|that|no|any|some|every|each|what|such)[ \t]+$")
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?][\"'’”)]?[ \t]+|\n[ \t>*#•·-]*)$")
_QUOTE_BEFORE = re.compile(r"[\"“‘'(\[][ \t]*$")
_ADVERBS = r"also|still|then|now|just|already|later|again|never|often|always|too|alone|herself|himself"
_PERSON_VERB_AFTER = re.compile(
    rf"(?:['’]s)?[ \t]+(?:(?:{_ADVERBS})[ \t]+[a-z]+|"
    rf"(?:{SENTENCE_START_VERBS}|{LIFE_VERBS}|{MEMO_VERBS}|{CHAT_VERBS}|{THOUGHT_VERBS})\b)"
)
# The word alone on its line, a salutation or a signature: "Hope,", "— Chase", "> Levan".
_LINE_MARKS = " \t>*•·-–—"
_NEXT_CAPITAL = re.compile(r"[ \t]+[A-ZÀ-ÖØ-Þ]")
_CALLED = re.compile(r"[?!]+[ \t]*(?:$|\n|[A-ZÀ-ÖØ-Þ\"“])")  # a sentence of the name alone, then the next one
_JOINED_AFTER = re.compile(r"[ \t]+(?:and|or|&)[ \t]+|[ \t]*/[ \t]*")


def word_name_mentions(state: Resolution) -> None:
    """Add the other mentions of the words of the text's full names that earlier steps left (module doc);
    the NER model's results they overlap give way."""
    if state.lexicon is None or state.truecased:
        return
    found = name_word_mentions(state.text, state.results, state.lexicon)
    if not found:
        return
    cells = state.not_name_cells()
    found = persons_outside(drop_document_places(state.text, drop_places(state.text, found), cells), cells)
    found = state.admitted(drop_company_heads(state.text, found))
    if not found:
        return
    state.results = [
        r
        for r in state.results
        if not (tier(r) == 2 and any(f.start < r.end and r.start < f.end for f in found))
    ]
    state.results += found


def name_word_mentions(
    text: str, results: list[RecognizerResult], lexicon: NameLexicon
) -> list[RecognizerResult]:
    """The mentions of the words of ``results``' PERSON spans of two or more words, as PERSON results, where
    no other result but an NER place, organization, group or one-word date is, and the word reads as the
    name there (module doc)."""
    words = _full_name_words(text, results, lexicon)
    if not words:
        return []
    taken = [
        (r.start, r.end)
        for r in results
        if not (tier(r) == 2 and (r.entity_type in _YIELDING or _one_word_date(text, r, words)))
    ]
    pattern = re.compile(
        r"(?<![\w'’@./-])(?:" + "|".join(map(re.escape, sorted(words))) + r")(?![\w@-]|\.\w)"
    )
    mentions = mentions_outside(pattern, text, taken)
    named = [r for r in mentions if not everyday_word(text[r.start : r.end], _RARE_ZIPF)]
    named += [r for r in mentions if r not in named and person_slot(text, r.start, r.end)]
    # A mention joined to one of these or to a person found by a rule: "Beer and Golf are vegetarian".
    joined = frozenset(
        [m.start for m in named] + [r.start for r in results if r.entity_type == "PERSON" and tier(r) < 2]
    )
    return [r for r in mentions if r in named or person_slot(text, r.start, r.end, joined)]


def _full_name_words(text: str, results: list[RecognizerResult], lexicon: NameLexicon) -> set[str]:
    """The name words of the PERSON spans of two or more words, as written."""
    found: set[str] = set()
    for r in results:
        if r.entity_type != "PERSON":
            continue
        parts = [p for p in _SPLIT.split(text[r.start : r.end].strip(" .")) if p]
        if len(parts) < 2 and not (parts and _one_case_source(parts[0], r)):
            continue
        for part in parts:
            word = part.strip(".'’")
            if word.isupper() and len(word) >= 4:  # "OLUWASEUN ADEBAYO-WILLIAMS" ... "Chief Adebayo-Williams"
                word = _CAPS_TAIL.sub(lambda m: m.group().lower(), word)
            elif word.islower() and len(parts) == 1:  # "thanks nacho" ... "Nacho?"
                word = word[:1].upper() + word[1:]
            folded = word.casefold()
            if (
                len(word) >= 3
                and _NAME_WORD.fullmatch(word)
                and folded not in STOP_WORDS
                and folded not in ROLE_TITLES
                and not known_place(word)  # "Laleh Tehran" misprinted: "from Shiraz, not Tehran"
                and (folded in lexicon.given or folded in lexicon.surnames or lexicon.name_word(word))
            ):
                found.add(word)
    return found


def _one_case_source(word: str, result: RecognizerResult) -> bool:
    """A one-word name found in lower case or in capitals by a rule, not the NER model ("thanks nacho", a
    rooming list's "BEER" under "NICK"): its title-case mentions are the same person (a one-word name in
    title case is ``other_mentions``' already)."""
    return tier(result) < 2 and len(word) >= 3 and (word.islower() or word.isupper()) and word.isalpha()


def _one_word_date(text: str, result: RecognizerResult, words: set[str]) -> bool:
    """The NER model's date that is one of the name ``words`` alone ("Pieter-Jan", "Sunday" in "Ah no,
    Sunday moved"): it yields to the name unless the words around make it the day."""
    value = text[result.start : result.end]
    return (
        result.entity_type == "DATE_TIME"
        and value in words
        and not (_WEEKDAY_OR_MONTH.fullmatch(value) and _date_slot(text, result.start, result.end))
    )


def _date_slot(text: str, start: int, end: int) -> bool:
    return bool(_DATE_BEFORE.search(text, max(0, start - 14), start) or _DATE_AFTER.match(text, end))


def person_slot(text: str, start: int, end: int, joined: frozenset[int] | None = None) -> bool:
    """The capitalized everyday word at ``start``-``end`` reads as a person's name there (module doc);
    ``joined``: where the other mentions and persons start, one of which may follow after "and", "or", "&"."""
    word = text[start:end]
    weekday = _WEEKDAY_OR_MONTH.fullmatch(word) is not None
    if weekday and _date_slot(text, start, end):
        return False
    before = text[max(0, start - 20) : start]
    if _DETERMINER_BEFORE.search(before) or _QUOTE_BEFORE.search(before) or _NEXT_CAPITAL.match(text, end):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    if not weekday and line.strip(_LINE_MARKS).rstrip(",.!") == word:
        return True  # a salutation or a signature
    if inside_sentence(text, start) or after_title(text, start):  # "not Khun Ping"
        return True
    if _SENTENCE_START_BEFORE.search(before) and _CALLED.match(text, end):
        return True  # a name called alone: "ay, true. Nacho?", "Blessing!"
    if joined is not None and _JOINED_AFTER.match(text, end):
        rest = _JOINED_AFTER.match(text, end)
        if rest is not None and rest.end() in joined:
            return True  # "Beer and Golf are vegetarian": joined to another name's mention
    return bool(_SENTENCE_START_BEFORE.search(before) and _PERSON_VERB_AFTER.match(text, end))
