"""Fusion of a dense (cosine) and a sparse (BM25) candidate list into one ranking.

``linear`` (the default, chosen on SciFact train, see README "Retrieval benchmarks"): cosine plus
``sparse_weight`` times the BM25 score divided by the query's best BM25 score. BM25 scores have no fixed
scale (they grow with the query's length and the corpus' IDF), so they are normalized per query; cosine
already has one. A candidate missing from a leg that was cut at ``depth`` gets that leg's lowest score (it
ranked below all of them); missing from a BM25 leg that was not cut, it shares no term with the query: 0.
``rrf`` and ``dbsf`` run inside the Qdrant engine (``Prefetch`` + ``Fusion``) instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

FusionMethod = Literal["linear", "rrf", "dbsf"]


@dataclass(frozen=True)
class FusionParams:
    method: FusionMethod = "linear"
    sparse_weight: float = 0.5  # linear: weight of the normalized BM25 score; rrf: weight of the BM25 leg
    rrf_k: int = 60
    candidates: int = 100  # prefetch depth of each leg


@dataclass
class Hit:
    """One scored point from the store: engine point id, score and payload."""

    id: str
    score: float
    payload: dict[str, Any]


def fuse_linear(dense: Sequence[Hit], sparse: Sequence[Hit], sparse_weight: float, depth: int) -> list[Hit]:
    """``cosine + w * bm25 / max(bm25)`` over the union of both legs (each cut at ``depth``), best first."""
    if not sparse:
        return list(dense)
    dense_by_id = {h.id: h for h in dense}
    sparse_by_id = {h.id: h for h in sparse}
    dense_floor = min((h.score for h in dense), default=0.0)
    sparse_top = max(h.score for h in sparse)
    sparse_floor = min(h.score for h in sparse) if len(sparse) >= depth else 0.0
    scale = sparse_weight / sparse_top if sparse_top > 0 else 0.0
    fused = []
    for pid in dense_by_id.keys() | sparse_by_id.keys():
        d = dense_by_id.get(pid)
        s = sparse_by_id.get(pid)
        score = (d.score if d else dense_floor) + scale * (s.score if s else sparse_floor)
        fused.append(Hit(pid, score, (d or s).payload))  # type: ignore[union-attr]
    fused.sort(key=lambda h: (-h.score, h.id))
    return fused
