"""What both Qdrant store backends share: payload layout, node ids, BM25 encoding and the hybrid query.

A backend (embedded ``qdrant-edge`` or ``qdrant-client``) only translates filters and runs searches; the
query modes, the sparse encoder and the fusion live here, so both backends rank identically.

Payloads follow llama-index's Qdrant layout: node metadata at the top level, ``text``,
``doc_id``/``ref_doc_id`` and ``_node_content`` to rebuild the node.
"""

from __future__ import annotations

import uuid
from abc import abstractmethod
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import qdrant_edge as qe
from llama_index.core.bridge.pydantic import PrivateAttr
from llama_index.core.schema import BaseNode, MetadataMode, TextNode
from llama_index.core.vector_stores.types import (
    BasePydanticVectorStore,
    MetadataFilters,
    VectorStoreQuery,
    VectorStoreQueryMode,
    VectorStoreQueryResult,
)
from llama_index.core.vector_stores.utils import metadata_dict_to_node, node_to_metadata_dict

from anonymize.text import split_sentences
from retrieval.fusion import FusionParams, Hit, fuse_linear
from retrieval.sparse import Bm25Params, SparseEncoder
from retrieval.sparse_context import sparse_texts

DENSE_VECTOR = "dense"
SPARSE_VECTOR = "bm25"
SENTENCE_VECTOR = "sentences"  # per-sentence vectors of a chunk (multivector, MaxSim), for re-scoring
TEXT_KEY = "text"
DOC_ID_KEY = "doc_id"
KEYWORD_INDEXES = ("doc_id", "ref_doc_id", "file_id", "groups")
RESERVED_KEYS = frozenset({TEXT_KEY, "_node_content", "_node_type", "document_id", "doc_id", "ref_doc_id"})
# Fixed namespace: non-UUID node ids map to the same point id in every process.
_ID_NAMESPACE = uuid.UUID("6b1f3f4e-8c1d-4f55-9a57-7a3c2f0e5d21")
SPARSE_MODES = (VectorStoreQueryMode.SPARSE, VectorStoreQueryMode.TEXT_SEARCH)


def point_id(node_id: str) -> str:
    """Engine point id for a node id: the UUID itself, else a deterministic uuid5 of it."""
    try:
        return str(uuid.UUID(node_id))
    except ValueError:
        return str(uuid.uuid5(_ID_NAMESPACE, node_id))


def node_payload(node: BaseNode, flat_metadata: bool = False) -> tuple[str, dict[str, Any]]:
    """The node's plain text (what BM25 indexes) and its stored payload."""
    text = node.get_content(metadata_mode=MetadataMode.NONE)
    payload = node_to_metadata_dict(node, remove_text=True, flat_metadata=flat_metadata)
    payload[TEXT_KEY] = text
    return text, payload


def payload_to_node(payload: dict[str, Any], fallback_id: str) -> BaseNode:
    """Rebuild a node from a stored payload (plain ``TextNode`` for foreign payloads)."""
    text = payload.get(TEXT_KEY)
    try:
        return metadata_dict_to_node(payload, text=text)
    except ValueError:
        metadata = {k: v for k, v in payload.items() if k not in RESERVED_KEYS}
        return TextNode(id_=fallback_id, text=text or "", metadata=metadata)


@dataclass
class HybridQueryResult(VectorStoreQueryResult):
    """A hybrid result that also carries each node's cosine similarity when the dense leg found it."""

    dense_similarities: list[float | None] | None = None
    sparse_scores: list[float | None] | None = None  # BM25 (linear fusion only)
    sentence_similarities: list[float | None] | None = None  # best sentence's cosine (linear fusion only)


@dataclass
class PointData:
    """One chunk as the engine stores it."""

    id: str
    dense: list[float]
    sparse: Any  # qdrant_edge.SparseVector (indices, values)
    payload: dict[str, Any]
    sentences: list[list[float]] | None = None


SentenceEmbedder = Callable[[list[str]], list[list[float]]]


