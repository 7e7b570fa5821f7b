"""Which passage sentence supports an answer, and which source an uncited answer came from (content words)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from anonymize.text import FUNCTION_WORDS, SENTENCE
from retrieval.retriever import RetrievedChunk

_WORD = re.compile(r"[A-Za-z0-9<>_]{3,}")


def content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - FUNCTION_WORDS


def supporting_span(answer: str, passage: str) -> list[int] | None:
    """[start, end] of the passage sentence sharing the most content words with the answer."""
    wanted = content_words(answer)
    best, best_overlap = None, 0
    for match in SENTENCE.finditer(passage):
        overlap = len(wanted & content_words(match.group(0)))
        if overlap > best_overlap:
            best, best_overlap = [match.start(), match.end()], overlap
    return best


def infer_source(answer: str, chunks: Sequence[RetrievedChunk], min_overlap: int = 2) -> int | None:
    """The 1-based source sharing the most content words with an uncited answer, if any shares enough."""
    wanted = content_words(answer)
    scored = [(len(wanted & content_words(c.text)), -i) for i, c in enumerate(chunks)]
    if not scored:
        return None
    overlap, neg_index = max(scored)
    return -neg_index + 1 if overlap >= min_overlap else None
