"""Which passage sentence supports an answer, and which source an uncited answer came from (content words)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.retriever import RetrievedChunk

_WORD = re.compile(r"[A-Za-z0-9<>_]{3,}")
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?![\s]|$))+[.!?]?")  # "v4.1" and "e.g.x" stay inside
_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "are",
        "was",
        "were",
        "this",
        "that",
        "with",
        "from",
        "have",
        "has",
        "had",
        "not",
        "but",
        "you",
        "your",
        "they",
        "their",
        "there",
        "what",
        "which",
        "who",
        "when",
        "where",
        "how",
        "does",
        "did",
        "can",
        "may",
        "will",
        "would",
        "should",
        "could",
        "about",
        "into",
        "than",
        "then",
        "them",
        "its",
        "our",
        "out",
    ]
)


def content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - _STOP


def supporting_span(answer: str, passage: str) -> list[int] | None:
    """[start, end] of the passage sentence sharing the most content words with the answer."""
    wanted = content_words(answer)
    best, best_overlap = None, 0
    for match in _SENTENCE.finditer(passage):
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
