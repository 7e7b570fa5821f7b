"""Names by a list joined with "and", "or", "&" or "+" that holds a detected name: "Felix, Jane and James"
when "Jane" is one, "Lor, Mai Youa + Blong" in a guest list, "Vignesh Chandrasekaran, Nithya and 18 others"
(``anonymize.name_lists`` reads the lists without a conjunction)."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymize.name_patterns import NAME
from anonymize.names import plausible_person
from anonymize.word_kinds import NOT_PERSON_WORDS

COORDINATION = "NameListMember"
_LIST = re.compile(
    rf"(?<![\w'’-])(?:{NAME}[ \t]*,[ \t]*)*{NAME}[ \t]*,?[ \t]+(?:and|or|&|\+)[ \t]+{NAME}(?![\w'’-])"
)
# A list that ends in a count of the others: "endorsed by Vignesh Chandrasekaran, Nithya and 18 others",
# "liked by Ana, Bo & 3 others" (two members or more before the count).
_COUNTED_LIST = re.compile(
    rf"(?<![\w'’-])(?:{NAME}[ \t]*,[ \t]*)+{NAME}(?=[ \t]*,?[ \t]+(?:and|&|\+)[ \t]+"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)[ \t]+others?\b)"
)
_LIST_MEMBER = re.compile(rf"(?<![\w'’-]){NAME}")


def coordinated(
    text: str,
    names: list[RecognizerResult],
    blocking: list[RecognizerResult],
    yielding: list[RecognizerResult],
    stop_words: frozenset[str],
) -> list[RecognizerResult]:
    """The other members of a list that holds a detected name ("Felix, Jane and James" when "Jane" is one),
    as PERSON results. A member under a ``yielding`` result (the NER model's place or organization) turns
    only when names are most of the list; one under a ``blocking`` result stays as it is."""
    if not names:
        return []
    found: list[RecognizerResult] = []
    counted = list(_COUNTED_LIST.finditer(text)) if "other" in text else []  # "... and 18 others" needs it
    for listing in [*_LIST.finditer(text), *counted]:
        members = list(_LIST_MEMBER.finditer(text, listing.start(), listing.end()))
        named = [m for m in members if any(r.start <= m.start() and m.end() <= r.end for r in names)]
        if not named:
            continue
        majority = 2 * len(named) > len(members)
        for m in members:
            if m in named or not _plausible_member(m.group(), text, stop_words):
                continue
            if any(r.start < m.end() and m.start() < r.end for r in [*names, *blocking]):
                continue
            if not majority and any(r.start < m.end() and m.start() < r.end for r in yielding):
                continue
            found.append(
                RecognizerResult(
                    "PERSON",
                    m.start(),
                    m.end(),
                    0.6,
                    recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: COORDINATION},
                )
            )
    return found


def _plausible_member(value: str, text: str, stop_words: frozenset[str]) -> bool:
    words = value.split()
    if any(w.casefold().rstrip(".") in stop_words or w.casefold() in NOT_PERSON_WORDS for w in words):
        return False
    return plausible_person(value, text, from_model=True)
