"""Other mentions of a detected name in another case: all capitals ("Lentini ... LENTINI MOVES TO ATALANTA",
a memo's header) and, for names typed in lower case, their lower-case repeats ("fatou diop wants ... fatou
always wants", "<pedro.alves> ... pedro which tickets?"), and capitalized names' lower-case forms where
English has no such word ("Gu Haoran ... haoran reviewed them").

``name_mentions.propagate`` finds the repeats written as detected; these are the same words in the other
cases. A capitalized name's lower-case form is otherwise sought only where it is addressed or speaks: it is
most often a common noun ("Rose ... rose").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from presidio_analyzer import RecognizerResult

from anonymize.company_names import company_named
from anonymize.doc_places import drop_document_places
from anonymize.filters import NOT_NAME_WORDS
from anonymize.gazetteer import country_names, drop_places, place_names
from anonymize.header_columns import Cell
from anonymize.name_lexicon import NameLexicon
from anonymize.name_mentions import inside_sentence, propagate
from anonymize.propagation import mentions_outside
from anonymize.recognizers.lower_names import everyday_word, slot_points
from anonymize.text_kinds import in_lower_case

_MIN_LETTERS = 3
_CAPS_ZIPF = 4.5  # a name word this frequent in English ("Will", "Mark", "Brown") is no name in capitals
_PARTS = re.compile(r"[^\s.,;:_()<>]+")
# A mention's end: no letter, "@" or hyphen after it, nor an apostrophe but a possessive's ("dato's and nino's
# laptops" are the names; "o'neill" is no "o").
_JOINED = re.compile(r"[-'’]")  # the marks inside one name word: "O'BRIEN", "AL-BALUSHI"
_JOINED_PARTS = re.compile(r"(?<=[-'’])")
_DETERMINER_BEFORE = re.compile(r"(?<![\w'’])(?i:the|a|an|this|that|its|their|our|his|her|my|your)[ \t]+$")
_END = r"(?![\w@-]|['’](?![sS]\b)|\.\w)"  # a possessive may follow ("nino's", "WIJESEKERA's", "OKAFOR'S")


def other_case_forms(words: Iterable[str], stop_words: frozenset[str]) -> set[str]:
    """The all-caps forms of capitalized name words (not places' names) and their lower-case forms where
    they are no everyday English word, the capitalized forms of all-caps name words, and the lower-case words
    of names typed in lower case (none an everyday English word or a stop word)."""
    forms: set[str] = set()
    places, countries = place_names(), country_names()  # cached sets: looked up, not joined per call

    def place(folded: str) -> bool:
        return folded in places or folded in countries

    for word in words:
        bare = word.strip("'’")
        if len(bare) < _MIN_LETTERS or bare.casefold() in stop_words or not bare[:1].isalpha():
            continue
        if bare[:1].isupper() and bare[1:] != bare[1:].upper():
            # Not a place's name: an all-caps dateline ("WARSAW 1996-08-30") names the city.
            if not everyday_word(bare, _CAPS_ZIPF) and not place(bare.casefold()):
                forms.add(bare.upper())
            # In lower case too when English does not use the word ("Gu Haoran ... haoran reviewed them"):
            # no common noun to mistake it for, unlike "Rose ... rose".
            if bare[1:].islower() and not everyday_word(bare) and not place(bare.casefold()):
                forms.add(bare.lower())
        elif bare.islower() and not everyday_word(bare):
            forms.add(bare)
        elif bare.isupper() and _JOINED.sub("", bare).isalpha():
            # A roster in capitals, the same names in the text below: "MATTEO LOMBARDI ... go to Matteo",
            # "MCCARTHY, Joan ... McCarthy", "O'BRIEN ... O'Brien", "AL-BALUSHI ... Al-Balushi".
            for titled in _titled_forms(bare):
                if not everyday_word(titled, _CAPS_ZIPF) and not place(titled.casefold()):
                    forms.add(titled)
    return forms


def _titled_forms(capitals: str) -> set[str]:
    """The ways a name in capitals is written with its first letters capitalized: "Mccarthy" and "McCarthy",
    "O'brien" and "O'Brien", "Al-balushi" and "Al-Balushi"."""
    forms = {capitals[:1] + capitals[1:].lower()}
    forms.add("".join(p[:1] + p[1:].lower() for p in _JOINED_PARTS.split(capitals)))
    for prefix in ("Mc", "Mac"):
        if capitals.startswith(prefix.upper()) and len(capitals) > len(prefix) + 2:
            rest = capitals[len(prefix) :]
            forms.add(prefix + rest[:1] + rest[1:].lower())
    return forms


def propagate_other_cases(
    text: str,
    names: list[RecognizerResult],
    blocking: list[RecognizerResult],
    stop_words: frozenset[str],
    lexicon: NameLexicon | None = None,
) -> list[RecognizerResult]:
    """Mentions of the words of ``names`` in the other case (``other_case_forms``), as PERSON results, where
    no detected name or ``blocking`` result already is; an all-caps given name that is an everyday word too
    (an English given name of the ``lexicon``) too, where it reads as one (``_everyday_given_mentions``)."""
    words = {w for r in names for w in _PARTS.findall(text[r.start : r.end])}
    forms = other_case_forms(words, stop_words)
    taken = [(r.start, r.end) for r in [*names, *blocking]]
    found = []
    if forms:
        alternatives = "|".join(map(re.escape, sorted(forms)))
        pattern = re.compile(rf"(?<![\w'’.@-])(?:{alternatives}){_END}")
        # A lower-case form after a determiner is the word ("in the policyholder's words").
        found = [
            r
            for r in mentions_outside(pattern, text, taken)
            if not (text[r.start].islower() and _DETERMINER_BEFORE.search(text, max(0, r.start - 8), r.start))
        ]
    english_given = lexicon.english_given if lexicon is not None else frozenset()
    found += _everyday_given_mentions(
        text, words - forms, english_given, [*taken, *((r.start, r.end) for r in found)]
    )
    return found + _addressed_lower_case(
        text, words, stop_words, [*taken, *((r.start, r.end) for r in found)]
    )


# After a given name at a line's or a sentence's start, a person's verb or a second name: "Hope is the fire
# marshal", "Joy and Precious swap Thursday".
_PERSON_NEXT = re.compile(
    r"[ \t]+(?:(?:and|&)[ \t]+[A-Z]|(?:is[ \t]+(?:the|our|on|off|away|back|in)|was|has|had|will|said|says|"
    r"asked|takes|took|covers|leads|swaps?|agreed|joins|joined|left|returns)\b)"
)


def _everyday_given_mentions(
    text: str, words: set[str], english_given: frozenset[str], taken: list[tuple[int, int]]
) -> list[RecognizerResult]:
    """The title case of an all-caps word of a detected name that English speakers bear as a given name and
    that is an everyday word too ("MACARAEG, JOY" of a rota, then "Joy and Precious swap Thursday"), where
    the text never writes the word in lower case and the mention reads as a name: inside a sentence ("swap
    with Hope"), or before a person's verb or a second name ("Hope is the fire marshal"). Not "Hope you are
    well" nor "there is no hope"."""
    titled = {
        t
        for w in words
        if w.isupper() and w.isalpha() and len(w) >= _MIN_LETTERS
        for t in [w[:1] + w[1:].lower()]
        if t.casefold() in english_given and not in_lower_case(t, text)
    }
    if not titled:
        return []
    alternatives = "|".join(map(re.escape, sorted(titled)))
    pattern = re.compile(rf"(?<![\w'’.@-])(?:{alternatives}){_END}")
    return [
        r
        for r in mentions_outside(pattern, text, taken)
        if inside_sentence(text, r.start) or _PERSON_NEXT.match(text, r.end)
    ]


def _addressed_lower_case(
    text: str, words: set[str], stop_words: frozenset[str], taken: list[tuple[int, int]]
) -> list[RecognizerResult]:
    """A capitalized name word's lower-case form where it is addressed or speaks ("Agent (Precious): ...
    thanks precious", "Lena Achterberg (@lena)"): the document names a person with the word, and the slot
    calls for a person. Elsewhere a lower-case form is most often a common noun ("Rose ... rose"), and before
    a person's verb too ("Traders ... traders said")."""
    lower = {
        w.lower()
        for w in (word.strip("'’") for word in words)
        if len(w) >= _MIN_LETTERS and w[:1].isupper() and w[1:].islower() and w.casefold() not in stop_words
    }
    if not lower:
        return []
    alternatives = "|".join(map(re.escape, sorted(lower)))
    pattern = re.compile(rf"(?<![\w'’.-])(?:{alternatives}){_END}")
    return [
        r for r in mentions_outside(pattern, text, taken) if slot_points(text, r.start, r.end, verbs=False)
    ]


def grown_name_mentions(
    text: str,
    before: set[tuple[int, int]],
    results: list[RecognizerResult],
    yielding: list[RecognizerResult],
    cells: Sequence[Cell],
    stop_words: frozenset[str] = NOT_NAME_WORDS,
) -> list[RecognizerResult]:
    """The other mentions of the names of ``results`` that grew over more words since ``before`` (their
    spans then; ``name_extent``): "Wirihana" of "Wirihana Te Awekotuku-Haines" where only "Te
    Awekotuku-Haines" was found at first. The NER model's places and organizations (``yielding``) give way,
    as for every name's other mentions, except a company's name; mentions in a place's slot or that the
    document names a place with (``cells``: the text's cells under a place or role header) are no persons."""
    grown = [r for r in results if r.entity_type == "PERSON" and (r.start, r.end) not in before]
    blocking = [r for r in results if r not in yielding or company_named(text, r)]
    found = propagate(text, grown, blocking, stop_words)
    return drop_document_places(text, drop_places(text, found), cells)
