"""What a detector leaves in clear: labeled values with a word no pseudonymized span covers.

Span recall (``eval.pii.score``) asks whether a prediction of the right type matches a labeled span by IoU: a
name found with a title inside its span ("Mana Rosária" for "Rosária"), or two labeled halves of "LƯƠNG, Thi
Bich Ngoc" found as one span, count as misses although nothing of the name is stored in clear, while a name
typed LOCATION matches nothing and IS stored in clear (places are not pseudonymized by default). This module
measures what the privacy promise is about: for each labeled span of a pseudonymized type, whether every word
of it (a run of letters or digits) lies inside spans the pseudonymizer replaces (predictions of the types in
``pseudonymized``, any of them, together). Courtesy titles and degrees ("Mr.", "Dr", "PhD", "MD"), which
some data sets label inside a PERSON span or alone, are not personal data and are not counted; a labeled span
of titles only is left out.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

_WORD = re.compile(r"[^\W_]+")
TITLE_WORDS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "sir",
        "dame",
        "madam",
        "mme",
        "mlle",
        "phd",
        "md",
        "dvm",
        "dds",
        "msc",
        "bsc",
        "mba",
        "esq",
        "rev",
    ]
)


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def entity_type(self) -> str: ...


class _Sample(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def spans(self) -> Sequence[_Span]: ...


@dataclass(frozen=True)
class ClearScore:
    """Labeled spans of one type: how many are wholly covered, how many keep a word in clear."""

    support: int
    covered: int
    words: int
    words_in_clear: int

    def to_json(self) -> dict[str, Any]:
        return {
            "support": self.support,
            "covered": self.covered,
            "spans_in_clear": self.support - self.covered,
            "covered_rate": round(self.covered / self.support, 4) if self.support else 0.0,
            "words": self.words,
            "words_in_clear": self.words_in_clear,
        }


def _mask(length: int, predicted: Sequence[_Span], pseudonymized: Collection[str]) -> bytearray:
    covered = bytearray(length)
    for span in predicted:
        if span.entity_type in pseudonymized:
            start, end = max(span.start, 0), min(span.end, length)
            if end > start:
                covered[start:end] = b"\x01" * (end - start)
    return covered


def left_in_clear(
    samples: Sequence[_Sample],
    predictions: Sequence[Sequence[_Span]],
    pseudonymized: Collection[str],
) -> dict[str, ClearScore]:
    """Per labeled type in ``pseudonymized``: spans and words the predictions leave in clear."""
    if len(samples) != len(predictions):
        raise ValueError(f"{len(samples)} samples but {len(predictions)} prediction lists")
    totals: dict[str, list[int]] = {}
    for sample, predicted in zip(samples, predictions, strict=True):
        covered = _mask(len(sample.text), predicted, pseudonymized)
        for gold in sample.spans:
            if gold.entity_type not in pseudonymized:
                continue
            words = [
                m.span()
                for m in _WORD.finditer(sample.text, gold.start, gold.end)
                if m.group().casefold() not in TITLE_WORDS
            ]
            if not words:
                continue
            clear = sum(1 for start, end in words if not all(covered[start:end]))
            row = totals.setdefault(gold.entity_type, [0, 0, 0, 0])
            row[0] += 1
            row[1] += clear == 0
            row[2] += len(words)
            row[3] += clear
    return {name: ClearScore(*row) for name, row in sorted(totals.items())}


def clear_json(scores: dict[str, ClearScore], pseudonymized: Collection[str]) -> dict[str, Any]:
    return {
        "pseudonymized": sorted(pseudonymized),
        "per_entity": {name: score.to_json() for name, score in scores.items()},
    }
