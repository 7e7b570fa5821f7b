"""Hand-made detector results for the resolution tests: a span where a value occurs, by a named recognizer."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult


def result_at(
    text: str, value: str, entity_type: str = "PERSON", recognizer: str = "SpacyRecognizer", nth: int = 0
) -> RecognizerResult:
    """``value``'s ``nth`` occurrence in ``text`` (0: first), as ``recognizer`` reports it (score 0.85)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(value, start + 1)
    return RecognizerResult(
        entity_type,
        start,
        start + len(value),
        0.85,
        recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: recognizer},
    )
