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
    """The 1-based source sharing the most content words with an uncited answer, if any shares enough
    (ties: the earlier source). An answer of one content word needs only that one: a bare name, number or
    surrogate ("<PERSON_266>", the answer to "Who ...?") has no second word to share, and the judge still
    decides whether the source states it."""
    wanted = content_words(answer)
    scored = [(len(wanted & content_words(c.text)), -i) for i, c in enumerate(chunks)]
    if not scored or not wanted:
        return None
    overlap, neg_index = max(scored)
    return -neg_index + 1 if overlap >= min(min_overlap, len(wanted)) else None
