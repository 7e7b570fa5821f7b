"""The addressee of an address block: a person-shaped line above a street address ("Jane Roe\\nAcme
Inc.\\n12 Main Street") or above a city line."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from presidio_analyzer import RecognizerResult

from anonymize.names import person_shaped

if TYPE_CHECKING:  # the steps' state; detector_config imports this module (LINE_JUNK)
    from anonymize.resolution import Resolution

ADDRESSEE = "AddresseeLine"

# What may start a line of an address block before its text: indentation, quote marks, bullets.
LINE_JUNK = " \t>?*}|-•"
_LINE_PREFIX = re.compile(r"^[\W_]*(?:(?i:name|to|attn|billing address|shipping address|address)\s*:)?[\W_]*")


def names_before_addresses(
    text: str,
    results: list[RecognizerResult],
    yielding: Sequence[RecognizerResult] = (),
    anchors: Sequence[RecognizerResult] | None = None,
) -> list[RecognizerResult]:
    """The addressee of an address block: a person-shaped line at most two lines above a street address
    that starts a line ("Jane Roe\\nAcme Inc.\\n12 Main Street"), or above the other ``anchors`` given (the
    city line of "Jane Roe\\n\\nParis\\nFrance"). Organizations and ``yielding`` results (the NER model's
    places) do not stop it."""
    found: list[RecognizerResult] = []
    if anchors is None:
        anchors = [r for r in results if r.entity_type == "STREET_ADDRESS"]
    if not anchors:
        return found
    taken = [(r.start, r.end) for r in results if r.entity_type != "ORGANIZATION" and r not in yielding]
    for address in anchors:
        line_start = text.rfind("\n", 0, address.start) + 1
        if text[line_start : address.start].strip(LINE_JUNK):
            continue
        end, lines = line_start - 1, 0
        while end > 0 and lines < 2:
            start = text.rfind("\n", 0, end) + 1
            line = text[start:end]
            if line.strip():
                lines += 1
                prefix = _LINE_PREFIX.match(line)
                lead = prefix.end() if prefix else 0
                value = line[lead:].rstrip()
                begin = start + lead
                shaped = person_shaped(value, hyphenated=True)
                if shaped and not any(s < begin + len(value) and begin < e for s, e in taken):
                    found.append(
                        RecognizerResult(
                            "PERSON",
                            begin,
                            begin + len(value),
                            0.6,
                            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: ADDRESSEE},
                        )
                    )
            end = start - 1
    return found


def addressees(state: Resolution) -> None:
    """The step: the line above a street address names its addressee, which the model often misses."""
    state.added += names_before_addresses(state.text, state.results, state.yielding)


def city_addressees(state: Resolution) -> None:
    """The step: the addressee above a city and country written without a street
    ("Jane Roe\\n\\nParis\\nFrance")."""
    found = names_before_addresses(state.text, state.results, state.yielding, anchors=state.cities)
    state.results += state.admitted(found)