@dataclass(frozen=True)
class Leg:
    """One nearest-neighbour search: the named vector and the query vector (dense list or sparse)."""

    using: str
    vector: Any
    limit: int


class QdrantHybridStore(BasePydanticVectorStore):
    """Base of both backends: dense cosine ``dense`` + BM25 ``bm25`` (IDF modifier) on one collection."""

    stores_text: bool = True
    flat_metadata: bool = False
    collection: str = "privrag"
    dim: int = 384
    batch_size: int = 256
    fusion: FusionParams = FusionParams()
    bm25: Bm25Params = Bm25Params()
    # BM25 indexes each chunk with its document's title, as the embedding model sees it (better on SciFact
    # train: docs/evaluation.md, "Figures behind design choices in the code").
    sparse_title: bool = True

    _encoder: SparseEncoder = PrivateAttr()
    _sentence_embedder: SentenceEmbedder | None = PrivateAttr(default=None)
    _has_sentences: bool = PrivateAttr(default=False)  # the collection has the sentence vector

    def model_post_init(self, context: Any, /) -> None:
        self._encoder = SparseEncoder(self.bm25)

    def use_sentence_embedder(self, embed: SentenceEmbedder | None) -> None:
        """Embed each new chunk's sentences with ``embed`` (the chunk embedding model), for re-scoring."""
        self._sentence_embedder = embed

    @property
    def sentence_rescoring(self) -> bool:
        """Whether hybrid queries re-score candidates with their best sentence."""
        return self._has_sentences and self.fusion.method == "linear" and self.fusion.sentence_weight > 0

    # -- backend primitives --------------------------------------------------------------------

    @abstractmethod
    def _native_filter(
        self,
        filters: MetadataFilters | None,
        doc_ids: Sequence[str] | None = None,
        node_ids: Sequence[str] | None = None,
    ) -> Any:
        """The backend's filter object (None: no restriction)."""

    @abstractmethod
    def _search(self, legs: Sequence[Leg], flt: Any, with_payload: bool = True) -> list[list[Hit]]:
        """Run nearest-neighbour searches in one batch, each filtered inside the engine."""

    @abstractmethod
    def _payloads(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Payloads of points by engine id."""

    @abstractmethod
    def count(self, filters: MetadataFilters | None = None) -> int:
        """Points in the collection (those matching ``filters`` when given)."""

    @abstractmethod
    def _search_fused(self, legs: Sequence[Leg], limit: int, flt: Any) -> list[Hit]:
        """Prefetch every leg and fuse them inside the engine (``self.fusion.method``: rrf or dbsf)."""

    @abstractmethod
    def _search_mmr(
        self, vector: list[float], limit: int, lambda_: float, candidates: int, flt: Any
    ) -> list[Hit]:
        """Maximal marginal relevance on the dense vector."""

    @abstractmethod
    def _score_ids(self, legs: Sequence[Leg], ids: Sequence[str]) -> list[dict[str, float]]:
        """Each leg's exact score of the points ``ids`` (in one batch); a point the leg does not match (no
        shared term, no such vector) is left out."""

    @abstractmethod
    def _upsert(self, points: list[PointData]) -> None:
        """Write points."""

    # -- writes --------------------------------------------------------------------------------

    def _point(self, node: BaseNode, sparse_text: str | None = None) -> PointData:
        embedding = node.get_embedding()
        if len(embedding) != self.dim:
            raise ValueError(f"node {node.node_id}: embedding has {len(embedding)} dims, not {self.dim}")
        text, payload = node_payload(node, self.flat_metadata)
        title = str(node.metadata.get("title") or "") if self.sparse_title else ""
        if sparse_text is None:
            sparse_text = f"{title}\n\n{text}" if title else text
        sparse = self._encoder.document(sparse_text)
        return PointData(point_id(node.node_id), [float(x) for x in embedding], sparse, payload)

    def _stored_nodes(self, node_ids: Sequence[str]) -> dict[str, BaseNode]:
        """Stored chunks by node id (for the BM25 context of chunks written without their neighbours)."""
        payloads = self._payloads([point_id(n) for n in node_ids])
        nodes = [payload_to_node(p, pid) for pid, p in payloads.items()]
        return {n.node_id: n for n in nodes}

    def _add_sentences(self, points: list[PointData]) -> None:
        """Per-sentence vectors of each point's text, all sentences of the batch in one embedding call;
        none when queries would not use them (sentence weight 0: no ingest cost)."""
        if self._sentence_embedder is None or not self.sentence_rescoring:
            return
        split = [split_sentences(p.payload.get(TEXT_KEY, "")) for p in points]
        flat = [sentence for sentences in split for sentence in sentences]
        vectors = self._sentence_embedder(flat) if flat else []
        offset = 0
        for point, sentences in zip(points, split, strict=True):
            if sentences:
                point.sentences = [[float(x) for x in v] for v in vectors[offset : offset + len(sentences)]]
            offset += len(sentences)

    def term_ids(self, text: str) -> list[int]:
        """The BM25 terms of ``text`` as a query sees them (distinct, stemmed, stop words dropped)."""
        return [int(i) for i in self._encoder.query(text).indices]

    def holders(self, term_ids: Sequence[int], limit: int) -> list[list[str]]:
        """For each BM25 term, the point ids of up to ``limit`` chunks whose sparse vector holds it (any
        group; one batch, no payloads). Fewer than ``limit``: every chunk that holds it."""
        if not term_ids:
            return []
        legs = [Leg(SPARSE_VECTOR, qe.SparseVector(indices=[int(t)], values=[1.0]), limit) for t in term_ids]
        return [[h.id for h in hits] for hits in self._search(legs, None, with_payload=False)]

    def _dense(self, ids: Sequence[str]) -> dict[str, list[float]]:
        """Stored dense vectors of points by engine id (those that exist; none: a backend that cannot)."""
        return {}

    def dense_vectors(self, node_ids: Sequence[str]) -> dict[str, list[float]]:
        """The stored dense vectors of nodes by node id (those that exist): a rewrite keeps a chunk's
        vector when what was embedded of it did not change."""
        by_point = {point_id(n): n for n in node_ids}
        return {by_point[pid]: v for pid, v in self._dense(list(by_point)).items() if pid in by_point}

    def nodes_at(self, ids: Sequence[str]) -> list[BaseNode]:
        """Stored chunks by point id (those that exist)."""
        return [payload_to_node(p, pid) for pid, p in self._payloads(ids).items()]

    def iter_nodes(self, batch_size: int | None = None) -> Iterator[BaseNode]:
        """Every stored node, scrolled in batches (the backend's ``iter_payloads``): memory stays bounded."""
        for payload in self.iter_payloads(batch_size=batch_size):  # type: ignore[attr-defined]  # per backend
            yield payload_to_node(payload, "")

    def add(self, nodes: Sequence[BaseNode], **add_kwargs: Any) -> list[str]:
        """Upsert nodes (with embeddings) in batches; same node id overwrites. Returns the node ids."""
        contexts: dict[str, str] = {}
        if self.bm25.context > 0:
            contexts = sparse_texts(nodes, self.bm25.context, self._stored_nodes, self.sparse_title)
        for start in range(0, len(nodes), self.batch_size):
            points = [self._point(n, contexts.get(n.node_id)) for n in nodes[start : start + self.batch_size]]
            self._add_sentences(points)
            self._upsert(points)
        return [n.node_id for n in nodes]

    # -- reads ---------------------------------------------------------------------------------

    def _dense_leg(self, query: VectorStoreQuery, limit: int) -> Leg:
        if query.query_embedding is None:
            raise ValueError(f"{query.mode.value} query needs query_embedding")
        return Leg(DENSE_VECTOR, [float(x) for x in query.query_embedding], limit)

    def _sparse_leg(self, query: VectorStoreQuery, limit: int) -> Leg:
        if not query.query_str:
            raise ValueError(f"{query.mode.value} query needs query_str")
        return Leg(SPARSE_VECTOR, self._encoder.query(query.query_str), limit)

    def query(self, query: VectorStoreQuery, **kwargs: Any) -> VectorStoreQueryResult:
        """Dense (default), sparse BM25, hybrid or MMR search; filters run inside the engine."""
        flt = self._native_filter(query.filters, query.doc_ids, query.node_ids)
        top_k = query.similarity_top_k
        mode = query.mode
        if mode == VectorStoreQueryMode.DEFAULT:
            return _result(self._search([self._dense_leg(query, top_k)], flt)[0])
        if mode in SPARSE_MODES:
            return _result(self._search([self._sparse_leg(query, query.sparse_top_k or top_k)], flt)[0])
        if mode == VectorStoreQueryMode.HYBRID:
            return self._hybrid(query, flt)
        if mode == VectorStoreQueryMode.MMR:
            lambda_ = query.mmr_threshold if query.mmr_threshold is not None else 0.5
            vector = self._dense_leg(query, top_k).vector
            return _result(self._search_mmr(vector, top_k, lambda_, max(4 * top_k, 20), flt))
        raise NotImplementedError(f"query mode {mode.value!r} is not supported by {self.class_name()}")

    def _hybrid(self, query: VectorStoreQuery, flt: Any) -> HybridQueryResult:
        """Both legs filtered inside the engine, fused per ``self.fusion``; cosines kept for relevance."""
        limit = query.hybrid_top_k or query.similarity_top_k
        depth = max(self.fusion.candidates, limit)
        dense_leg = self._dense_leg(query, depth)
        sparse_leg = self._sparse_leg(query, depth)
        if self.fusion.method != "linear":
            dense = self._search([dense_leg], flt)[0]
            fused = self._search_fused([dense_leg, sparse_leg], limit, flt)
            cosines = {h.id: h.score for h in dense}
            return _hybrid_result(fused, cosines)
        # Candidates (ids only) from both legs; then every candidate's exact cosine, BM25 score and best
        # sentence, so no candidate is scored with a guess for the leg that did not return it.
        dense, sparse = self._search([dense_leg, sparse_leg], flt, with_payload=False)
        ids = list(dict.fromkeys([h.id for h in dense] + [h.id for h in sparse]))
        cosines = {h.id: h.score for h in dense}
        bm25 = {h.id: h.score for h in sparse}
        rescore = [
            leg for leg in (dense_leg, sparse_leg) if len(cosines if leg is dense_leg else bm25) < len(ids)
        ]
        if self.sentence_rescoring:
            rescore.append(Leg(SENTENCE_VECTOR, [dense_leg.vector], len(ids)))
        scores = dict(zip([leg.using for leg in rescore], self._score_ids(rescore, ids), strict=True))
        cosines.update(scores.get(DENSE_VECTOR, {}))
        bm25.update(scores.get(SPARSE_VECTOR, {}))
        ranked = fuse_linear(
            ids,
            cosines,
            bm25,
            self.fusion.sparse_weight,
            scores.get(SENTENCE_VECTOR),
            self.fusion.sentence_weight,
        )[:limit]
        payloads = self._payloads([pid for pid, _ in ranked])
        result = _hybrid_result([Hit(pid, score, payloads.get(pid, {})) for pid, score in ranked], cosines)
        sentences = scores.get(SENTENCE_VECTOR, {})
        result.sparse_scores = [bm25.get(pid, 0.0) for pid, _ in ranked]
        result.sentence_similarities = [sentences.get(pid) for pid, _ in ranked]
        return result


def _hybrid_result(fused: Sequence[Hit], cosines: dict[str, float]) -> HybridQueryResult:
    result = _result(fused)
    return HybridQueryResult(
        nodes=result.nodes,
        similarities=result.similarities,
        ids=result.ids,
        dense_similarities=[cosines.get(h.id) for h in fused],
    )


def _result(hits: Sequence[Hit]) -> VectorStoreQueryResult:
    nodes = [payload_to_node(h.payload or {}, h.id) for h in hits]
    return VectorStoreQueryResult(
        nodes=nodes, similarities=[h.score for h in hits], ids=[n.node_id for n in nodes]
    )
