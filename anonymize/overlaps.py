"""The last post-processing steps: one reading per character (street addresses over what lies inside them,
one span per overlapping pattern type, then the choice between overlapping results)."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from anonymize.resolution import Resolution
from anonymize.results import copy_span, labeled, tier

# Inside a street address, numbers are house numbers and ZIP codes, not phones or dates.
_YIELD_TO_ADDRESS = frozenset(
    ["PHONE_NUMBER", "DATE_TIME", "ZIP_CODE", "US_DRIVER_LICENSE", "US_BANK_NUMBER", "PERSON", "ORGANIZATION"]
)


def yield_to_addresses(state: Resolution) -> None:
    """Inside a street address, numbers are house numbers and ZIP codes, and words are street names: not
    phones, dates, persons or organizations."""
    addresses = [r for r in state.results if r.entity_type == "STREET_ADDRESS"]
    state.results = [
        r
        for r in state.results
        if r.entity_type not in _YIELD_TO_ADDRESS
        or not any(a.start <= r.start and r.end <= a.end for a in addresses)
    ]


def merge_same_type(state: Resolution) -> None:
    """Overlapping pattern results of one type (two address recognizers, say) become their union."""
    merged: list[RecognizerResult] = []
    for r in sorted(state.results, key=lambda r: (tier(r) == 2, r.entity_type, r.start)):
        last = merged[-1] if merged else None
        if (
            last is not None
            and tier(r) < 2
            and tier(last) < 2
            and last.entity_type == r.entity_type
            and r.start < last.end
        ):
            merged[-1] = copy_span(last, last.start, max(last.end, r.end))
            merged[-1].score = max(last.score, r.score)
        else:
            merged.append(r)
    state.results = merged


def choose_overlaps(state: Resolution) -> None:
    """One reading per character: pattern results beat the NER model's, a value after its label beats an
    unlabeled pattern's reading ("ZIP: 6250-120" is no phone), then the higher score and the longer span;
    what a loser keeps outside the winners survives only for addresses."""
    ordered = sorted(
        state.results, key=lambda r: (tier(r), not labeled(r), -r.score, -(r.end - r.start), r.start)
    )
    chosen: list[RecognizerResult] = []
    for r in ordered:
        chosen.extend(_outside(state.text, r, chosen))
    state.results = sorted(chosen, key=lambda r: (r.start, r.end))


def _outside(text: str, result: RecognizerResult, chosen: list[RecognizerResult]) -> list[RecognizerResult]:
    """The parts of ``result`` not covered by already chosen results (empty when nothing useful is left)."""
    spans = [(result.start, result.end)]
    for c in chosen:
        if any(c.start < end and start < c.end for start, end in spans):
            spans = [
                piece
                for start, end in spans
                for piece in ((start, min(end, c.start)), (max(start, c.end), end))
                if piece[1] > piece[0]
            ]
    if spans == [(result.start, result.end)]:
        return [result]
    parts = []
    for start, end in spans:
        piece = text[start:end]
        lead, trail = len(piece) - len(piece.lstrip(" ,.;:\n\t")), len(piece.rstrip(" ,.;:\n\t"))
        if trail - lead >= 3 and any(ch.isalnum() for ch in piece) and result.entity_type == "STREET_ADDRESS":
            parts.append(copy_span(result, start + lead, start + trail))
    return parts
