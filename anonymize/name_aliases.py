"""Short forms a document defines beside a person's name, then uses alone: "Åsa Lindqvist (chair, AL) ...
- AL: book the auditorium", "Katarzyna Wiśniewska-Nowak (formerly Wiśniewska)", "Evangelia (Lia) Stavrou".

The definition is the second signal a short form lacks: "AL", "MR" or "SJ" alone are English words or
abbreviations (``name_initials`` takes only initials English does not use), but in brackets right after a
found name, with letters that are the initials of that name's words in order (particles and hyphenated
parts counted or not: "PVDB", "TH-L"), they are that person's. So are the words after "formerly", "née",
"born" or "maiden name" in such brackets (a former surname), and a capitalized word in brackets between a
given name and a surname ("Evangelia (Lia) Stavrou"), where the lexicon knows the given name, or a found name
covers a part.

Each alias carries the name it stands for (``ALIAS_OF`` in its metadata), so the pseudonymizer gives it the
person's surrogate; ``alias_mentions`` finds its uses elsewhere in the document.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from presidio_analyzer import RecognizerResult

from anonymize.name_initials import initials_of
from anonymize.name_lexicon import NameLexicon
from anonymize.nicknames import NAME_PARTICLE
from anonymize.text import STOP_WORDS

NAME_ALIAS = "NameAlias"
ALIAS_OF = "alias_of"  # metadata key: the name an alias stands for
_SCORE = 0.9
MAX_INITIALS = 6  # "H.L.v.d.V.", "A.M.Q.-M."

# Initials as a token: capitals ("AL", "OJN", "TH-L") or letters each with a dot ("T.N.L.", "A.M.Q.-M.",
# "H.L.v.d.V."), not inside a longer token (an e-mail, a path, a code: "AL-3", "AL@x").
INITIALS = re.compile(
    r"(?<![\w.@/\\-])"
    r"(?:[A-Z]\.-?(?:[A-Z]\.-?|[a-z]\.){0,4}[A-Z]\.|[A-Z]{2,5}(?:-[A-Z]{1,3})?(?![.]\w))"
    r"(?![\w@/\\-])"
)
_BRACKET = re.compile(r"[ \t\u00a0]*\(([^()\n]{1,80})\)")
_W = r"[^\W\d_][\w'’-]*"
_FORMER = re.compile(
    r"(?i:formerly|previously|n[ée]e|born|geb\.|z[ \t]+domu|maiden[ \t]+name|was)"
    rf"[ \t]+({_W}(?:[ \t]+{_W})?)$"
)
_INSIDE = re.compile(
    rf"(?<![\w'’])(?P<given>{_W}) \((?P<nick>{_W})\) (?P<surname>(?:{NAME_PARTICLE} ){{0,3}}{_W})"
    r"(?![\w'’-])(?![ \t]*:)"
)

_CUED = re.compile(
    r"(?i:\bprefers?(?:[ \t]+to[ \t]+be[ \t]+called)?|\b(?:wants|likes|asks)[ \t]+to[ \t]+be[ \t]+called|"
    r"\bcalls?[ \t]+(?:me|him|her))[ \t]+(?P<open>[\"“‘])(?P<nick>[^\W\d_][^\W\d_'’-]{1,19})(?P<close>[\"”’])"
)
_PAIRS = {'"': '"', "“": "”", "‘": "’"}


@dataclass(frozen=True)
class Alias:
    """A short form of ``person`` (the name as written) defined at ``start``..``end``."""

    start: int
    end: int
    person: str
    initials: bool


def initials_key(token: str) -> str:
    """The letters of a written initials token, in capitals without accents: "T.N.L." -> "TNL", "TH-L" ->
    "THL", "Å.L." -> "AL"."""
    return _plain("".join(c for c in token if c.isalpha()).upper())


def name_keys(name: str) -> set[str]:
    """The initials keys a name may be written with (``name_initials.initials_of``, up to six letters,
    without accents: "Åsa Lindqvist" is "AL")."""
    return {_plain(k) for k in initials_of(name.replace("\u00a0", " "), MAX_INITIALS)}


def _plain(letters: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", letters) if not unicodedata.combining(c))


def alias_result(start: int, end: int, person: str) -> RecognizerResult:
    """A PERSON result of an alias, with the name it stands for."""
    return RecognizerResult(
        "PERSON",
        start,
        end,
        _SCORE,
        recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: NAME_ALIAS, ALIAS_OF: person},
    )


def alias_of(result: RecognizerResult) -> str | None:
    """The name a PERSON result is a defined short form of, else None."""
    name = (result.recognition_metadata or {}).get(ALIAS_OF)
    return name if result.entity_type == "PERSON" and isinstance(name, str) else None


def defined_aliases(text: str, persons: Sequence[RecognizerResult]) -> list[Alias]:
    """The initials and former names in brackets right after a found PERSON (module doc)."""
    found: list[Alias] = []
    for person in persons:
        match = _BRACKET.match(text, person.end)
        if match is None:
            continue
        name = text[person.start : person.end].strip()
        if len(name.split()) < 2:
            continue
        keys = name_keys(name)
        offset = match.start(1)
        for item in re.finditer(r"[^,;]+", match.group(1)):
            value = item.group().strip()
            start = offset + item.start() + (len(item.group()) - len(item.group().lstrip()))
            token = INITIALS.fullmatch(value)
            if token is not None and initials_key(value) in keys:
                found.append(Alias(start, start + len(value), name, True))
                continue
            former = _FORMER.match(value)
            if former is not None and _capitalized(former.group(1)):
                s = start + former.start(1)
                found.append(Alias(s, s + len(former.group(1)), name, False))
    return found


def cued_aliases(text: str, persons: Sequence[RecognizerResult]) -> list[Alias]:
    """A quoted word after "prefers", "to be called" or "calls me" on a line that names a person before it
    ("Tuomas prefers "Tume"", "Grace Ho, 44. Prefers "Gracie"", "Lee Dong-hyun: calls me "DH""): a name
    or initials of the nearest such person (initials when in capitals)."""
    found: list[Alias] = []
    for m in _CUED.finditer(text):
        nick = m.group("nick")
        if _PAIRS.get(m.group("open")) != m.group("close") or nick.casefold() in STOP_WORDS:
            continue
        if not (nick.isupper() or (nick[:1].isupper() and nick[1:].islower())):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = [p for p in persons if line_start <= p.start and p.end <= m.start()]
        if before:
            person = max(before, key=lambda p: p.end)
            found.append(
                Alias(m.start("nick"), m.end("nick"), text[person.start : person.end], nick.isupper())
            )
    return found


def inside_nicknames(
    text: str, persons: Sequence[RecognizerResult], lexicon: NameLexicon
) -> list[RecognizerResult]:
    """``Given (Nick) Surname`` (one blank between, no label's colon after: not "Hsu Chia-hao (Jeffrey)
    Role:"): the given name, the nickname and the surname as PERSON results, where the lexicon knows the
    given name and the surname (or the nickname as a given name), or a found PERSON covers the given name or
    the surname."""
    found: list[RecognizerResult] = []
    for m in _INSIDE.finditer(text):
        given, nick, surname = m.group("given"), m.group("nick"), m.group("surname")
        last = surname.split()[-1].rstrip(".").removesuffix("'s").removesuffix("’s")
        if not (_capitalized(given) and _capitalized(nick) and _capitalized(last)):
            continue
        if nick.isupper():
            continue  # "Ana (IT) Ruiz": a department or initials, not a nickname
        s_end = m.start("surname") + surname.rindex(last) + len(last)
        parts = [m.span("given"), m.span("nick"), (m.start("surname"), s_end)]
        lexical = lexicon.given_name(given) and (lexicon.surname(last) or lexicon.given_name(nick))
        covered = any(p.start < e and s < p.end for p in persons for s, e in (parts[0], parts[2]))
        if lexical or covered:
            found += [alias_result(s, e, f"{given} {text[parts[2][0] : s_end]}") for s, e in parts]
    return found


def _capitalized(words: str) -> bool:
    return all(w[:1].isupper() and w.casefold() not in STOP_WORDS for w in words.split())
