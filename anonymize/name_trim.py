"""Where a detected name starts and ends: the verb, greeting, role or title a PERSON span took in before the
name ("Call Jane Doe", "Prime Minister John Major", "U.S. President Bill Clinton", "Asked Zieliński",
"consignee Areti Papadaki", "Obbo Tolosa"), the title after it ("Rustem abi", "Lam Sir"), a possessive's
ending ("Lebed's") and an honorific joined to it ("Liu-san") are no part of it (``trim_person``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import RecognizerResult

from anonymize.article_nouns import article_before_name
from anonymize.filters import NAME_PREFIXES
from anonymize.gazetteer import country_names
from anonymize.honorifics import after_honorific, before_trailing_title
from anonymize.name_ends import INNER_POSSESSIVE, owner_is_thing, role_noun
from anonymize.name_extent import PARTICLES, ordinary_words
from anonymize.name_lexicon import NameLexicon
from anonymize.person_cues import CONTACT_VERBS, ROLE_TITLES
from anonymize.results import copy_span
from anonymize.text import words

_TITLE_WORD = re.compile(r"[^\s,;:()]+")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")  # "U.S.", "U.N."
_MAX_QUALIFIERS = 3


def after_qualified_title(
    text: str, start: int, end: int, qualifiers: Sequence[tuple[int, int]], lexicon: NameLexicon | None
) -> int:
    """Where the name in ``text[start:end]`` starts when a qualified role title leads it ("U.S. President
    Bill Clinton", "Palestinian President Yasser Arafat", "security chief Alexander Lebed"): after the title.
    The words before the title must all qualify it: ``qualifiers`` (the NER model's nationalities and places),
    countries, abbreviations, lower-case words or frequent English words that are no given names. ``start``
    when no such title leads the span; a name must follow the title."""
    found = list(_TITLE_WORD.finditer(text, start, end))
    for index, match in enumerate(found[1 : _MAX_QUALIFIERS + 1], start=1):
        if match.group().casefold().rstrip(".") not in ROLE_TITLES:
            continue
        last = index
        while last + 1 < len(found) - 1 and found[last + 1].group().casefold() in ROLE_TITLES:
            last += 1  # "Prime Minister", "Vice President"
        if last + 1 < len(found) and all(_qualifier(m, qualifiers, lexicon) for m in found[:index]):
            return found[last + 1].start()
        return start
    return start


def _qualifier(
    match: re.Match[str], qualifiers: Sequence[tuple[int, int]], lexicon: NameLexicon | None
) -> bool:
    word = match.group()
    folded = word.casefold()
    return (
        any(s <= match.start() and match.end() <= e for s, e in qualifiers)
        or folded in country_names()
        or bool(_ABBREVIATION.fullmatch(word))
        or word.islower()
        or (lexicon is not None and folded in lexicon.common and folded not in lexicon.english_given)
    )


_FIRST_WORD = re.compile(r"([\w-]+)\.?\s+")
_POSSESSIVE = re.compile(r"[ \t]?['’]s$")  # "Mensah-Bonsu's", a tokenized "Lebed 's"


# A separator the NER model took in at a name's end: a slash, dash, ampersand or bar before the next cell.
_TRAILING_MARK = re.compile(r"[ \t]+[/&+|·•–—-]+[ \t]*$")
# The next cell's label after a slash: "M. Öztürk / Approved".
_SLASH_LABEL = re.compile(r"[ \t]*/[ \t]*([A-Z][a-z]+)$")
_CONTACT_VERB = re.compile(rf"(?:{CONTACT_VERBS})")
# Lower-case words that start a name: particles, and the joining words of other languages ("dela Cruz",
# "bat-Sheva", "'t Hooft").
_LOWER_NAME_WORDS = PARTICLES | words("dela dei degli y e i do te op zu vom zum zur af av des ben bat bte wa")


# Words that join two surnames inside a name ("Ortega y Gasset", "Costa e Silva", "Puig i Casals") and never
# start one.
_LINKS = words("y e i")
# A Japanese or Korean honorific joined to the name: "Liu-san", "Tanaka-sama", "Min-jun-ssi".
_HONORIFIC_SUFFIX = re.compile(r"-(?:san|sama|kun|chan|ssi|dono|ji)$")


def _titled(text: str, start: int, end: int) -> bool:
    """A title of address leads ``text[start:end]`` ("Herrn Schmidt", "Dr. Jansen", "Sr. López")."""
    first = _FIRST_WORD.match(text, start, end)
    return after_honorific(text, start, end) > start or (
        first is not None and first.end() < end and first.group(1).casefold() in NAME_PREFIXES
    )


def trim_person(
    text: str, result: RecognizerResult, qualifiers: list[tuple[int, int]], lexicon: NameLexicon | None
) -> RecognizerResult:
    """``result`` without the verb, greeting or title it took in ("Call Jane Doe", "Prime Minister John
    Major", "ex-Beatle Paul", "U.S. President Bill Clinton", "Frau Lindemann-Özkan") and without a
    possessive's ending ("Lebed's") or an honorific joined to it ("Liu-san")."""
    start = after_qualified_title(text, result.start, result.end, qualifiers, lexicon)
    start = after_honorific(text, start, result.end)  # "Tan Sri Yusof Hashim", "Hei Jukka-Pekka"
    start = article_before_name(text, start, result.end, lexicon)  # "Der Müller hat angerufen"
    while True:
        match = _FIRST_WORD.match(text, start, result.end)
        if not match or match.end() >= result.end:
            break
        word = match.group(1)
        folded = word.casefold()
        if word in _LINKS:  # "y Ana Paula Soares", "e Sousa": a conjunction starts no name
            start = match.end()
            continue
        if word in _LOWER_NAME_WORDS and _titled(text, match.end(), result.end):
            start = after_honorific(text, match.end(), result.end)  # "von Herrn Schmidt", "de Sr. López",
            continue  # "van Dr. Jansen": a preposition before a title is no particle of the name
        # "Call Jane", "Prime Minister John Major", "ex-Beatle Paul", "Producer Sandy Lahtela", "Asked
        # Zieliński", "consignee Areti Papadaki" (a lower-case word before a capital is no name's, unless a
        # particle: "van Rooyen", "dela Cruz")
        role = (
            folded in NAME_PREFIXES
            or folded in ROLE_TITLES
            or word.startswith("ex-")
            or _CONTACT_VERB.fullmatch(folded) is not None
            or (word.islower() and folded not in _LOWER_NAME_WORDS and text[match.end()].isupper())
        )
        if not role and not role_noun(word, text[match.end() : result.end], lexicon):
            break
        start = match.end()
    possessive = _POSSESSIVE.search(text, start, result.end)
    end = possessive.start() if possessive and possessive.start() > start else result.end
    mark = _TRAILING_MARK.search(text, start, end)  # "Sofía Ramírez / Reviewed", "Nurul Aisyah -   E"
    end = mark.start() if mark and mark.start() > start else end
    end = before_trailing_title(text, start, end)  # "Rustem abi", "Lam Sir": the name is "Rustem", "Lam"
    label = _SLASH_LABEL.search(text, start, end)  # "Prepared by: M. Öztürk / Approved: H. G. Aydın"
    if label and label.start() > start and lexicon is not None and ordinary_words(label.group(1), lexicon):
        end = label.start()
    suffix = _HONORIFIC_SUFFIX.search(text, start, end)  # "Liu-san": the name is "Liu"
    if suffix and suffix.start() > start:
        end = suffix.start()
    inner = INNER_POSSESSIVE.search(text, start, end)  # "Kevin Lamovec's Cautionary Tales": his work
    if inner and inner.start() > start:
        # The name is the owner, unless the owner is a thing ("the Land Trust's Ann Roe").
        if owner_is_thing(text[start : inner.start()], lexicon):
            start = inner.end()
        else:
            end = inner.start()
    return result if (start, end) == (result.start, result.end) else copy_span(result, start, end)
