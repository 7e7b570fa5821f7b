"""Qdrant server (or cluster) through ``qdrant-client``, with the same layout and ranking as the edge store.

The collection holds the same named vectors (cosine ``dense``, BM25 ``bm25`` with the IDF modifier), the
same payloads and keyword payload indexes on ``doc_id``/``ref_doc_id``/``file_id``/``groups``. Sparse
vectors come from the shared encoder and hybrid fusion from the shared base class, so a question ranks the
same chunks on either backend. Tests run it on ``QdrantClient(":memory:")`` (qdrant-client's local mode).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar, cast

from llama_index.core.bridge.pydantic import PrivateAttr
from qdrant_client import QdrantClient
from qdrant_client import models as qm

from retrieval.filters import FilterParts, FilterTranslator
from retrieval.fusion import Hit
from retrieval.store_base import (
    DENSE_VECTOR,
    DOC_ID_KEY,
    KEYWORD_INDEXES,
    SENTENCE_VECTOR,
    SPARSE_VECTOR,
    Leg,
    PointData,
    QdrantHybridStore,
    SentenceEmbedder,
)
from retrieval.store_points import StoredPoints

_FILTERS = FilterTranslator(
    FilterParts(
        match_value=lambda key, value: qm.FieldCondition(key=key, match=qm.MatchValue(value=value)),
        match_any=lambda key, values: qm.FieldCondition(key=key, match=qm.MatchAny(any=values)),
        match_range=lambda key, bounds: qm.FieldCondition(key=key, range=qm.Range(**bounds)),
        match_text=lambda key, text: qm.FieldCondition(key=key, match=qm.MatchText(text=text)),
        is_empty=lambda key: qm.IsEmptyCondition(is_empty=qm.PayloadField(key=key)),
        has_ids=lambda ids: qm.HasIdCondition(has_id=list(ids)),
        filter=qm.Filter,
    ),
    store="QdrantStore",
    doc_id_key=DOC_ID_KEY,
)


def _vector(leg: Leg) -> Any:
    if leg.using == SPARSE_VECTOR:
        return qm.SparseVector(indices=list(leg.vector.indices), values=list(leg.vector.values))
    return leg.vector


def _hits(points: Sequence[qm.ScoredPoint]) -> list[Hit]:
    return [Hit(str(p.id), float(p.score), dict(p.payload or {})) for p in points]


class QdrantStore(StoredPoints, QdrantHybridStore):
    """llama-index vector store on a Qdrant collection through ``qdrant-client`` (dense + BM25, hybrid)."""

    hnsw_ef: int | None = None
    FILTERS: ClassVar[FilterTranslator] = _FILTERS

    _client: QdrantClient = PrivateAttr()
    _collection_options: dict[str, Any] = PrivateAttr(default_factory=dict)

    def __init__(
        self,
        client: QdrantClient,
        collection: str = "privrag",
        dim: int = 384,
        sentence_embedder: SentenceEmbedder | None = None,
        collection_options: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(collection=collection, dim=dim, **kwargs)
        self._client = client
        # Passed to create_collection as they are: shard_number, replication_factor, write_consistency_factor
        # for a Qdrant cluster (see docs/deploy.md); an existing collection keeps its own.
        self._collection_options = dict(collection_options or {})
        self._ensure_collection()
        self.use_sentence_embedder(sentence_embedder)

    @classmethod
    def class_name(cls) -> str:
        return "QdrantStore"

    @property
    def client(self) -> QdrantClient:
        return self._client

    def _ensure_collection(self) -> None:
        if not self._client.collection_exists(self.collection):
            sentences = qm.VectorParams(  # only re-scored by id: no HNSW graph; half-precision storage
                size=self.dim,
                distance=qm.Distance.COSINE,
                multivector_config=qm.MultiVectorConfig(comparator=qm.MultiVectorComparator.MAX_SIM),
                hnsw_config=qm.HnswConfigDiff(m=0),
                datatype=qm.Datatype.FLOAT16,
            )
            self._client.create_collection(
                self.collection,
                vectors_config={
                    DENSE_VECTOR: qm.VectorParams(size=self.dim, distance=qm.Distance.COSINE),
                    SENTENCE_VECTOR: sentences,
                },
                sparse_vectors_config={SPARSE_VECTOR: qm.SparseVectorParams(modifier=qm.Modifier.IDF)},
                **self._collection_options,
            )
            self._has_sentences = True
        else:
            params = self._client.get_collection(self.collection).config.params
            vectors = params.vectors if isinstance(params.vectors, dict) else {}
            if DENSE_VECTOR not in vectors or vectors[DENSE_VECTOR].size != self.dim:
                raise ValueError(
                    f"collection {self.collection!r}: no {self.dim}-dim {DENSE_VECTOR!r} vector (vector size)"
                )
            self._has_sentences = SENTENCE_VECTOR in vectors
        with warnings.catch_warnings():  # local mode warns that payload indexes have no effect there
            warnings.simplefilter("ignore", UserWarning)
            for field in KEYWORD_INDEXES:
                self._client.create_payload_index(self.collection, field, qm.PayloadSchemaType.KEYWORD)

    def close(self) -> None:
        self._client.close()

    # -- backend primitives ----------------------------------------------------------------------

    def _params(self, leg: Leg) -> qm.SearchParams | None:
        if leg.using != DENSE_VECTOR or self.hnsw_ef is None:
            return None
        return qm.SearchParams(hnsw_ef=self.hnsw_ef)

    def _search(
        self, legs: Sequence[Leg], flt: qm.Filter | None, with_payload: bool = True
    ) -> list[list[Hit]]:
        requests = [
            qm.QueryRequest(
                query=_vector(leg),
                using=leg.using,
                limit=leg.limit,
                filter=flt,
                params=self._params(leg),
                with_payload=with_payload,
            )
            for leg in legs
        ]
        responses = self._client.query_batch_points(self.collection, requests=requests)
        return [_hits(r.points) for r in responses]

    def _payloads(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        records = self._client.retrieve(self.collection, list(ids), with_payload=True) if ids else []
        return {str(r.id): dict(r.payload or {}) for r in records}

    def _dense(self, ids: Sequence[str]) -> dict[str, list[float]]:
        records = (
            self._client.retrieve(self.collection, list(ids), with_payload=False, with_vectors=[DENSE_VECTOR])
            if ids
            else []
        )
        vectors = {str(r.id): r.vector.get(DENSE_VECTOR) for r in records if isinstance(r.vector, dict)}
        # the dense vector is a flat list (a multivector is another name)
        return {
            pid: [float(x) for x in cast(list[float], v)] for pid, v in vectors.items() if isinstance(v, list)
        }

    def _search_fused(self, legs: Sequence[Leg], limit: int, flt: qm.Filter | None) -> list[Hit]:
        prefetch = [
            qm.Prefetch(
                query=_vector(leg), using=leg.using, limit=leg.limit, filter=flt, params=self._params(leg)
            )
            for leg in legs
        ]
        if self.fusion.method == "rrf":
            weights = [1.0] + [self.fusion.sparse_weight] * (len(legs) - 1)
            query: Any = qm.RrfQuery(rrf=qm.Rrf(k=self.fusion.rrf_k, weights=weights))
        else:
            query = qm.FusionQuery(fusion=qm.Fusion.DBSF)
        response = self._client.query_points(
            self.collection, prefetch=prefetch, query=query, query_filter=flt, limit=limit, with_payload=True
        )
        return _hits(response.points)

    def _search_mmr(
        self, vector: list[float], limit: int, lambda_: float, candidates: int, flt: qm.Filter | None
    ) -> list[Hit]:
        # qdrant-client's MMR takes the diversity weight: 1 - lambda (lambda = relevance weight).
        query = qm.NearestQuery(
            nearest=vector, mmr=qm.Mmr(diversity=1.0 - lambda_, candidates_limit=candidates)
        )
        response = self._client.query_points(
            self.collection, query=query, using=DENSE_VECTOR, query_filter=flt, limit=limit, with_payload=True
        )
        return _hits(response.points)

    def _score_ids(self, legs: Sequence[Leg], ids: Sequence[str]) -> list[dict[str, float]]:
        if not legs:
            return []
        if not ids:
            return [{} for _ in legs]
        only = qm.Filter(must=[qm.HasIdCondition(has_id=list(ids))])
        requests = [
            qm.QueryRequest(
                query=_vector(leg),
                using=leg.using,
                limit=len(ids),
                filter=only,
                params=qm.SearchParams(exact=True) if leg.using == DENSE_VECTOR else None,
                with_payload=False,
            )
            for leg in legs
        ]
        responses = self._client.query_batch_points(self.collection, requests=requests)
        return [{str(p.id): float(p.score) for p in r.points} for r in responses]

    def _upsert(self, points: list[PointData]) -> None:
        structs = []
        for point in points:
            sparse = qm.SparseVector(indices=list(point.sparse.indices), values=list(point.sparse.values))
            vector: dict[str, Any] = {DENSE_VECTOR: point.dense, SPARSE_VECTOR: sparse}
            if point.sentences:
                vector[SENTENCE_VECTOR] = point.sentences
            structs.append(qm.PointStruct(id=point.id, vector=vector, payload=point.payload))
        self._client.upsert(self.collection, points=structs, wait=True)

    def _delete_points(self, point_ids: list[str]) -> None:
        self._client.delete(self.collection, points_selector=qm.PointIdsList(points=point_ids), wait=True)

    def _delete_where(self, flt: qm.Filter) -> None:
        self._client.delete(self.collection, points_selector=qm.FilterSelector(filter=flt), wait=True)

    def _count(self, flt: qm.Filter | None) -> int:
        return self._client.count(self.collection, count_filter=flt, exact=True).count

    def _scroll(self, flt: qm.Filter | None, batch_size: int | None = None) -> Iterator[qm.Record]:
        offset: Any = None
        while True:
            records, offset = self._client.scroll(
                self.collection,
                scroll_filter=flt,
                limit=batch_size or self.batch_size,
                offset=offset,
                with_payload=True,
            )
            yield from records
            if offset is None:
                return
