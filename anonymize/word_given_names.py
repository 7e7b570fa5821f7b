"""Given names that are English words, before a surname: "Princess Villanueva", "Sunday Ojo", "Lovely
Jean-Charles", "Chance Okonkwo".

Filipino, Nigerian, Haitian and Caribbean given names are often English words ("Princess", "Blessing",
"Lovely", "Precious", "Sunday", "Chance"). The lexicon marks them common words, no evidence of a name on their
own, so the evidence recognizer takes the surname alone ("Villanueva"), the title trimmer cuts "Princess"
off, and the NER model reads "Sunday" as a date: half a name, or none, stays in clear. Two signals make the
pair a PERSON: the word is a given name of the lexicon (a common word among them too) and the next word is a
surname of the lexicon that is no English word ("Villanueva", "Okonkwo"; not "Will Power", "Hope Street"
or "Grace Church"). The word alone stays unlabeled ("Lovely weather", "Chance of rain").

Nothing makes a pair of a function word, a label or a verb of address ("The Okafor file", "Dear Okafor",
"Ask Okafor"), a weekday or month after its preposition ("on Sunday Okafor called"), a word at a sentence's
start that is lower case elsewhere in the text ("Blessing" as a noun: "a blessing ... Blessing Okafor" is
still taken where it is no sentence's start), a pair before a company's word ("Chance Okonkwo Ltd") or a
pair that is a known place ("Santa Cruz").
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymize.filters import NOT_NAME_WORDS
from anonymize.gazetteer import known_place
from anonymize.honorifics import after_title
from anonymize.name_lexicon import NameLexicon
from anonymize.person_cues import HONORIFICS, ROLE_TITLES
from anonymize.recognizers.lower_names import everyday_word
from anonymize.resolution import Resolution
from anonymize.results import rule_result
from anonymize.text import COMPANY_WORD, words

WORD_GIVEN_NAME = "WordGivenName"
_SCORE = 0.9
_NOT_PERSON_TYPES = frozenset(["LOCATION", "ORGANIZATION", "NRP"])
_SURNAME_ZIPF = 4.0  # as the lexicon's common words: "santos" 3.7, "kang" 3.55; "lane" 4.6, "day" 6
_ENGLISH_ZIPF = 3.0  # "princess" 4.2, "blessing" 4.0, "precious" 4.2: English words the lexicon lets pass
_TOP_ZIPF = 5.5  # "try" 5.5, "will" 6.5, "may" 6.0; "hope" 5.44, "chance" 5.26, "sunday" 4.92
_PLURAL_ZIPF = 3.5  # "meadow" 3.6, "field" 5.2
_U = "A-ZÀ-ÖØ-ÞĀ-ſ"
_L = "a-zß-öø-ÿā-ž"
# A capitalized word, a blank (a no-break space too) and a capitalized name word, hyphenated or not.
_PAIR = re.compile(
    rf"(?<![\w'’@./-])([{_U}][{_L}]+)[ \u00a0]([{_U}][{_L}]+(?:[-'’][{_U}][{_L}]+)*)(?![\w@/-]|['’]\w\w|\.\w)"
)
_TIME_WORDS = words(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december
    """
)
_TIME_PREPOSITION_BEFORE = re.compile(
    r"(?i:\b(?:on|by|until|till|since|before|after|last|next|this|every|each|from|to|of|in)[ \t]+)$"
)
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?][\"'’”)]?[ \t]+|\n[ \t>*#-]*)$")
_NAME_WORD_BEFORE = re.compile(r"(?<![\w'’.-])(?:[A-Z][\w'’-]*|[A-Z]\.)[ \t\u00a0]+$")
_NAME_WORD_AFTER = re.compile(
    r"[ \t\u00a0]+(?:[A-Z]|(?:bin|binti|van|von|de|da|del|della|dos|das|du|la|le|al|el|ibn)\b)"
)
# "& Sons", "Ltd" after the pair: a company's name.
_COMPANY_AFTER = re.compile(r"[ \t]*&|,?[ \t]+(?i:" + COMPANY_WORD.pattern + ")")
# Words of address, titles of office and everyday function words the lexicon also lists as given names.
_NOT_GIVEN = words(
    """
    the a an and or but of for to at by in on with from as is was be are my our your his her their its this
    that these those no not all any each every some new old north south east west northeast northwest
    southeast southwest central upper lower greater san santa saint st
    ask call meet thank thanks tell email text visit contact dear hello hi hey sir madam
    king queen lord lady chief judge justice president general major captain father mother brother sister
    doctor professor bishop pastor elder uncle aunt auntie tia tio tita tito rabbi sheikh imam mama papa
    """
)


