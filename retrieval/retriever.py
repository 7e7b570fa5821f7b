"""Dense top-k retrieval with the caller's access groups applied inside the vector query."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.vector_stores.types import (
    BasePydanticVectorStore,
    FilterOperator,
    MetadataFilter,
    MetadataFilters,
    VectorStoreQuery,
    VectorStoreQueryMode,
)


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
    dense_score: float | None = None  # cosine similarity, when the chunk is among the dense top-k


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
        mode: str = "hybrid",
    ) -> None:
        self.vector_store = vector_store
        self.embed_model = embed_model
        self.top_k = top_k
        self.mode = VectorStoreQueryMode.HYBRID if mode == "hybrid" else VectorStoreQueryMode.DEFAULT

    def run(self, query: str, groups: Sequence[str] | None, top_k: int | None = None) -> list[RetrievedChunk]:
        embedding = self.embed_model.get_query_embedding(query)
        k = top_k or self.top_k
        filters = access_filter(groups)

        def search(mode: VectorStoreQueryMode):  # type: ignore[no-untyped-def]
            return self.vector_store.query(
                VectorStoreQuery(
                    query_embedding=embedding, query_str=query, similarity_top_k=k, filters=filters, mode=mode
                )
            )

        dense = search(VectorStoreQueryMode.DEFAULT)
        dense_scores = dict(zip(dense.ids or [], dense.similarities or [], strict=False))
        result = dense if self.mode == VectorStoreQueryMode.DEFAULT else search(self.mode)
        chunks = []
        for node, score in zip(result.nodes or [], result.similarities or [], strict=False):
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
                    dense_score=dense_scores.get(node.node_id),
                )
            )
        return chunks
