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
from typing import Any

import qdrant_edge as qe
from llama_index.core.bridge.pydantic import PrivateAttr
from llama_index.core.schema import BaseNode
from llama_index.core.vector_stores.types import (
    MetadataFilters,
)

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
    payload_to_node,
    point_id,
)

__all__ = [
    "EdgeVectorStore",
    "HybridQueryResult",
    "build_filter",
    "point_id",
    "sparse_text",
    "to_edge_filter",
]

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


def to_edge_filter(filters: MetadataFilters) -> qe.Filter:
    """Translate llama-index ``MetadataFilters`` (nested, AND/OR/NOT) into a qdrant-edge ``Filter``."""
    return _FILTERS.translate(filters)


def build_filter(
    filters: MetadataFilters | None = None,
    doc_ids: Sequence[str] | None = None,
    node_ids: Sequence[str] | None = None,
) -> qe.Filter | None:
    """Combine metadata filters, doc ids and node ids into one engine filter (None: no restriction)."""
    return _FILTERS.build(filters, doc_ids, [point_id(n) for n in node_ids or ()])


def _hits(points: Sequence[qe.ScoredPoint]) -> list[Hit]:
    return [Hit(str(p.id), float(p.score), dict(p.payload or {})) for p in points]


class EdgeVectorStore(QdrantHybridStore):
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
        vectors = {
            DENSE_VECTOR: qe.EdgeVectorParams(size=self.dim, distance=qe.Distance.Cosine, hnsw_config=hnsw)
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
            sparse_vectors={SPARSE_VECTOR: qe.EdgeSparseVectorParams(modifier=qe.Modifier.Idf)},
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

    def _native_filter(
        self,
        filters: MetadataFilters | None,
        doc_ids: Sequence[str] | None = None,
        node_ids: Sequence[str] | None = None,
    ) -> qe.Filter | None:
        return build_filter(filters, doc_ids, node_ids)

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

    # -- deletes ---------------------------------------------------------------------------------

    def delete(self, ref_doc_id: str, **delete_kwargs: Any) -> None:
        """Delete every point of a source document (payload filter on ``doc_id``)."""
        flt = qe.Filter(must=[qe.FieldCondition(key=DOC_ID_KEY, match=qe.MatchValue(ref_doc_id))])
        self._require().update(qe.UpdateOperation.delete_points_by_filter(flt))

    def delete_nodes(
        self,
        node_ids: list[str] | None = None,
        filters: MetadataFilters | None = None,
        **delete_kwargs: Any,
    ) -> None:
        """Delete points by node id and/or metadata filter (both given: points matching both)."""
        shard = self._require()
        if node_ids and filters is None:
            shard.update(qe.UpdateOperation.delete_points([point_id(n) for n in node_ids]))
            return
        flt = build_filter(filters, node_ids=node_ids)
        if flt is not None:
            shard.update(qe.UpdateOperation.delete_points_by_filter(flt))

    def clear(self) -> None:
        """Delete all points (the shard, its config and payload indexes stay)."""
        self._require().update(qe.UpdateOperation.delete_points_by_filter(qe.Filter()))

    # -- scans -----------------------------------------------------------------------------------

    def count(self, filters: MetadataFilters | None = None) -> int:
        """Exact number of points, optionally matching ``filters``."""
        return self._require().count(qe.CountRequest(exact=True, filter=build_filter(filters)))

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

    def iter_payloads(
        self, filters: MetadataFilters | None = None, batch_size: int | None = None
    ) -> Iterator[dict[str, Any]]:
        """Yield every stored payload (scroll, in batches), optionally restricted by ``filters``."""
        for record in self._scroll(build_filter(filters), batch_size):
            yield dict(record.payload or {})

    def get_nodes(
        self, node_ids: list[str] | None = None, filters: MetadataFilters | None = None
    ) -> list[BaseNode]:
        """Nodes by id and/or filter (all nodes when neither is given)."""
        flt = build_filter(filters, node_ids=node_ids)
        return [payload_to_node(r.payload or {}, str(r.id)) for r in self._scroll(flt)]
