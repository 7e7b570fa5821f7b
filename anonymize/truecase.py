"""Text typed all in lower case, read with the capitals a writer would have used on names and places.

The NER model and the shape-based recognizers find names by their capitals; in a chat line, a quick note or a
question typed without any ("we moved here from edewecht", "natasha higuchi\\ndepartment of better
technology\\n42 machelsesteenweg 197") they find almost nothing. Such a text is analyzed in a shadow copy
(same length, same offsets) where a word gets its capital when it is no frequent English word and either
a name of the lexicon, a word English does not know at all, or a country's name; frequent words ("will",
"brown", "department") stay as typed, so they are found only by their other signals. Nothing else changes:
a text with any capital letter is read as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TypeVar

from presidio_analyzer import RecognizerResult

from anonymize.company_names import COMPANY_LAST_WORDS
from anonymize.gazetteer import country_names, country_spans
from anonymize.name_lexicon import ORDINARY_ZIPF, NameLexicon
from anonymize.text_kinds import in_lower_case

T = TypeVar("T", bound=RecognizerResult)

_WHITESPACE = re.compile(r"[ \t]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_UNKNOWN_ZIPF = 2.0  # wordfreq barely knows such an English word: a name, a place, a brand ("vassiliev" 1.3)
_RARE_SURNAME_ZIPF = 2.5  # "higuchi" 2.1
_PAIR_ZIPF = 5.2  # "david" 5.1, "mark" 5.1 before a rare surname; "john" 5.4 and "given" 5.4 are not taken
_FREQUENT_ZIPF = 4.5  # "natasha" 3.3, "hunter" 4.3 are capitalized; "will", "mark", "rose", "david" are not
_MIN_LETTERS = 3  # "ok", "pm" and the like stay as typed
_EVERYDAY_WORD_COUNTRIES = frozenset(["turkey"])  # "a turkey sandwich" typed in lower case is no country
_MAX_COUNTRY_WORDS = 4  # "saint vincent and the grenadines" is 5; "democratic republic of the congo" 5
# A street line typed in lower case: a house number, one to three words, a street type ("35 97 guildry
# street", "12 main st"); and a unit with its number ("suite 834", "apt. 818", "p.o. box 249"). Their words
# get capitals, as a writer of the address would have put them, so the address patterns read the line.
_STREET_LINE = re.compile(
    r"(?<![\w.,-])\d{1,6}[a-z]?(?:[ \t]+\d{1,5})?[ \t]+((?:[^\W\d_][\w'’-]*[ \t]+){1,3}"
    r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|way|terrace|"
    r"square|sq|highway|hwy|parkway|crescent|close|plaza)\b)"
    # then the line's end, punctuation, a number, a unit or a small word ("... street in leeds"); not a noun
    # the street type qualifies ("3 long road trips")
    r"(?=[ \t]*(?:$|[\n.,;:!?)]|\d|"
    r"(?:suite|apt|apartment|unit|box|p\.o\.|in|and|near|at|on|for|to|is|was)\b))"
)
_UNIT_WORDS = re.compile(r"(?<![\w.])(?:(p\.o\.)[ \t]?(box)|(suite|apt|apartment|unit|box))(?=\.?[ \t]*#?\d)")
# A US military address's codes, written in capitals: "psc 4665, box 2778", "apo ae 80338", "usns mercy".
_MILITARY_CODES = re.compile(
    r"(?<![\w.])(?:(?:psc|cmr)(?=[ \t]+\d)|[adf]po[ \t]+a[aep](?=[ \t]+\d{5}\b)|"
    r"(?:usns|usnv|uss|uscgc)(?=[ \t]+[^\W\d_]))"
)


def lower_case_text(text: str) -> bool:
    """``text`` has letters and none of them is a capital."""
    return any(ch.isalpha() for ch in text) and not any(ch.isupper() for ch in text)


def truecased(text: str, lexicon: NameLexicon) -> str:
    """``text`` (all in lower case) with a capital on each word that is a name or a place rather than an
    English word (see the module doc); same length, so every offset holds. Any other text is returned as
    is."""
    if not lower_case_text(text):
        return text
    chars = list(text)
    for start, end in country_spans(text, _plain_countries(), capitalized=False):
        for m in _WORD.finditer(text, start, end):
            if m.group() not in ("and", "of", "the"):
                _capitalize(chars, m.start())
    words = list(_WORD.finditer(text))
    rare = [_name_like(m.group(), lexicon) for m in words]
    capital = [rare[i] or _in_pair(text, words, rare, i, lexicon) for i in range(len(words))]
    for i, m in enumerate(words):
        # A company's word after a name is part of the company's name: "ferreira logistics".
        company = (
            i > 0 and capital[i - 1] and m.group() in COMPANY_LAST_WORDS and _adjacent(text, words[i - 1], m)
        )
        if capital[i] or company:
            _capitalize(chars, m.start())
    for line in _STREET_LINE.finditer(text):
        for m in _WORD.finditer(text, line.start(1), line.end(1)):
            _capitalize(chars, m.start())
    for unit in _UNIT_WORDS.finditer(text):
        for group in (1, 2, 3):
            if unit.group(group):
                _capitalize(chars, unit.start(group))
        if unit.group(1):  # "p.o." as "P.O."
            _capitalize(chars, unit.start(1) + 2)
    for code in _MILITARY_CODES.finditer(text):
        for at in range(code.start(), code.end()):
            _capitalize(chars, at)
    return "".join(chars)


def _in_pair(text: str, words: list[re.Match[str]], rare: list[bool], i: int, lexicon: NameLexicon) -> bool:
    """A given name right before a rare name word ("david lindqvist"; not "will park", "had given natasja"),
    or a surname of the lexicon right after a rare given name ("alexandra fowler", "natasha sung")."""
    from wordfreq import zipf_frequency

    word = words[i].group()
    if (
        i + 1 < len(words)
        and rare[i + 1]
        and _adjacent(text, words[i], words[i + 1])
        and _english_given(word, lexicon)
        and zipf_frequency(word, "en") < _PAIR_ZIPF
    ):
        return True
    if i > 0 and rare[i - 1] and _adjacent(text, words[i - 1], words[i]):
        name = lexicon.surname(word) or lexicon.given_name(word)
        frequent = zipf_frequency(word, "en") >= _FREQUENT_ZIPF
        return name and not frequent and lexicon.given_name(words[i - 1].group())
    return False


def _adjacent(text: str, first: re.Match[str], second: re.Match[str]) -> bool:
    return _WHITESPACE.fullmatch(text, first.end(), second.start()) is not None


def _name_like(word: str, lexicon: NameLexicon) -> bool:
    """A word no frequent English word, and a name of the lexicon or a word English does not know."""
    from wordfreq import zipf_frequency

    if len(word) < _MIN_LETTERS:
        return False
    zipf = zipf_frequency(word, "en")
    if zipf < _UNKNOWN_ZIPF:
        return True
    if zipf < ORDINARY_ZIPF:  # a rare surname only: names-dataset holds words too ("forklift" 2.9)
        return lexicon.given_name(word) or (zipf < _RARE_SURNAME_ZIPF and lexicon.surname(word))
    # As frequent as an English word: only a given name English speakers bear ("natasha", "jessica"), not
    # a surname or a given name of elsewhere that is an English word ("sung", "bot", "atm").
    return zipf < _FREQUENT_ZIPF and _english_given(word, lexicon)


def _english_given(word: str, lexicon: NameLexicon) -> bool:
    return lexicon.given_name(word) and word.casefold() in lexicon.english_given


def _capitalize(chars: list[str], at: int) -> None:
    upper = chars[at].upper()
    if len(upper) == 1:  # same length: offsets hold ("ß" has no one-letter capital)
        chars[at] = upper


@cache
def _plain_countries() -> frozenset[str]:
    """Country names of ASCII letters and at most five words ("saint vincent and the grenadines")."""
    return frozenset(
        n
        for n in country_names()
        if len(n.split()) <= _MAX_COUNTRY_WORDS + 1 and n.isascii() and n not in _EVERYDAY_WORD_COUNTRIES
    )


def drop_document_words(texts: Sequence[str], results: Sequence[list[T]]) -> list[list[T]]:
    """``results`` without the PERSON spans of a text typed all in lower case whose every word the same
    document writes in lower case in a text that has capitals ("it security runbook", a title made from a
    file name, beside "This runbook describes ..."): there, where capitals tell something, the writer shows
    the word is an everyday word, and the capital truecasing gave it was a guess. A document typed all in
    lower case (a chat export) has no such text, and nothing is dropped."""
    cased = [t for t in texts if not lower_case_text(t)]
    if not cased or len(cased) == len(texts):
        return [list(found) for found in results]

    def everyday(value: str) -> bool:
        words = _WORD.findall(value)
        return bool(words) and all(any(in_lower_case(w.capitalize(), t) for t in cased) for w in words)

    return [
        list(found)
        if not lower_case_text(text)
        else [r for r in found if r.entity_type != "PERSON" or not everyday(text[r.start : r.end])]
        for text, found in zip(texts, results, strict=True)
    ]