def word_given_names(state: Resolution) -> None:
    """Add an English-word given name before a surname of the lexicon as one PERSON (module doc)."""
    if state.lexicon is None or state.truecased:
        return
    others = [r for r in [*state.yielding, *state.results] if r.entity_type in _NOT_PERSON_TYPES]
    state.results += state.admitted(word_given_pairs(state.text, state.results, others, state.lexicon))


def word_given_pairs(
    text: str, results: list[RecognizerResult], others: list[RecognizerResult], lexicon: NameLexicon
) -> list[RecognizerResult]:
    """The pairs of ``text`` whose first word is a given name that is an English word and whose second is a
    surname of ``lexicon`` that is none, where no PERSON result already covers both and no place,
    organization or group of ``others`` covers the first word ("the Colorado Rockies", "African Sykes")."""
    persons = [(r.start, r.end) for r in results if r.entity_type == "PERSON"]
    found: list[RecognizerResult] = []
    for m in _PAIR.finditer(text):
        given, surname = m.group(1), m.group(2)
        if not _given_word(given, lexicon) or not _surname_word(surname, lexicon):
            continue
        if any(s <= m.start() and m.end() <= e for s, e in persons):
            continue
        if any(o.start < m.end(1) and m.start() < o.end for o in others) or known_place(given):
            continue
        if not _pair_slot(text, m.start(), m.end(), given):
            continue
        found.append(rule_result("PERSON", m.start(), m.end(), _SCORE, WORD_GIVEN_NAME))
    return found


def _given_word(word: str, lexicon: NameLexicon) -> bool:
    """A given name of the lexicon that the lexicon does not vouch for alone: an English word as well."""
    key = word.casefold()
    if key not in lexicon.given or key in _NOT_GIVEN or (key in NOT_NAME_WORDS and key not in _TIME_WORDS):
        return False  # a weekday is a given name where no preposition makes it a date ("Sunday Ojo")
    if (key in ROLE_TITLES or key in HONORIFICS) and key not in lexicon.english_given:
        return False  # "Minister Dini", "Rabbi David"; not "Princess", a given name in English too
    # An English word, not one of the most frequent ("Try", "Will", "May": verbs and function words first).
    return (key in lexicon.common or everyday_word(key, _ENGLISH_ZIPF)) and not everyday_word(key, _TOP_ZIPF)


def _surname_word(word: str, lexicon: NameLexicon) -> bool:
    """A surname of the lexicon that is no English word (each part of a hyphenated one a name word)."""
    parts = re.split(r"[-'’]", word.casefold())
    if len(parts) > 1:  # "Jean-Charles", "Okonjo-Marsh": every part a name word (wordfreq reads the parts)
        return all((p in lexicon.given or p in lexicon.surnames) and p not in lexicon.common for p in parts)
    # "Day", "Lane", "Park": a place's or a thing's word as well; "Meadows", "Fields": a noun's plural
    plural = word[-1:] == "s" and everyday_word(word[:-1], _PLURAL_ZIPF)
    return lexicon.surname(word) and not everyday_word(word, _SURNAME_ZIPF) and not plural


def _pair_slot(text: str, start: int, end: int, given: str) -> bool:
    """Nothing around the pair says the first word is a date, a noun at a sentence's start or a company's."""
    before = text[max(0, start - 12) : start]
    if _NAME_WORD_BEFORE.search(before) or _NAME_WORD_AFTER.match(text, end):
        return False  # a piece of a longer name or a place's ("Maria Fe Dizon", "Sam Houston Race Park")
    if after_title(text, start) or after_title(text, start + len(given) + 1):  # "Pak Agus", "Frau Lindemann"
        return False
    if given.casefold() in _TIME_WORDS and _TIME_PREPOSITION_BEFORE.search(before):
        return False
    if _SENTENCE_START_BEFORE.search(text, max(0, start - 6), start) and re.search(
        rf"(?<![\w-]){re.escape(given.lower())}(?![\w-])", text
    ):
        return False
    if _COMPANY_AFTER.match(text, end):
        return False
    return not known_place(text[start:end])
