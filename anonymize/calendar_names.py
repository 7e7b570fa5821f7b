"""Weekdays and months among name words: "April Delacroix" is a name, "Monday Castellanos" is not, and
"Sunday Okon" is, where nothing before it makes it the day."""

from __future__ import annotations

import re

from anonymize.name_lexicon import NameLexicon

MONTHS_DAYS = re.compile(
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|"
    r"thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)"
)
DAYS = re.compile(r"(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*")

# Before a weekday, what makes it the day: "on Sunday", "by Monday", "every Friday", "12:00 Sunday".
_DAY_BEFORE = re.compile(
    r"(?:(?<![\w'’])(?i:on|by|from|until|till|to|this|next|last|every|each|the|a|of|since|before|after|for|"
    r"per|and|or|through|thru|between|weekday|weekend)|\d|[–—-])[ \t]*$"
)


def weekday_given_name(shadow: str, start: int, word: str, lexicon: NameLexicon) -> bool:
    """A weekday that people bear as a given name ("Sunday Okon", "Sunday Ifeanyi Ekwueme", a Nigerian and
    Ghanaian name), capitalized right before a found name, with no word before it that makes it the day
    ("on Sunday Okon flew", "by Monday Castellanos" stay out)."""
    return (
        DAYS.fullmatch(word) is not None
        and word[1:].islower()
        and word.casefold() in lexicon.given
        and not _DAY_BEFORE.search(shadow, max(0, start - 12), start)
    )
