"""Retrieved chunks for the answer tests: ``chunk(n, text)`` is source n, ranked n-th."""

from __future__ import annotations

from retrieval.retriever import RetrievedChunk


def chunk(n: int, text: str, page: int | None = None) -> RetrievedChunk:
    return RetrievedChunk(
        chunk_id=f"chunk-{n}",
        doc_id=f"doc-{n}",
        source=f"/docs/file{n}.md",
        title=f"file {n}",
        page=page,
        text=text,
        score=0.5 / n,
        groups=["all"],
        dense_score=0.6,
    )
