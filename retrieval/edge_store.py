"""Embedded Qdrant (``qdrant-edge-py``) behind llama-index's vector store interface.

The real Qdrant engine runs in-process on a directory: ``<path>/<collection>`` holds one edge shard
with a cosine dense vector ``"dense"`` and a BM25 sparse vector ``"bm25"`` (IDF modifier, documents
encoded with qdrant-edge's own ``Bm25``). Query modes, payload layout and fusion are shared with the
qdrant-client backend (``retrieval/store_base.py``); this module translates filters and runs searches.

One process, one open store per directory: the engine locks its write-ahead log, so a second open
of the same path (in this or another process) fails until ``close()`` is called. Writes go through
the WAL and survive a reopen; ``close()`` flushes segments and releases the lock.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, ClassVar, Literal, cast

import qdrant_edge as qe
from llama_index.core.bridge.pydantic import PrivateAttr

from retrieval.filters import FilterParts, FilterTranslator
from retrieval.fusion import Hit
from retrieval.sparse import sparse_text
from retrieval.store_base import (
    DENSE_VECTOR,
    DOC_ID_KEY,
    KEYWORD_INDEXES,
    SENTENCE_VECTOR,
    SPARSE_VECTOR,
    HybridQueryResult,
    Leg,
    PointData,
    QdrantHybridStore,
    SentenceEmbedder,
    point_id,
)
from retrieval.store_points import StoredPoints

__all__ = ["EdgeVectorStore", "HybridQueryResult", "point_id", "sparse_text"]

_FILTERS = FilterTranslator(
    FilterParts(
        match_value=lambda key, value: qe.FieldCondition(key=key, match=qe.MatchValue(value)),
        match_any=lambda key, values: qe.FieldCondition(key=key, match=qe.MatchAny(values)),
        match_range=lambda key, bounds: qe.FieldCondition(key=key, range=qe.RangeFloat(**bounds)),
        match_text=lambda key, text: qe.FieldCondition(key=key, match=qe.MatchText(text)),
        is_empty=lambda key: qe.IsEmptyCondition(key=key),
        has_ids=lambda ids: qe.HasIdCondition(set(ids)),
        filter=qe.Filter,
    ),
    store="EdgeVectorStore",
    doc_id_key=DOC_ID_KEY,
)


def _hits(points: Sequence[qe.ScoredPoint]) -> list[Hit]:
    return [Hit(str(p.id), float(p.score), dict(p.payload or {})) for p in points]


class EdgeVectorStore(StoredPoints, QdrantHybridStore):
    """llama-index vector store on an embedded Qdrant edge shard (dense + BM25, hybrid fusion).

    Only one open instance per directory (the engine locks it); call ``close()`` or use ``with``.
    The BM25 parameters are not stored by the engine: reopen with the same ``bm25`` you wrote with
    (the catalog records them with the index components).
    """

    path: str
    hnsw_m: int = 16
    hnsw_ef_construct: int = 100
    hnsw_ef: int | None = None  # search-time beam width; None = the engine's default
    exact: bool = False  # brute-force dense search (the baseline of ``privrag bench retrieve``)
    full_scan_threshold: int = 10_000  # KB of vectors: smaller segments are searched exactly
    indexing_threshold: int | None = (
        None  # KB of vectors before optimize() builds HNSW; None = engine default
    )
    # "ram": the engine's defaults (dense vectors cached, sparse index pinned in RAM); "disk": vectors, HNSW
    # graph, sparse index, payload and id tracker read from their files (mmap) as searches need them
    memory: Literal["ram", "disk"] = "ram"

    FILTERS: ClassVar[FilterTranslator] = _FILTERS

    _shard: qe.EdgeShard | None = PrivateAttr(default=None)

    def __init__(
        self,
        path: str | Path,
        collection: str = "privrag",
        dim: int = 384,
        sentence_embedder: SentenceEmbedder | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(path=str(path), collection=collection, dim=dim, **kwargs)
        self._shard = self._open()
        self.use_sentence_embedder(sentence_embedder)

    @classmethod
    def class_name(cls) -> str:
        return "EdgeVectorStore"

    @property
    def shard_path(self) -> Path:
        """Directory of the engine's shard."""
        return Path(self.path) / self.collection

    @property
    def client(self) -> qe.EdgeShard:
        """The underlying ``qdrant_edge.EdgeShard``."""
        return self._require()

    # -- lifecycle -------------------------------------------------------------------------------

    def _config(self, sentences: bool) -> qe.EdgeConfig:
        hnsw = qe.HnswIndexConfig(
            m=self.hnsw_m, ef_construct=self.hnsw_ef_construct, full_scan_threshold=self.full_scan_threshold
        )
        cold = qe.Memory.Cold if self.memory == "disk" else None
        if cold is not None:
            hnsw = qe.HnswIndexConfig(
                m=self.hnsw_m,
                ef_construct=self.hnsw_ef_construct,
                full_scan_threshold=self.full_scan_threshold,
                memory=cold,
            )
        vectors = {
            DENSE_VECTOR: qe.EdgeVectorParams(
                size=self.dim, distance=qe.Distance.Cosine, hnsw_config=hnsw, memory=cold
            )
        }
        if sentences:  # only re-scored by id: no HNSW graph (m=0); half-precision storage
            vectors[SENTENCE_VECTOR] = qe.EdgeVectorParams(
                size=self.dim,
                distance=qe.Distance.Cosine,
                multivector_config=qe.MultiVectorConfig(qe.MultiVectorComparator.MaxSim),
                datatype=qe.VectorStorageDatatype.Float16,
                hnsw_config=qe.HnswIndexConfig(
                    m=0, ef_construct=100, full_scan_threshold=self.full_scan_threshold
                ),
            )
        return qe.EdgeConfig(
            vectors=vectors,
            sparse_vectors={SPARSE_VECTOR: qe.EdgeSparseVectorParams(modifier=qe.Modifier.Idf, memory=cold)},
            payload_memory=cold,
            id_tracker_memory=cold,
            optimizers=qe.EdgeOptimizersConfig(indexing_threshold=self.indexing_threshold)
            if self.indexing_threshold is not None
            else None,
        )

    def _stored_vectors(self) -> set[str]:
        try:
            config = json.loads((self.shard_path / "edge_config.json").read_text())
        except (OSError, ValueError):
            return {DENSE_VECTOR}
        return set(config.get("vectors", {}))

    def _open(self) -> qe.EdgeShard:
        shard_dir = self.shard_path
        exists = shard_dir.is_dir() and any(shard_dir.iterdir())
        # A shard created before sentence vectors existed keeps working without them.
        self._has_sentences = SENTENCE_VECTOR in self._stored_vectors() if exists else True
        try:
            if exists:  # load() checks the config against the stored segments (e.g. a dim mismatch)
                shard = qe.EdgeShard.load(str(shard_dir), self._config(self._has_sentences))
            else:
                shard = qe.EdgeShard.create(str(shard_dir), self._config(self._has_sentences))
        except Exception as exc:
            if "WouldBlock" in str(exc):
                raise RuntimeError(
                    f"edge store {shard_dir} is already open (the engine locks it to one instance/process)"
                ) from exc
            raise
        indexed = set(shard.info().payload_schema)
        for field in KEYWORD_INDEXES:
            if field not in indexed:
                shard.update(qe.UpdateOperation.create_field_index(field, qe.PayloadSchemaType.Keyword))
        return shard

    def _require(self) -> qe.EdgeShard:
        if self._shard is None:
            raise RuntimeError("EdgeVectorStore is closed")
        return self._shard

    def flush(self) -> None:
        """Flush pending changes to the segments on disk."""
        self._require().flush()

    def optimize(self) -> bool:
        """Merge segments and build the HNSW index now (blocking). True when anything changed."""
        return bool(self._require().optimize())

    def close(self) -> None:
        """Flush and close the shard, releasing its directory lock. Idempotent."""
        if self._shard is not None:
            shard, self._shard = self._shard, None
            shard.flush()
            shard.close()

    def __enter__(self) -> EdgeVectorStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- backend primitives ----------------------------------------------------------------------

    def _params(self, leg: Leg) -> qe.SearchParams | None:
        if leg.using != DENSE_VECTOR or (self.hnsw_ef is None and not self.exact):
            return None
        return qe.SearchParams(hnsw_ef=self.hnsw_ef, exact=self.exact)

    def _request(self, leg: Leg, flt: qe.Filter | None, with_payload: bool) -> qe.QueryRequest:
        return qe.QueryRequest(
            limit=leg.limit,
            query=qe.Query.Nearest(leg.vector, using=leg.using),
            filter=flt,
            params=self._params(leg),
            with_payload=with_payload,
        )

    def _search(
        self, legs: Sequence[Leg], flt: qe.Filter | None, with_payload: bool = True
    ) -> list[list[Hit]]:
        shard = self._require()
        if len(legs) == 1:
            return [_hits(shard.query(self._request(legs[0], flt, with_payload)))]
        requests = [self._request(leg, flt, with_payload) for leg in legs]
        return [_hits(points) for points in shard.query_batch(qe.QueryBatchRequest(requests))]

    def _payloads(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        records = self._require().retrieve(list(ids), with_payload=True, with_vector=False) if ids else []
        return {str(r.id): dict(r.payload or {}) for r in records}

    def _dense(self, ids: Sequence[str]) -> dict[str, list[float]]:
        records = self._require().retrieve(list(ids), with_payload=False, with_vector=True) if ids else []
        vectors = {str(r.id): r.vector.get(DENSE_VECTOR) for r in records if isinstance(r.vector, dict)}
        # the dense vector is a flat list (sparse and multivectors are other names)
        return {pid: [float(x) for x in cast(list[float], v)] for pid, v in vectors.items() if v is not None}

    def _search_fused(self, legs: Sequence[Leg], limit: int, flt: qe.Filter | None) -> list[Hit]:
        prefetches = [
            qe.Prefetch(
                limit=leg.limit,
                query=qe.Query.Nearest(leg.vector, using=leg.using),
                filter=flt,
                params=self._params(leg),
            )
            for leg in legs
        ]
        if self.fusion.method == "rrf":
            weights = [1.0] + [self.fusion.sparse_weight] * (len(legs) - 1)
            fusion: Any = qe.Fusion.Rrf(k=self.fusion.rrf_k, weights=weights)
        else:
            fusion = qe.Fusion.Dbsf()
        request = qe.QueryRequest(
            limit=limit, prefetches=prefetches, query=fusion, filter=flt, with_payload=True
        )
        return _hits(self._require().query(request))

    def _search_mmr(
        self, vector: list[float], limit: int, lambda_: float, candidates: int, flt: qe.Filter | None
    ) -> list[Hit]:
        mmr = qe.Mmr(vector, lambda_=lambda_, candidates_limit=candidates, using=DENSE_VECTOR)
        return _hits(
            self._require().query(qe.QueryRequest(limit=limit, query=mmr, filter=flt, with_payload=True))
        )

    def _score_ids(self, legs: Sequence[Leg], ids: Sequence[str]) -> list[dict[str, float]]:
        if not legs:
            return []
        if not ids:
            return [{} for _ in legs]
        only = qe.Filter(must=[qe.HasIdCondition(set(ids))])
        requests = [
            qe.QueryRequest(
                limit=len(ids),
                query=qe.Query.Nearest(leg.vector, using=leg.using),
                filter=only,
                params=qe.SearchParams(exact=True) if leg.using == DENSE_VECTOR else None,
                with_payload=False,
            )
            for leg in legs
        ]
        batch = self._require().query_batch(qe.QueryBatchRequest(requests))
        return [{str(p.id): float(p.score) for p in points} for points in batch]

    def _upsert(self, points: list[PointData]) -> None:
        ops = []
        for point in points:
            vector: dict[str, Any] = {DENSE_VECTOR: point.dense, SPARSE_VECTOR: point.sparse}
            if point.sentences:
                vector[SENTENCE_VECTOR] = point.sentences
            ops.append(qe.Point(id=point.id, vector=vector, payload=point.payload))
        self._require().update(qe.UpdateOperation.upsert_points(ops))

    def _delete_points(self, point_ids: list[str]) -> None:
        self._require().update(qe.UpdateOperation.delete_points(list(point_ids)))

    def _delete_where(self, flt: qe.Filter) -> None:
        self._require().update(qe.UpdateOperation.delete_points_by_filter(flt))

    def _count(self, flt: qe.Filter | None) -> int:
        return self._require().count(qe.CountRequest(exact=True, filter=flt))

    def _scroll(self, flt: qe.Filter | None, batch_size: int | None = None) -> Iterator[qe.Record]:
        shard = self._require()
        offset: Any = None
        while True:
            request = qe.ScrollRequest(
                offset=offset, limit=batch_size or self.batch_size, filter=flt, with_payload=True
            )
            records, offset = shard.scroll(request)
            yield from records
            if offset is None:
                return
