"""Propagation of detected names: other mentions of a name's words in the same text, as PERSON results.

``name_mentions.propagate`` seeks the words as detected ("Ann Lee ... Lee said"); ``name_forms`` seeks them in
the other case ("Lentini ... LENTINI"). Both mark their results with ``PROPAGATION`` and keep only the matches
that overlap no span already taken.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import RecognizerResult

PROPAGATION = "NamePropagation"
_SCORE = 0.6


def mentions_outside(
    pattern: re.Pattern[str], text: str, taken: Sequence[tuple[int, int]]
) -> list[RecognizerResult]:
    """The matches of ``pattern`` in ``text`` that overlap none of the ``taken`` (start, end) spans, as PERSON
    propagation results."""
    return [
        RecognizerResult(
            "PERSON",
            match.start(),
            match.end(),
            _SCORE,
            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: PROPAGATION},
        )
        for match in pattern.finditer(text)
        if not any(s < match.end() and match.start() < e for s, e in taken)
    ]
