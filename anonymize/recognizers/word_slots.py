"""Slots of one capitalized word that tell a name from a symbol or from part of a place's name, read by
``name_evidence``:

* a cricket score card's fielder, bowler and batsman ("S. Law c Tillekeratne b Dharmasena 13", "Vaas
  7-0-29-0"): only people stand there, so a word English does not know there is a name;
* a series of symbols: list items of one length that differ in their last letter only ("Apoa, Apob, Apoc",
  "Bak, Bax, Bid"): a gene or protein family, no names;
* the head of a place's name right before ("San Diego Chargers", "Los Angeles", "Santa Clara"): the words
  after it belong to the place.
"""

from __future__ import annotations

import re

from anonymize.gazetteer import country_names, known_place
from anonymize.word_kinds import english_zipf

UNKNOWN_ZIPF = 2.5  # a word English barely knows ("Tillekeratne" 0, "Vaas" 1.9; "Healy" 3.2)
_MAX_SYMBOL = 6  # "Apoa", "Bax", "Sox10"-like letters; longer words are no symbols of a series

# A score card's fielder or bowler before: "c Healy b Fleming", "st Kaluwitharana", "lbw b McGrath".
SCORE_CARD_BEFORE = re.compile(r"(?<![\w'’-])(?:c|b|st|lbw)[ \t]+$")
# A fielder between "c" (or "st") and "b"; a bowler between "b" and the runs at the line's end.
_FIELDER_BEFORE = re.compile(r"(?<![\w'’-])(?:c|st)[ \t]+$")
_BOWLER_AFTER_FIELDER = re.compile(r"[ \t]+b[ \t]+\S")
_BOWLER_BEFORE = re.compile(r"(?<![\w'’-])b[ \t]+$")
_RUNS_AFTER = re.compile(r"[ \t]+\d{1,3}\*?[ \t]*(?:\n|$)")
# A bowler's figures after the name: overs, maidens, runs, wickets ("Vaas 7-0-29-0").
_BOWLING_AFTER = re.compile(r"[ \t]+\d+(?:\.\d)?-\d+-\d+-\d+")
# A batsman at the line's start, before how he was out ("R. Kaluwitharana b S. Waugh 8", "A. Gurusinha run
# out 16").
BATSMAN_AFTER = re.compile(r"[ \t]+(?:c|b|st|lbw|run[ \t]+out|not[ \t]+out|retired[ \t]+hurt)[ \t]+\S")
_SERIES_AFTER = re.compile(r"[ \t]*,[ \t]*(?:and[ \t]+)?([A-Za-z]+)\b")
_SERIES_BEFORE = re.compile(r"\b([A-Za-z]+)[ \t]*,[ \t]*(?:and[ \t]+)?$")
_PLACE_HEAD_BEFORE = re.compile(r"(?<![\w'’-])(?:San|Santa|Santo|São|Los|Las|Porto|Puerto)[ \t]+$")


def unknown_word(word: str) -> bool:
    """A word English barely knows (wordfreq), as rare names of many origins are."""
    return english_zipf(word.casefold()) < UNKNOWN_ZIPF


def unknown_in_score_card(text: str, start: int, end: int) -> bool:
    """One word English does not know, no known place or country, where a score card names a person."""
    value = text[start:end]
    return (
        unknown_word(value)
        and not known_place(value)
        and value.casefold() not in country_names()
        and score_card_slot(text, start, end)
    )


def score_card_slot(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` stands where a cricket score card names a person: the fielder ("c Healy b"), the
    bowler before the runs ("b Fleming 44") or before the figures ("Vaas 7-0-29-0"), the batsman at the
    line's start ("Tillekeratne c ... b ... 13")."""
    prefix = text[max(0, start - 8) : start]
    if _FIELDER_BEFORE.search(prefix) and _BOWLER_AFTER_FIELDER.match(text, end):
        return True
    if _BOWLER_BEFORE.search(prefix) and _RUNS_AFTER.match(text, end):
        return True
    if _BOWLING_AFTER.match(text, end):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and BATSMAN_AFTER.match(text, end) is not None


def series_member(text: str, start: int, end: int) -> bool:
    """A short word next to a list item of the same length that differs in its last letter only: symbols of
    a series ("Apoa, Apob", "Bak, Bax"), not names ("Jan, Jon" differ inside)."""
    word = text[start:end]
    if len(word) > _MAX_SYMBOL:
        return False
    after = _SERIES_AFTER.match(text, end)
    before = _SERIES_BEFORE.search(text, max(0, start - 16), start)
    for other in (m.group(1) for m in (after, before) if m):
        if len(other) == len(word) and other != word and other[:-1].casefold() == word[:-1].casefold():
            return True
    return False


def place_head_before(text: str, start: int) -> bool:
    """The head of a place's name stands right before ``start`` ("San Diego", "Los Angeles")."""
    return _PLACE_HEAD_BEFORE.search(text, max(0, start - 8), start) is not None
