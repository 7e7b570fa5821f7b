"""Chunk texts to vectors for the store, sharing the cores with a job's prepare stage."""

from __future__ import annotations

import threading

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.schema import BaseNode, MetadataMode

_EMBED_STEP = 16  # texts per embedding call in a job: 700 files took 28.0 s at 16, 29.8 s at 32, 32.8 s at 64


def embed_texts(
    embed_model: BaseEmbedding,
    texts: list[str],
    overlap_threads: int | None = None,
    preparing: threading.Event | None = None,
) -> list[list[float]]:
    """Embeddings of ``texts``: sorted by length, in small batches, ``overlap_threads`` threads (one core
    left to the prepare stage) while ``preparing`` is set, all cores otherwise. The thread count is chosen
    again every ``_EMBED_STEP`` texts, so the embedder follows the prepare stage closely: with 64-text
    batches a batch begun on both cores ran on while the prepare stage came back (`privrag bench ingest`)."""
    embed_batch = getattr(embed_model, "embed_texts", None)
    if embed_batch is None:
        return embed_model.get_text_embedding_batch(texts)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    size = max(1, min(_EMBED_STEP, getattr(embed_model, "embed_batch_size", 64)))
    vectors: list[list[float]] = [[] for _ in texts]
    for start in range(0, len(order), size):
        batch = order[start : start + size]
        threads = overlap_threads if preparing is not None and preparing.is_set() else None
        for index, vector in zip(batch, embed_batch([texts[i] for i in batch], threads=threads), strict=True):
            vectors[index] = vector
    return vectors


def embed_nodes(
    embed_model: BaseEmbedding,
    nodes: list[BaseNode],
    overlap_threads: int | None = None,
    preparing: threading.Event | None = None,
) -> None:
    """Set each node's embedding from its text as embedded (its metadata kept for embedding included)."""
    texts = [n.get_content(metadata_mode=MetadataMode.EMBED) for n in nodes]
    for node, vector in zip(nodes, embed_texts(embed_model, texts, overlap_threads, preparing), strict=True):
        node.embedding = vector
