"""Surname-first names of rosters, phone lists and forms: "TRƯƠNG, Quang Vinh        L     L", a CSV's
quoted "Xiong, Ntxhi", "Student: GUDETA, Chaltu Abdisa     Class teacher: ...", "Notify party: BALODIS,
ILZE — Baltic Forwarding".

``recognizers.inverted_names`` reads a pair that is all of a cell with a lexicon given name. Rosters write
more than it reads: the surname in capitals and the given names in title case (the convention that marks
the surname, itself a signal), three or four given names ("Thi Bich Ngoc"), surnames of several words
("BINTI MOHD ZULKIFLI", "DELA PAZ", "Mac an tSaoir"), a field after a label ("Student: ..."), a field in
quotes, a field that ends at a dash or a bracket. Two signals: the place (a whole cell, or a field after a
label) and the shape, the surname in capitals or a name of the lexicon on each side; and no half is a
frequent English word, a place or a company's word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from presidio_analyzer import RecognizerResult

from anonymize.gazetteer import country_names, known_place
from anonymize.name_lexicon import NameLexicon
from anonymize.results import rule_result
from anonymize.text import COMPANY_WORD, STOP_WORDS

ROSTER_NAME = "RosterSurnameFirst"
_SCORE = 0.6
_U = "A-ZÀ-ÖØ-ÞĀ-ſƀ-ɏḀ-ỿ"
_L = "a-zß-öø-ÿā-žƀ-ɏḀ-ỿ"
# A name word in capitals or title case, with hyphens and apostrophes; an Irish eclipsed or h- word too
# ("tSaoir", "hAodha").
_WORD = rf"(?:[thnbdgm](?=[{_U}]))?[{_U}](?:[{_L}{_U}]|['’-](?=[{_U}{_L}]))+"
_PARTICLE = (
    r"(?i:van|von|de|der|den|da|das|di|del|della|dos|du|la|le|al|el|bin|binti|ibn|mac|mc|an|ní|nic|ó|te|ap)"
)
_PARTICLE_WORD = re.compile(_PARTICLE, re.I)
_SURNAME = rf"(?:(?:{_PARTICLE}|{_WORD}) ){{0,2}}{_WORD}"
_GIVEN = rf"{_WORD}(?: {_WORD}){{0,3}}"
# The left edge: the line's start, a gap of two blanks or a tab, a pipe, a quote, or a label's colon.
_LEFT = r"(?:^[ \t]*|[ \t]{2,}|\t|\|[ \t]*|\"|^[ \t]*[A-Za-z][\w ]{0,24}:[ \t]+)"
# The right edge: the line's end, a gap, a pipe, a quote, a dash between blanks, a bracket.
_RIGHT = r"(?=[ \t]*$|[ \t]{2,}|\t|[ \t]*\||\"|[ \t]+[—–-][ \t]|[ \t]+\()"
# Read from each comma outward (a scan of the whole text from every position backtracks too much): the
# surname ends the text before the comma on its line, the given names start after it.
_COMMA = re.compile(r",[ \t]+")
_BEFORE = re.compile(rf"{_LEFT}(?P<surname>{_SURNAME})\Z")
_AFTER = re.compile(rf"(?P<given>{_GIVEN}){_RIGHT}", re.M)
_STRONG_LEFT = re.compile(r"(?:^[ \t]*|[ \t]{2,}|\t|\|[ \t]*|\")$")
_STRONG_RIGHT = re.compile(r"[ \t]*$|[ \t]{2,}|\t|[ \t]*\||\"")


def _vowel(word: str) -> bool:
    """``word`` has a vowel, accents aside: no acronym ("MBBS")."""
    return any(unicodedata.normalize("NFD", ch)[0] in "aeiouyAEIOUY" for ch in word)


def _caps(word: str) -> bool:
    return word.isupper() and len(word) > 1


def _title(word: str) -> bool:
    return word[:1].isupper() and not word.isupper() or word[1:2].isupper() and word[:1].islower()


def roster_names(
    text: str, results: Sequence[RecognizerResult], lexicon: NameLexicon
) -> list[RecognizerResult]:
    """PERSON results for the surname-first names of the module doc that no person result covers yet."""
    if ", " not in text:
        return []
    persons = [r for r in results if r.entity_type == "PERSON"]
    countries = country_names()
    found = []
    for comma in _COMMA.finditer(text):
        line_start = text.rfind("\n", 0, comma.start()) + 1
        before = _BEFORE.search(text[line_start : comma.start()])
        after = _AFTER.match(text, comma.end())
        if before is None or after is None:
            continue
        start, end = line_start + before.start("surname"), after.end("given")
        if any(r.start <= start and end <= r.end for r in persons):
            continue
        surname, given = before.group("surname").split(), after.group("given").split()
        core = [w for w in surname if not (_PARTICLE_WORD.fullmatch(w) and not _caps(w))]
        words = [*core, *given]
        if not core or any(w.casefold() in STOP_WORDS or COMPANY_WORD.fullmatch(w) for w in words):
            continue
        surname_word = any(lexicon.ordinary_word(w.lower()) for w in core if not _PARTICLE_WORD.fullmatch(w))
        if surname_word or all(lexicon.ordinary_word(w.lower()) for w in given):
            continue  # "Cheers, Tev", "Regards, Office Manager"; "Hang" of "Thi Thu Hang" may be a word
        values = (before.group("surname"), after.group("given"), text[start:end])
        if any(known_place(v) or v.casefold() in countries for v in values):
            continue  # "Lilongwe, Malawi"
        marked = all(_caps(w) for w in core) and all(_title(w) for w in given)
        alike = all(map(_caps, words)) or all(map(_title, words))
        if not (marked or alike and len(core) == 1) or not all(map(_vowel, words)):
            continue  # "Zdeňka Procházková, Vuk Radovanović" lists two people; "MBBS, DNB" are degrees
        left = text[text.rfind("\n", 0, start) + 1 : start]
        strong = _STRONG_LEFT.search(left) is not None and _STRONG_RIGHT.match(text, end) is not None
        named = sum(lexicon.name_word(w) for w in words)
        given_name = lexicon.given_name(given[0])
        if (marked or strong) and named or given_name and lexicon.name_word(core[-1]):
            found.append(rule_result("PERSON", start, end, _SCORE, ROSTER_NAME))
    return found
