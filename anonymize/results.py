"""What the post-processing steps read of a Presidio result: which recognizer found it, and its tier."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

# Results of the spaCy NER model yield to overlapping results of pattern recognizers (tier 0, then 1).
NER_RECOGNIZERS = frozenset(["SpacyRecognizer"])
_NAME_KEY = RecognizerResult.RECOGNIZER_NAME_KEY
TIER1_ENTITIES = frozenset(["STREET_ADDRESS", "PERSON", "LOCATION", "ORGANIZATION", "NRP", "DATE_TIME"])


def recognizer_name(result: RecognizerResult) -> str:
    """The name of the recognizer that produced ``result`` ("" when Presidio did not record it)."""
    metadata = result.recognition_metadata
    return metadata.get(_NAME_KEY, "") if metadata else ""


def tier(result: RecognizerResult) -> int:
    """0: identifiers by pattern; 1: names and addresses by pattern; 2: the NER model."""
    metadata = result.recognition_metadata  # read here, not by ``recognizer_name``: asked for every result
    if metadata and metadata.get(_NAME_KEY) in NER_RECOGNIZERS:
        return 2
    return 1 if result.entity_type in TIER1_ENTITIES else 0


def labeled(result: RecognizerResult) -> bool:
    """Found right after its label ("ZIP: 6250-120") by a ``LabeledValueRecognizer``."""
    return recognizer_name(result).startswith("Labeled")


def copy_span(result: RecognizerResult, start: int, end: int) -> RecognizerResult:
    """``result`` over another span: same type, score and recognizer."""
    return RecognizerResult(
        result.entity_type, start, end, result.score, recognition_metadata=result.recognition_metadata
    )


def rule_result(entity_type: str, start: int, end: int, score: float, rule: str) -> RecognizerResult:
    """A result a post-processing rule found, with the rule's name as its recognizer's."""
    return RecognizerResult(
        entity_type, start, end, score, recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: rule}
    )


LINE_BREAK = re.compile(r"[\n\t]")  # a line break, or a tab between two cells
# What separates cells, fields and quoted or bracketed parts, never inside one person's name: the model reads
# "Ngozi Eze;yams" and "Dewi Lestari)\",agus.w" as one word each.
CELL_BREAK = re.compile(r"[;|\"\u201c\u201d\u201e\u00ab\u00bb()\[\]{}<>]")
_CELL_EDGE = " \t\n,:"


def split_lines(text: str, result: RecognizerResult) -> list[RecognizerResult]:
    """An NER span across line breaks, as one span per non-empty line."""
    return _split(text, result, LINE_BREAK, None)


def ner_pieces(text: str, result: RecognizerResult) -> list[RecognizerResult]:
    """An NER span as one span per non-empty line and, for a person, one per cell or bracketed part with a
    letter in it (the commas and colons at a cell's edges left out): "Ngozi Eze;yams" is "Ngozi Eze" and
    "yams", "Anna (Ania) Nowak" is "Anna", "Ania" and "Nowak", as each is labeled."""
    lines = split_lines(text, result) if LINE_BREAK.search(text, result.start, result.end) else [result]
    if result.entity_type != "PERSON" or not CELL_BREAK.search(text, result.start, result.end):
        return lines
    cells = (_split(text, line, CELL_BREAK, _CELL_EDGE) for line in lines)
    return [c for pieces in cells for c in pieces if any(ch.isalpha() for ch in text[c.start : c.end])]


def _split(
    text: str, result: RecognizerResult, breaks: re.Pattern[str], edge: str | None
) -> list[RecognizerResult]:
    parts, start = [], result.start
    for brk in [*breaks.finditer(text, result.start, result.end), None]:
        end = brk.start() if brk else result.end
        part = text[start:end]
        lead, trail = len(part) - len(part.lstrip(edge)), len(part.rstrip(edge))
        if trail > lead:
            parts.append(copy_span(result, start + lead, start + trail))
        start = brk.end() if brk else result.end
    return parts
