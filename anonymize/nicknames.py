"""Names a person goes by, written inside or after the full name: ``Margaret "Peggy" O'Donoghue``, ``Robert
Tables, a.k.a. Bobby``, ``Ana Ruiz (known as "Anita")``.

A quoted word between a given name and a surname is a nickname in every language's business text (a
newsletter's welcome, a contract's parties, an org chart). The NER model reads the three parts as one span
with the quotes inside, as the surname alone, or not at all; the scorer, the vault and the reader want each
name: the given name, the nickname and the surname, each a PERSON, and the nickname used alone later ("Peggy
started in the post room") is the same person.

Two signals, as everywhere in the detector: the shape (a capitalized word, a quoted capitalized word, a
capitalized surname after it, possibly with particles: "von Hohenberg") and either a PERSON already found over
one of the parts or the lexicon (the given name is a given name, and the surname a surname or the nickname a
given name). After a found name, "a.k.a.", "aka", "also known as", "known as", "nicknamed" or "goes by" and a
capitalized word (quoted or not) name the same person: the found name and the slot are the two signals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import RecognizerResult

from anonymize.name_lexicon import NameLexicon
from anonymize.results import rule_result, tier
from anonymize.text import STOP_WORDS

NICKNAME = "Nickname"
_SCORE = 0.9
_W = r"[^\W\d_][\w'’.-]*"  # a word starting with a letter ("O'Donoghue", "Jean-Luc")
# The small words of a name before its surname, as a pattern (``name_aliases`` reads it too).
NAME_PARTICLE = r"(?:van|von|de|der|den|da|di|del|della|dos|du|la|le|ten|ter|bin|binti|ibn|al|el|y|i)"
# Given name(s), a quoted nickname of one or two words, then the surname (particles allowed before it); blanks
# between them, no tab (a tab parts a table's cells: 'Navjot "Nav"<tab>Transport<tab>Southall').
_QUOTED = re.compile(
    rf"(?<![\w'’])(?P<given>{_W}(?: {_W})?) +"
    rf"(?P<open>[\"“‘])(?P<nick>{_W}(?: {_W})?)(?P<close>[\"”’]) +"
    rf"(?P<surname>(?:{NAME_PARTICLE} +){{0,3}}{_W}(?: {_W})?)"
)
_PAIRS = {'"': '"', "“": "”", "‘": "’"}
_AKA = re.compile(
    rf"[ \t]*[,(]?[ \t]*(?i:a\.k\.a\.?|aka|also[ \t]+known[ \t]+as|known[ \t]+as|nicknamed|goes[ \t]+by)"
    rf"[ \t]+(?P<open>[\"“‘]?)(?P<nick>{_W}(?:[ \t]{_W})?)(?P<close>[\"”’]?)"
)


def _capitalized(words: str) -> bool:
    return all(w[:1].isupper() and w.casefold() not in STOP_WORDS for w in words.split())


def _name_part(words: str) -> str:
    """``words`` without a trailing period (a sentence's end: "Ramírez.") and possessive."""
    return words.rstrip(".").removesuffix("'s").removesuffix("’s")


def _overlaps(start: int, end: int, results: Sequence[RecognizerResult]) -> bool:
    return any(r.start < end and start < r.end for r in results)


def quoted_nicknames(
    text: str, results: Sequence[RecognizerResult], lexicon: NameLexicon
) -> tuple[list[RecognizerResult], list[RecognizerResult]]:
    """The parts of ``Given "Nick" Surname`` as PERSON results (see the module doc), and the ``results``
    those parts replace: a PERSON span over the quotes, and the NER model's other readings of a part."""
    persons = [r for r in results if r.entity_type == "PERSON"]
    found: list[RecognizerResult] = []
    replaced: list[RecognizerResult] = []
    for match in _QUOTED.finditer(text):
        if _PAIRS[match.group("open")] != match.group("close"):
            continue
        given, nick = match.group("given"), match.group("nick")
        words = match.group("surname").split()
        ends = [i for i, w in enumerate(words) if w.endswith(".")]  # a sentence ends at "Ramírez."
        words = [*words[: ends[0]], _name_part(words[ends[0]])] if ends else words
        while words and not words[-1][:1].isupper():
            words.pop()
        if not words:
            continue
        core = [w for w in words if w[:1].isupper()]
        g_words = given.split()
        if len(g_words) == 2 and not (_capitalized(g_words[0]) and lexicon.given_name(g_words[0])):
            g_words = g_words[1:]  # "welcome Oyelaran", "Welcome Oyelaran": no name of the person's
        if not (_capitalized(" ".join(g_words)) and _capitalized(nick)) or not core:
            continue
        g_start = match.end("given") - len(" ".join(g_words))
        # A second surname word only where the lexicon knows it, or a found name covers it.
        if len(core) == 2 and not lexicon.surname(core[1]):
            keep = len(words) - 1
            words = words[:keep]
        s_start = match.start("surname")
        s_end = s_start + len(" ".join(words))
        parts = [
            (g_start, match.end("given")),
            (match.start("nick"), match.end("nick")),
            (s_start, s_end),
        ]
        lexical = lexicon.given_name(g_words[-1]) and (
            lexicon.surname(words[-1]) or lexicon.given_name(nick.split()[0])
        )
        if not (lexical or any(_overlaps(s, e, persons) for s, e in parts)):
            continue
        found += [rule_result("PERSON", s, e, _SCORE, NICKNAME) for s, e in parts]
        span = (parts[0][0], parts[-1][1])
        replaced += [
            r
            for r in results
            if _overlaps(*span, [r])
            and (
                (r.entity_type == "PERSON" and r.start < match.start("nick") < r.end)
                or (r.entity_type != "PERSON" and tier(r) == 2)
            )
        ]
    return found, replaced


def also_known_as(text: str, results: Sequence[RecognizerResult]) -> list[RecognizerResult]:
    """A name after a found PERSON and "a.k.a.", "known as", "nicknamed" or "goes by" ("Robert Tables,
    a.k.a. Bobby"), as a PERSON result."""
    found = []
    for person in (r for r in results if r.entity_type == "PERSON"):
        match = _AKA.match(text, person.end)
        if match is None or _PAIRS.get(match.group("open"), "") != match.group("close"):
            continue
        nick = _name_part(match.group("nick"))
        words = nick.split()
        if len(words) == 2 and not _capitalized(words[1]):
            words = words[:1]
        if words and _capitalized(words[0]):
            start = match.start("nick")
            found.append(rule_result("PERSON", start, start + len(" ".join(words)), _SCORE, NICKNAME))
    return found


# A word that may be a short form: three letters or more, not after a letter, a hyphen or an apostrophe.
_SHORT = re.compile(r"(?<![\w'’-])[^\W\d_][^\W\d_]{2,}(?![\w'’-])")
_CUT = 2  # a short form leaves at least this many letters of the given name out ("Tev" of "Tevita")
_SHORT_ZIPF = 3.0  # a short form this frequent in English is a word first ("Art", "Van", "Sun", "Will")


def short_forms(
    text: str,
    persons: Sequence[RecognizerResult],
    blocking: Sequence[RecognizerResult],
) -> list[RecognizerResult]:
    """A given name's short form used alone in the document that names the person in full ("Tevita Fifita
    ... Cheers, Tev", "Losaline Taufa ... swaps with Losa"): a capitalized word that begins the first word
    of a found name of two words or more, two letters short of it at least, that English barely uses
    (no month or weekday: "Mar" of "Maria"), no place's name, and where no ``blocking`` result nor person
    is."""
    from anonymize.gazetteer import known_place
    from anonymize.recognizers.lower_names import everyday_word
    from anonymize.table_columns import calendar_word

    given = {
        text[r.start : r.end].split()[0]
        for r in persons
        if r.entity_type == "PERSON" and len(text[r.start : r.end].split()) >= 2
    }
    given = {g for g in given if g.isalpha() and g[:1].isupper() and g[1:].islower()}
    if not given:
        return []
    found = []
    for match in _SHORT.finditer(text):
        word = match.group()
        if not (word[:1].isupper() and word[1:].islower()) or word.casefold() in STOP_WORDS:
            continue
        if not any(g.startswith(word) and len(g) - len(word) >= _CUT for g in given):
            continue
        if everyday_word(word, _SHORT_ZIPF) or calendar_word(word) or known_place(word):
            continue
        if _overlaps(match.start(), match.end(), [*persons, *blocking]):
            continue
        found.append(rule_result("PERSON", match.start(), match.end(), _SCORE, NICKNAME))
    return found
