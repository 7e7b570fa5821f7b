"""Top-k retrieval (dense, sparse BM25 or hybrid) with the caller's access groups inside the vector query."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.vector_stores.types import (
    BasePydanticVectorStore,
    FilterOperator,
    MetadataFilter,
    MetadataFilters,
    VectorStoreQuery,
    VectorStoreQueryMode,
    VectorStoreQueryResult,
)

from retrieval.query_embedding import QueryEmbedder
from retrieval.store_base import HybridQueryResult

RetrievalMode = Literal["dense", "sparse", "hybrid"]
_QUERY_MODES = {
    "dense": VectorStoreQueryMode.DEFAULT,
    "sparse": VectorStoreQueryMode.SPARSE,
    "hybrid": VectorStoreQueryMode.HYBRID,
}


@dataclass
class RetrievedChunk:
    chunk_id: str
    doc_id: str
    source: str
    title: str
    page: int | None
    text: str
    score: float
    groups: list[str]
    dense_score: float | None = None  # cosine similarity, when the chunk is among the dense candidates
    sparse_score: float | None = None  # BM25 score (hybrid with linear fusion)
    sentence_score: float | None = None  # cosine of the chunk's best sentence (hybrid with linear fusion)
    injection: str = ""  # rules that flagged the chunk as a likely prompt injection at ingestion
    section: str = ""  # where in the file, when not a page: "slide 3", "Staff, rows 2-51", "record 7"


def access_filter(groups: Sequence[str] | None) -> MetadataFilters | None:
    """Documents visible to a caller in ``groups`` (None = unrestricted, e.g. an admin)."""
    if groups is None:
        return None
    allowed = sorted(set(groups) | {"all"})
    return MetadataFilters(filters=[MetadataFilter(key="groups", value=allowed, operator=FilterOperator.IN)])


class Retriever:
    def __init__(
        self,
        vector_store: BasePydanticVectorStore,
        embed_model: BaseEmbedding,
        top_k: int = 4,
        mode: RetrievalMode = "hybrid",
        query_threads: int = 1,
    ) -> None:
        if mode not in _QUERY_MODES:
            raise ValueError(f"unknown retrieval mode {mode!r}; expected one of {sorted(_QUERY_MODES)}")
        self.vector_store = vector_store
        self.embed_model = embed_model
        self.top_k = top_k
        self.mode: RetrievalMode = mode
        self.embed_query = QueryEmbedder(embed_model.get_query_embedding, query_threads)

    def run(
        self,
        query: str,
        groups: Sequence[str] | None,
        top_k: int | None = None,
        mode: RetrievalMode | None = None,
    ) -> list[RetrievedChunk]:
        """The top chunks for ``query`` among those visible to ``groups`` (the filter runs in the engine)."""
        mode = mode or self.mode
        k = top_k or self.top_k
        embedding = None if mode == "sparse" else self.embed_query(query)
        request = VectorStoreQuery(
            query_embedding=embedding,
            query_str=query,
            similarity_top_k=k,
            filters=access_filter(groups),
            mode=_QUERY_MODES[mode],
        )
        result = self.vector_store.query(request)
        if isinstance(result, HybridQueryResult) and result.dense_similarities is not None:
            return _chunks(
                result, result.dense_similarities, result.sparse_scores, result.sentence_similarities
            )
        cosines: list[float | None]
        if mode == "dense":
            cosines = list(result.similarities or [])
        elif mode == "hybrid":  # a store without cosines in its hybrid result: ask for them
            request.mode = VectorStoreQueryMode.DEFAULT
            dense = self.vector_store.query(request)
            by_id = dict(zip(dense.ids or [], dense.similarities or [], strict=False))
            cosines = [by_id.get(i) for i in result.ids or []]
        else:
            cosines = [None] * len(result.ids or [])
        return _chunks(result, cosines)

    def holds_in_clear(self, term: str, groups: Sequence[str] | None, candidates: int = 5) -> bool:
        """Whether a chunk visible to ``groups`` has ``term`` in its text as written words (any case): found
        by a keyword (BM25) search, checked on the chunks' text. Ingestion pseudonymizes personal data, so a
        term the index holds in clear was not taken for personal data in the documents."""
        return self._in_clear(term, groups, candidates) > 0

    def mostly_in_clear(
        self, term: str, surrogate: str, groups: Sequence[str] | None, candidates: int = 50
    ) -> bool:
        """Whether more chunks visible to ``groups`` hold ``term`` in clear (as written words, any case) than
        hold ``surrogate``, the vault's surrogate for it, among the ``candidates`` best keyword hits of each
        (or all of the term's hits do): a word ingestion took for a name in a few places ("Serum" in a
        title, "Type" at a sentence's start) and the asker's documents use as a word everywhere else."""
        try:
            clear = self._in_clear(term, groups, candidates)
        except ValueError:  # nothing left of the term for BM25 (a stop word)
            return False
        if not clear:
            return False
        replaced = self.run(surrogate, groups, top_k=candidates, mode="sparse")
        return clear == candidates or clear > sum(surrogate in c.text for c in replaced)

    def _in_clear(self, term: str, groups: Sequence[str] | None, candidates: int) -> int:
        """How many of the ``candidates`` best keyword (BM25) hits of ``term`` visible to ``groups`` hold it
        as written words (any case); ValueError when nothing is left of it for BM25."""
        words = term.split()
        if not words:
            return 0
        pattern = re.compile(r"(?<![\w-])" + r"\s+".join(map(re.escape, words)) + r"(?![\w-])", re.IGNORECASE)
        found = self.run(term, groups, top_k=candidates, mode="sparse")
        return sum(bool(pattern.search(chunk.text)) for chunk in found)


def _chunks(
    result: VectorStoreQueryResult,
    cosines: Sequence[float | None],
    sparse: Sequence[float | None] | None = None,
    sentences: Sequence[float | None] | None = None,
) -> list[RetrievedChunk]:
    chunks = []
    nodes = result.nodes or []
    sparse = sparse or [None] * len(nodes)
    sentences = sentences or [None] * len(nodes)
    rows = zip(nodes, result.similarities or [], cosines, sparse, sentences, strict=False)
    for node, score, cosine, bm25, sentence in rows:
        meta = node.metadata
        page = meta.get("page")
        chunks.append(
            RetrievedChunk(
                chunk_id=node.node_id,
                doc_id=str(meta.get("file_id", node.ref_doc_id or "")),
                source=str(meta.get("source", "")),
                title=str(meta.get("title", "")),
                page=int(page) if page is not None else None,
                text=node.get_content(),
                score=float(score),
                groups=list(meta.get("groups", [])),
                dense_score=cosine,
                sparse_score=bm25,
                sentence_score=sentence,
                injection=str(meta.get("injection", "")),
                section=str(meta.get("section") or ""),
            )
        )
    return chunks
