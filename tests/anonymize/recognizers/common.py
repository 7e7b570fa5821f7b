"""Helpers of the recognizer tests: a recognizer's spans on a text, a registered recognizer by name."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from anonymize.recognizers import builtin_recognizers


def spans(recognizer: EntityRecognizer, text: str, entity_type: str) -> list[str]:
    """The texts ``recognizer`` finds for ``entity_type`` in ``text``."""
    return [text[r.start : r.end] for r in recognizer.analyze(text, [entity_type], None)]


def builtin(name: str) -> EntityRecognizer:
    """The registered recognizer called ``name``."""
    return next(r for r in builtin_recognizers() if r.name == name)
