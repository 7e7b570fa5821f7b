"""Embedded Qdrant (``qdrant-edge-py``) behind llama-index's vector store interface.

The real Qdrant engine runs in-process on a directory: ``<path>/<collection>`` holds one edge shard
with a cosine dense vector ``"dense"`` and a BM25 sparse vector ``"bm25"`` (IDF modifier, documents
encoded with qdrant-edge's own ``Bm25``). Payloads follow llama-index's Qdrant layout: node metadata
at the top level, ``text``, ``doc_id``/``ref_doc_id`` and ``_node_content`` to rebuild the node.

One process, one open store per directory: the engine locks its write-ahead log, so a second open
of the same path (in this or another process) fails until ``close()`` is called. Writes go through
the WAL and survive a reopen; ``close()`` flushes segments and releases the lock.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import qdrant_edge as qe
from llama_index.core.bridge.pydantic import PrivateAttr
from llama_index.core.schema import BaseNode, MetadataMode, TextNode
from llama_index.core.vector_stores.types import (
    BasePydanticVectorStore,
    FilterCondition,
    FilterOperator,
    MetadataFilter,
    MetadataFilters,
    VectorStoreQuery,
    VectorStoreQueryMode,
    VectorStoreQueryResult,
)
from llama_index.core.vector_stores.utils import metadata_dict_to_node, node_to_metadata_dict

DENSE_VECTOR = "dense"
SPARSE_VECTOR = "bm25"
TEXT_KEY = "text"
DOC_ID_KEY = "doc_id"
KEYWORD_INDEXES = ("doc_id", "ref_doc_id", "file_id", "groups")
RESERVED_KEYS = frozenset({TEXT_KEY, "_node_content", "_node_type", "document_id", "doc_id", "ref_doc_id"})
# Fixed namespace: non-UUID node ids map to the same point id in every process.
_ID_NAMESPACE = uuid.UUID("6b1f3f4e-8c1d-4f55-9a57-7a3c2f0e5d21")
_SPARSE_MODES = (VectorStoreQueryMode.SPARSE, VectorStoreQueryMode.TEXT_SEARCH)
_RANGE_OPS = {
    FilterOperator.GT: "gt",
    FilterOperator.GTE: "gte",
    FilterOperator.LT: "lt",
    FilterOperator.LTE: "lte",
}

Condition = Any  # one of qdrant_edge's condition classes (FieldCondition, Filter, ...)


_SURROGATE = re.compile(r"<([A-Z][A-Z_]*?)_(\d+)>")


def sparse_text(text: str) -> str:
    """Text for BM25: a pseudonym such as ``<PERSON_12>`` becomes the single exact token ``person12``."""
    return _SURROGATE.sub(lambda m: f" {m.group(1).replace('_', '').lower()}{m.group(2)} ", text)


def point_id(node_id: str) -> str:
    """Engine point id for a node id: the UUID itself, else a deterministic uuid5 of it."""
    try:
        return str(uuid.UUID(node_id))
    except ValueError:
        return str(uuid.uuid5(_ID_NAMESPACE, node_id))


def _eq(key: str, value: Any) -> Condition:
    if isinstance(value, list):
        raise ValueError(f"filter on {key!r}: expected a single value, got a list")
    if isinstance(value, float):
        return qe.FieldCondition(key=key, range=qe.RangeFloat(gte=value, lte=value))
    return qe.FieldCondition(key=key, match=qe.MatchValue(value))


def _any(key: str, values: Any) -> Condition:
    values = list(values) if isinstance(values, list | tuple | set) else [values]
    if all(isinstance(v, str) for v in values) or all(isinstance(v, int) for v in values):
        return qe.FieldCondition(key=key, match=qe.MatchAny(values))
    return qe.Filter(should=[_eq(key, v) for v in values])


def _condition(flt: MetadataFilter | MetadataFilters) -> Condition:
    """One llama-index filter as an engine condition (evaluated inside the search)."""
    if isinstance(flt, MetadataFilters):
        return to_edge_filter(flt)
    op, key, value = flt.operator, flt.key, flt.value
    if op in (FilterOperator.EQ, FilterOperator.CONTAINS):  # CONTAINS: a list field holds the value
        return _eq(key, value)
    if op == FilterOperator.NE:
        return qe.Filter(must_not=[_eq(key, value)])
    if op in (FilterOperator.IN, FilterOperator.ANY):
        return _any(key, value)
    if op == FilterOperator.NIN:
        return qe.Filter(must_not=[_any(key, value)])
    if op == FilterOperator.ALL:
        return qe.Filter(must=[_eq(key, v) for v in value])
    if op in _RANGE_OPS:
        return qe.FieldCondition(key=key, range=qe.RangeFloat(**{_RANGE_OPS[op]: value}))
    if op == FilterOperator.TEXT_MATCH:
        return qe.FieldCondition(key=key, match=qe.MatchText(str(value)))
    if op == FilterOperator.IS_EMPTY:
        return qe.IsEmptyCondition(key=key)
    raise NotImplementedError(f"filter operator {op.value!r} is not supported by EdgeVectorStore")


def to_edge_filter(filters: MetadataFilters) -> qe.Filter:
    """Translate llama-index ``MetadataFilters`` (nested, AND/OR/NOT) into a qdrant-edge ``Filter``."""
    conditions = [_condition(f) for f in filters.filters]
    if not conditions:
        return qe.Filter()
    if filters.condition == FilterCondition.OR:
        return qe.Filter(should=conditions)
    if filters.condition == FilterCondition.NOT:
        return qe.Filter(must_not=conditions)
    return qe.Filter(must=conditions)


def build_filter(
    filters: MetadataFilters | None = None,
    doc_ids: Sequence[str] | None = None,
    node_ids: Sequence[str] | None = None,
) -> qe.Filter | None:
    """Combine metadata filters, doc ids and node ids into one engine filter (None: no restriction)."""
    must: list[Condition] = []
    if filters is not None:
        must.append(to_edge_filter(filters))
    if doc_ids:
        must.append(qe.FieldCondition(key=DOC_ID_KEY, match=qe.MatchAny(list(doc_ids))))
    if node_ids:
        must.append(qe.HasIdCondition({point_id(n) for n in node_ids}))
    return qe.Filter(must=must) if must else None


def payload_to_node(payload: dict[str, Any], fallback_id: str) -> BaseNode:
    """Rebuild a node from a stored payload (plain ``TextNode`` for foreign payloads)."""
    text = payload.get(TEXT_KEY)
    try:
        return metadata_dict_to_node(payload, text=text)
    except ValueError:
        metadata = {k: v for k, v in payload.items() if k not in RESERVED_KEYS}
        return TextNode(id_=fallback_id, text=text or "", metadata=metadata)


class EdgeVectorStore(BasePydanticVectorStore):
    """llama-index vector store on an embedded Qdrant edge shard (dense + BM25, RRF hybrid).

    Only one open instance per directory (the engine locks it); call ``close()`` or use ``with``.
    The BM25 config is not stored by the engine: reopen with the same ``bm25_config`` you wrote with.
    """

    stores_text: bool = True
    flat_metadata: bool = False
    path: str
    collection: str = "privrag"
    dim: int = 384
    batch_size: int = 256
    rrf_k: int = 60

    _shard: qe.EdgeShard | None = PrivateAttr(default=None)
    _bm25: qe.Bm25 = PrivateAttr()

    def __init__(
        self,
        path: str | Path,
        collection: str = "privrag",
        dim: int = 384,
        *,
        batch_size: int = 256,
        rrf_k: int = 60,
        bm25_config: qe.Bm25Config | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            path=str(path), collection=collection, dim=dim, batch_size=batch_size, rrf_k=rrf_k, **kwargs
        )
        self._bm25 = qe.Bm25(bm25_config)
        self._shard = self._open()

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

    def _config(self) -> qe.EdgeConfig:
        return qe.EdgeConfig(
            vectors={DENSE_VECTOR: qe.EdgeVectorParams(size=self.dim, distance=qe.Distance.Cosine)},
            sparse_vectors={SPARSE_VECTOR: qe.EdgeSparseVectorParams(modifier=qe.Modifier.Idf)},
        )

    def _open(self) -> qe.EdgeShard:
        shard_dir = self.shard_path
        exists = shard_dir.is_dir() and any(shard_dir.iterdir())
        try:
            if exists:  # load() checks the config against the stored segments (e.g. a dim mismatch)
                shard = qe.EdgeShard.load(str(shard_dir), self._config())
            else:
                shard = qe.EdgeShard.create(str(shard_dir), self._config())
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

    # -- writes ----------------------------------------------------------------------------------

    def _to_point(self, node: BaseNode) -> qe.Point:
        embedding = node.get_embedding()
        if len(embedding) != self.dim:
            raise ValueError(f"node {node.node_id}: embedding has {len(embedding)} dims, not {self.dim}")
        text = node.get_content(metadata_mode=MetadataMode.NONE)
        payload = node_to_metadata_dict(node, remove_text=True, flat_metadata=self.flat_metadata)
        payload[TEXT_KEY] = text
        vector = {
            DENSE_VECTOR: [float(x) for x in embedding],
            SPARSE_VECTOR: self._bm25.embed_document(sparse_text(text)),
        }
        return qe.Point(id=point_id(node.node_id), vector=vector, payload=payload)

    def add(self, nodes: Sequence[BaseNode], **add_kwargs: Any) -> list[str]:
        """Upsert nodes (with embeddings) in batches; same node id overwrites. Returns the node ids."""
        shard = self._require()
        for start in range(0, len(nodes), self.batch_size):
            batch = nodes[start : start + self.batch_size]
            shard.update(qe.UpdateOperation.upsert_points([self._to_point(n) for n in batch]))
        return [n.node_id for n in nodes]

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

    # -- reads -----------------------------------------------------------------------------------

    def count(self, filters: MetadataFilters | None = None) -> int:
        """Exact number of points, optionally matching ``filters``."""
        return self._require().count(qe.CountRequest(exact=True, filter=build_filter(filters)))

    def _embedding(self, query: VectorStoreQuery) -> list[float]:
        if query.query_embedding is None:
            raise ValueError(f"{query.mode.value} query needs query_embedding")
        return [float(x) for x in query.query_embedding]

    def _dense(self, query: VectorStoreQuery) -> qe.Query:
        return qe.Query.Nearest(self._embedding(query), using=DENSE_VECTOR)

    def _sparse(self, query: VectorStoreQuery) -> qe.Query:
        if not query.query_str:
            raise ValueError(f"{query.mode.value} query needs query_str")
        return qe.Query.Nearest(self._bm25.embed_query(sparse_text(query.query_str)), using=SPARSE_VECTOR)

    def _request(self, query: VectorStoreQuery, flt: qe.Filter | None) -> qe.QueryRequest:
        top_k = query.similarity_top_k
        sparse_k = query.sparse_top_k or top_k
        mode = query.mode
        if mode == VectorStoreQueryMode.DEFAULT:
            return qe.QueryRequest(limit=top_k, query=self._dense(query), filter=flt, with_payload=True)
        if mode in _SPARSE_MODES:
            return qe.QueryRequest(limit=sparse_k, query=self._sparse(query), filter=flt, with_payload=True)
        if mode == VectorStoreQueryMode.HYBRID:  # RRF inside the engine; the filter applies to each leg
            prefetches = [
                qe.Prefetch(limit=top_k, query=self._dense(query), filter=flt),
                qe.Prefetch(limit=sparse_k, query=self._sparse(query), filter=flt),
            ]
            return qe.QueryRequest(
                limit=query.hybrid_top_k or top_k,
                prefetches=prefetches,
                query=qe.Fusion.Rrf(k=self.rrf_k),
                filter=flt,
                with_payload=True,
            )
        if mode == VectorStoreQueryMode.MMR:
            lambda_ = query.mmr_threshold if query.mmr_threshold is not None else 0.5
            vector, candidates = self._embedding(query), max(4 * top_k, 20)
            mmr = qe.Mmr(vector, lambda_=lambda_, candidates_limit=candidates, using=DENSE_VECTOR)
            return qe.QueryRequest(limit=top_k, query=mmr, filter=flt, with_payload=True)
        raise NotImplementedError(f"query mode {mode.value!r} is not supported by EdgeVectorStore")

    def query(self, query: VectorStoreQuery, **kwargs: Any) -> VectorStoreQueryResult:
        """Dense (default), sparse BM25, hybrid (RRF) or MMR search; filters run inside the engine."""
        flt = build_filter(query.filters, query.doc_ids, query.node_ids)
        points = self._require().query(self._request(query, flt))
        nodes = [payload_to_node(p.payload or {}, str(p.id)) for p in points]
        return VectorStoreQueryResult(
            nodes=nodes, similarities=[p.score for p in points], ids=[n.node_id for n in nodes]
        )

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
