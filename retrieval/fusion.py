"""Fusion of dense (cosine), sparse (BM25) and best-sentence scores into one ranking.

``linear`` (the default, chosen on SciFact train, see docs/evaluation.md): each candidate of
either leg gets its exact cosine, BM25 score and best sentence cosine (the store re-scores the union by id),
then ``(1-s) * cosine + s * best_sentence + w * bm25 / max(bm25)`` (``s`` = 0 by default: no sentence
vectors). BM25 scores have no fixed scale (they grow with the query's length and the corpus' IDF), so they
are divided by the query's best; cosines already share one. ``rrf`` and ``dbsf`` run inside the Qdrant
engine (``Prefetch`` + ``Fusion``) instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

FusionMethod = Literal["linear", "rrf", "dbsf"]


@dataclass(frozen=True)
class FusionParams:
    method: FusionMethod = "linear"
    sparse_weight: float = 0.4  # linear: weight of the normalized BM25 score; rrf: weight of the BM25 leg
    sentence_weight: float = 0.0  # linear: share of the best sentence's cosine in the dense score (0: off)
    rrf_k: int = 60
    candidates: int = 100  # prefetch depth of each leg


@dataclass
class Hit:
    """One scored point from the store: engine point id, score and payload."""

    id: str
    score: float
    payload: dict[str, Any]


def fuse_linear(
    ids: Sequence[str],
    cosines: Mapping[str, float],
    bm25: Mapping[str, float],
    sparse_weight: float,
    sentences: Mapping[str, float] | None = None,
    sentence_weight: float = 0.0,
) -> list[tuple[str, float]]:
    """``(1-s) * cosine + s * best sentence + w * bm25 / max(bm25)`` for each id, best first (ties by id).

    A missing BM25 score is 0 (no shared term); a missing best sentence is the chunk's cosine (a chunk
    written without sentence vectors); a missing cosine counts as 0."""
    top = max(bm25.values(), default=0.0)
    scale = sparse_weight / top if top > 0 else 0.0
    sentences = sentences or {}
    fused = []
    for pid in ids:
        cosine = cosines.get(pid, 0.0)
        dense = (1 - sentence_weight) * cosine + sentence_weight * sentences.get(pid, cosine)
        fused.append((pid, dense + scale * bm25.get(pid, 0.0)))
    fused.sort(key=lambda item: (-item[1], item[0]))
    return fused
