"""An inverted premise: the draft asserts the question's extreme ("the maximum password length is 14
characters") where the sources only state the opposite one ("passwords must be at least 14 characters").

The support check cannot see it: the question's own words are not the draft's new terms, so a draft that
repeats the question's "maximum" next to a number the source states as a minimum is fully "supported". A small
model does this readily: it restates the question as a claim and fills in the nearest fact. The check is
narrow on purpose: only words and phrases of a few opposite poles (extremes and bounds), only when the draft
repeats the question's pole, no retrieved passage states that pole in any form, and one states its opposite.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Each pole: the forms that state it. A bound ("at most", "up to") states the same pole as the extreme. No
# "max"/"min": "Max" is a name and "30 min" a duration.
_POLES: dict[str, tuple[str, ...]] = {
    "maximum": ("maximum", "maximums", "maxima", "at most", "no more than", "up to", "not exceed"),
    "minimum": ("minimum", "minimums", "minima", "at least", "no less than", "no fewer than"),
    "highest": ("highest",),
    "lowest": ("lowest",),
    "largest": ("largest", "biggest"),
    "smallest": ("smallest",),
    "longest": ("longest",),
    "shortest": ("shortest",),
    "earliest": ("earliest",),
    "latest": ("latest",),
    "oldest": ("oldest",),
    "newest": ("newest", "youngest"),
}
_OPPOSITE = {
    "maximum": "minimum",
    "highest": "lowest",
    "largest": "smallest",
    "longest": "shortest",
    "earliest": "latest",
    "oldest": "newest",
}
_OPPOSITE |= {b: a for a, b in _OPPOSITE.items()}
# What a question or a draft must say to name a pole (the word itself, not a bound: "up to" in a question is
# not a claim about an extreme)
_NAMED = {pole: (forms[0], *(f for f in forms[1:] if " " not in f)) for pole, forms in _POLES.items()}


def _pattern(forms: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


_STATES = {pole: _pattern(forms) for pole, forms in _POLES.items()}
_NAMES = {pole: _pattern(forms) for pole, forms in _NAMED.items()}


@dataclass(frozen=True)
class InvertedPremise:
    asked: str  # the pole the question and the draft name ("maximum")
    stated: str  # the opposite pole a passage states ("minimum")


def inverted_premise(draft: str, question: str, passages: Sequence[str | None]) -> InvertedPremise | None:
    """The pole ``draft`` repeats from ``question`` that none of ``passages`` states in any form while one of
    them states its opposite (None: no such pole)."""
    texts = [p for p in passages if p]
    for pole, named in _NAMES.items():
        if not (named.search(question) and named.search(draft)):
            continue
        if any(_STATES[pole].search(text) for text in texts):
            continue
        opposite = _OPPOSITE[pole]
        if any(_STATES[opposite].search(text) for text in texts):
            return InvertedPremise(asked=pole, stated=opposite)
    return None
