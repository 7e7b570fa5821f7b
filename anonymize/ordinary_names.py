"""Spans made only of ordinary English words are no names ("Talent Acquisition Lead", "Campus", "Farewell"),
whatever found them; unless an honorific or a role title stands before them ("Ms. Oh", "Prime Minister
Netanyahu") or a given name and a surname stand in a person's slot ("centre Walter Little"), and never those
that name a thing by the noun after them or a work's title."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymize.header_columns import HEADER_COLUMN
from anonymize.honorifics import after_title
from anonymize.name_ends import group_word, work_title
from anonymize.name_extent import ordinary_words
from anonymize.name_lexicon import NameLexicon
from anonymize.person_cues import PEOPLE_ROLES, ROLE_TITLES, SPEECH_VERBS, WHO, role_before
from anonymize.recognizers.lower_names import RECOGNIZER as LOWER_CASE
from anonymize.recognizers.name_evidence import SITUATED
from anonymize.results import recognizer_name
from anonymize.text import words

_NOUN_ZIPF = 4.0  # "principal" (4.5) after "Deputy" is a noun; "Netanyahu" (3.3), "Wolsey" (2.5) names


def drop_ordinary_words(
    text: str, results: list[RecognizerResult], lexicon: NameLexicon
) -> list[RecognizerResult]:
    """``results`` without the PERSON spans made only of ordinary English words (``ordinary_words``), unless
    an honorific stands right before the span: "Ms. Oh", "Mr. Young", "Dr. Fields" name a person; nor those
    that name a thing by the noun after them ("the Florence Nightingale building", "Amber alert level"), nor
    a work's title ("Zoolander is a 2001 film"). A span after a role title ("Prime Minister Netanyahu",
    "Cardinal Wolsey") is a name too, and so are its other mentions, unless a word of it is as frequent as
    a common noun ("Deputy Principal"): the famous surnames English text uses often are no English words."""
    titled = {
        text[r.start : r.end]
        for r in results
        if r.entity_type == "PERSON"
        and _ROLE_TITLE_BEFORE.search(text, max(0, r.start - 24), r.start)
        and not ordinary_words(text[r.start : r.end], lexicon, _NOUN_ZIPF)
    }
    given = _found_given_names(text, results, lexicon)
    return [
        r
        for r in results
        if r.entity_type != "PERSON"
        or (
            (
                _HONORIFIC_BEFORE.search(text, max(0, r.start - 8), r.start)
                or (recognizer_name(r) == LOWER_CASE and text[r.start : r.end] in given)
                or after_title(text, r.start)  # "Ate Joy", "Amai Gumbo": a title of another language
                or text[r.start : r.end] in titled
                or recognizer_name(r) == HEADER_COLUMN  # "Sunday" under "given_names"
                or not ordinary_words(text[r.start : r.end], lexicon)
                or _situated_given_name(text, r, lexicon)
            )
            and not _THING_AFTER.match(text, r.end)
            and not group_word(text, r, lexicon)
            and not work_title(text, r)
        )
    ]


def _found_given_names(text: str, results: list[RecognizerResult], lexicon: NameLexicon) -> frozenset[str]:
    """The first words, in lower case, of the PERSON spans of two words or more that start with a capital and
    are not all ordinary words ("Chance Okonkwo"): the lower-case recognizer's "chance pls call" in the same
    document is that person, not the word (which it took only in a person's slot)."""
    found = set()
    for r in results:
        value = text[r.start : r.end]
        parts = value.split()
        if r.entity_type != "PERSON" or len(parts) < 2 or not parts[0][:1].isupper():
            continue
        if parts[0].isalpha() and not ordinary_words(value, lexicon):
            found.add(parts[0].casefold())
    return frozenset(found)


_ROLE_BEFORE = role_before(ROLE_TITLES | PEOPLE_ROLES)
_SAYS_AFTER = re.compile(rf"[ \t]*(?:{WHO}|[ \t]+(?:{SPEECH_VERBS})\b)")


def _situated_given_name(text: str, result: RecognizerResult, lexicon: NameLexicon) -> bool:
    """A given name English speakers bear and a surname, found in a person's slot (a role before, a person's
    verb or ", who" after) or a table's structure ("centre Walter Little", "13 - Walter Little ,"): a name
    although both are English words ("Roman Wall" in quotes stays a wall)."""
    parts = text[result.start : result.end].split()
    slot = (
        bool((result.recognition_metadata or {}).get(SITUATED))
        or _ROLE_BEFORE.search(text, max(0, result.start - 30), result.start) is not None
        or _SAYS_AFTER.match(text, result.end) is not None
    )
    return (
        slot
        and len(parts) == 2
        and parts[0].casefold() in lexicon.english_given
        and parts[1].casefold() in lexicon.surnames
    )


# A building, a room or a garden named after someone, a level or a model, a prize, an award or a theorem
# ("Nobel laureate", "the Nobel Memorial Prize", "Brocard's conjecture" read as "Brocard"): no person there.
_THING_AFTER = re.compile(
    r"[ \t]+(?:building|buildings|garden|gardens|wing|ward|hall|room|entrance|gate|campus|library|theatre|"
    r"auditorium|tower|alert|level|chain|model|simulation|method|algorithm|equation|syndrome|disease|effect|"
    r"distribution|criterion|criteria|scale|index|prize|prizes|laureate|laureates|award|awards|medal|medals|"
    r"conjecture|theorem|hypothesis|doctrine|(?:Memorial[ \t]+)?(?:Prizes?|Awards?|Medal|Lecture))\b"
)


# A role title right before a name, any case ("Prime Minister", "Cardinal", "centre"); not a qualifier
# ("former", "late") nor a title that is a common noun in other senses ("lock", "count", "justice", "st").
_ROLE_TITLE_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:"
    + "|".join(
        re.escape(t)
        for t in sorted(ROLE_TITLES - words("former late st saint lock prop hooker count justice vice"))
    )
    + r")\.?[ \t]+$"
)


# Capitalized: "miss England 's opening" is no title.
_HONORIFIC_BEFORE = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|MR|MRS|MS|MISS|DR|PROF)\.?[ \t]+$")
