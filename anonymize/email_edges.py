"""A name right before an e-mail or web address is cut there: "new ap contact is nirmala venkataraman
nirmala.v@kaveritex.in" read as one name over "nirmala" of the address lost the person to the address in the
choice between overlapping results; "Nirmala Venkataraman <nirmala.v@...>" never had the problem."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from anonymize.resolution import Resolution
from anonymize.results import copy_span

_ADDRESSES = frozenset(["EMAIL_ADDRESS", "URL"])
_EDGE = " \t\n<([\"'“‘:,;"


def cut_before_addresses(state: Resolution) -> None:
    """Every PERSON result that starts before an e-mail or web address and runs into it ends before it,
    where a name's letters remain (module doc)."""
    addresses = [r for r in state.results if r.entity_type in _ADDRESSES]
    if not addresses:
        return
    state.results = [
        _cut(state.text, r, addresses) if r.entity_type == "PERSON" else r for r in state.results
    ]


def _cut(text: str, person: RecognizerResult, addresses: list[RecognizerResult]) -> RecognizerResult:
    starts = [a.start for a in addresses if person.start < a.start < person.end]
    if not starts:
        return person
    end = min(starts)
    while end > person.start and text[end - 1] in _EDGE:
        end -= 1
    if not any(ch.isalpha() for ch in text[person.start : end]):
        return person
    return copy_span(person, person.start, end)
