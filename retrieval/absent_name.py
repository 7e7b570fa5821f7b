"""A draft about a name no retrieved source names: the question names something ("the Los Angeles
Clippers", "the Greater Los Angeles Area", a person's surrogate) that none of the retrieved passages holds in
any form, and the draft repeats it in its claim ("The Los Angeles Clippers are a team belonging to Major
League Soccer [1]", lifted from a passage about the city's soccer teams).

The support check cannot see it: the question's own words are never a draft's new terms, so a draft that puts
the question's name next to a fact of a neighbouring passage is fully "supported". A small model does this
readily when the documents are about the right place or topic but not the thing asked about. Whatever the
draft then says of the name, no source says it of that name.

Narrow on purpose: only names (a surrogate, or a capitalized word that does not open a sentence), only when
the draft repeats the name, and only when no retrieved passage or title holds it, also with one letter typed
wrong ("Bedigo" for "Bendigo"). A draft that answers without repeating the name ("565 [1]" for "... in
degrees Celsius?") is left to the other checks. An unseen surrogate (``<PERSON_NEW1>``) is no evidence either
way: it stands for a value the vault does not hold as typed, which may be a name the passages hold spelled
otherwise ("Sentanta Sports" for "Setanta Sports"), and its value cannot be compared here. Figures:
docs/evaluation.md, "Session 15 (issue 23)".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from anonymize.text import GENERIC_WORDS, TERM_TOKEN, stem

_MARKER = re.compile(r"\[\d+\]")
_UNSEEN = re.compile(r"<[A-Z_]+_NEW\d+>")
# Where a sentence opens: the text's start or after . ! ? : or a line break, then blanks and opening quotes.
_OPENS = re.compile(r"(?:^|[.!?:\n])[\s\"'(]*$")
# A typo is forgiven in words this long or longer ("Bedigo"/"Bendigo"); shorter ones are too easily others.
_TYPO_LENGTH = 5


def question_names(question: str) -> list[str]:
    """The names ``question`` holds: its surrogates (unseen ones excluded) and its capitalized words that do
    not open a sentence (function words and the like excluded: "The", "What")."""
    names: list[str] = []
    for match in TERM_TOKEN.finditer(question):
        token = match.group(0)
        if token.startswith("<"):
            if not _UNSEEN.fullmatch(token):
                names.append(token)
        elif (
            token[0].isupper()
            and token.lower() not in GENERIC_WORDS
            and token != "I"
            and not _OPENS.search(question[: match.start()])
        ):
            names.append(token)
    return names


def _key(token: str) -> str:
    return token if token.startswith("<") else stem(token)


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by at most one inserted, deleted or replaced letter."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return a[i + 1 :] == b[i + 1 :] if len(a) == len(b) else a[i:] == b[i + 1 :]
    return True


def _held(key: str, keys: set[str]) -> bool:
    if key in keys:
        return True
    if key.startswith("<") or len(key) < _TYPO_LENGTH:
        return False
    return any(_one_edit(key, other) for other in keys if not other.startswith("<"))


def absent_name(draft: str, question: str, passages: Iterable[str]) -> str | None:
    """The first name of ``question`` that ``draft`` repeats and none of ``passages`` (the retrieved chunks'
    texts and titles) holds in any form (see the module's doc); None when there is none."""
    names = question_names(question)
    if not names:
        return None
    said = {_key(token) for token in TERM_TOKEN.findall(_MARKER.sub(" ", draft))}
    repeated = [name for name in names if _key(name) in said]
    if not repeated:
        return None
    keys: set[str] = set()
    for text in passages:
        keys |= {_key(token) for token in TERM_TOKEN.findall(text)}
    for name in repeated:
        if not _held(_key(name), keys):
            return name
    return None
