"""Chunking: a file's sections become Documents with their metadata, then chunks with deterministic ids,
each chunk screened for prompt injection.

The chunk ids and :data:`CHUNKER_VERSION` are part of the index: an index records the chunker it was built
with (``Catalog.check_index``), and re-running an interrupted upsert overwrites chunks because their ids are
the same. Changing either means a new index version.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from llama_index.core import Document
from llama_index.core.node_parser import SentenceSplitter
from llama_index.core.schema import BaseNode, TransformComponent
from llama_index.core.vector_stores.types import MetadataFilter, MetadataFilters

from ingest.injection import FlaggingSplitter

CHUNKER_VERSION = "sentence-splitter-1"
POINT_NAMESPACE = uuid.UUID("6f1c9c52-2a4e-4b8e-9d0e-7a1f3f0c5b11")

# The source file's id in chunk metadata ("doc_id" itself is the vector stores' per-Document key).
FILE_ID = "file_id"
_KEEP_FOR_EMBEDDING = {"title"}
_KEEP_FOR_LLM = {"title", "page", "section"}


def chunk_id(doc_id: str, page: int | str, index: int) -> str:
    """Deterministic point id, so re-running an interrupted upsert overwrites instead of duplicating."""
    return str(uuid.uuid5(POINT_NAMESPACE, f"{doc_id}:{page}:{index}"))


def node_id_func(index: int, doc: BaseNode) -> str:
    """Chunk ids for the splitter: from the section's Document id ``<file id>:<section key>``."""
    file_id, _, key = str(doc.id_).partition(":")
    if key and file_id == doc.metadata.get(FILE_ID):
        return chunk_id(file_id, key, index)
    return chunk_id(doc.metadata[FILE_ID], doc.metadata.get("page", 0), index)


def file_filter(doc_id: str) -> MetadataFilters:
    """Every chunk of one source file (an indexed payload field: a look-up, not a scan)."""
    return MetadataFilters(filters=[MetadataFilter(key=FILE_ID, value=doc_id)])


def chunker_signature(chunk_tokens: int, chunk_overlap: int) -> str:
    """The chunker as an index records it (``components["chunker"]``)."""
    return f"{CHUNKER_VERSION}:{chunk_tokens}/{chunk_overlap}"


def build_splitter(
    chunk_tokens: int, chunk_overlap: int, tokenizer: Callable[[str], Sequence[Any]]
) -> TransformComponent:
    """Sentence-aware chunks of at most ``chunk_tokens`` tokens (``tokenizer``: the embedding model's word
    pieces) overlapping by ``chunk_overlap``, with :func:`node_id_func` ids; then every chunk screened for
    prompt injection (``ingest/injection.py``: flagged in its metadata)."""
    splitter = SentenceSplitter(
        chunk_size=chunk_tokens,
        chunk_overlap=chunk_overlap,
        tokenizer=tokenizer,
        id_func=node_id_func,
    )
    return FlaggingSplitter(splitter=splitter)


@dataclass(frozen=True)
class ChunkMetadata:
    """The metadata of a job's chunks: who may see them (``groups``), when, and the index's components."""

    groups: list[str]
    ingested_at: str
    components: dict[str, str]

    def of(
        self,
        file_id: str,
        source: str,
        file_type: str,
        content_hash: str,
        section_meta: Mapping[str, Any],
        title: str,
    ) -> dict[str, Any]:
        """A section's chunk metadata: its file (id, pseudonymized display name, type, hash), the job's
        groups, time and components, the section's own metadata (page, section, ...) and its pseudonymized
        title."""
        return {
            FILE_ID: file_id,
            "source": source,
            "file_type": file_type,
            "groups": self.groups,
            "content_hash": content_hash,
            "ingested_at": self.ingested_at,
            **self.components,
            **section_meta,
            "title": title,
        }


def section_document(section_key: str | int, text: str, metadata: dict[str, Any]) -> Document:
    """One pseudonymized section as the splitter's input: its id ``<file id>:<section key>`` (the chunk ids
    derive from it), only the title embedded with the text; title, page and section shown to the model."""
    return Document(
        id_=f"{metadata[FILE_ID]}:{section_key}",
        text=text,
        metadata=metadata,
        excluded_embed_metadata_keys=[k for k in metadata if k not in _KEEP_FOR_EMBEDDING],
        excluded_llm_metadata_keys=[k for k in metadata if k not in _KEEP_FOR_LLM],
    )
