"""Rewriting stored documents in place: the one way chunks already in the store are changed.

Used by the end-of-job vault sweep (``ingest/sweep.py``) and by an erasure (``app/erasure.py``). A document
is always rewritten whole (same chunk ids): a chunk's BM25 vector also covers its neighbours' text
(``retrieval/sparse_context.py``), so they are written together from their final texts and no sparse vector
keeps a replaced value. Only chunks whose embedded text changed are embedded again; the others keep their
stored dense vector (the same model made it from the same text).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.schema import BaseNode, MetadataMode
from llama_index.core.vector_stores.types import BasePydanticVectorStore

from ingest.catalog import Catalog
from ingest.chunking import file_filter
from ingest.embedder import embed_nodes

REWRITE_BATCH = 256  # chunks re-embedded and written at a time (whole documents): memory stays bounded
_SHOWN_KEYS = ("title", "source")  # chunk metadata shown to users: the title and the file's display name

Edit = Callable[[str], str]


@dataclass(frozen=True)
class ChunkEdit:
    """How a rewrite changes a chunk: its text, its title and its display name (``source``)."""

    text: Edit
    title: Edit
    source: Edit

    @classmethod
    def everywhere(cls, edit: Edit) -> ChunkEdit:
        """The same edit for the text, the title and the display name."""
        return cls(edit, edit, edit)

    def apply(self, node: BaseNode) -> bool:
        """Edit ``node`` in place; whether its text, title or display name changed."""
        changed = False
        text = node.get_content()
        new_text = self.text(text)
        if new_text != text:
            node.set_content(new_text)
            changed = True
        for key, edit in zip(_SHOWN_KEYS, (self.title, self.source), strict=True):
            old = node.metadata.get(key)
            if isinstance(old, str) and old:
                new = edit(old)
                if new != old:
                    node.metadata[key] = new
                    changed = True
        return changed


@dataclass
class RewriteResult:
    changed: int = 0  # chunks whose text, title or display name changed
    written: int = 0  # chunks written back (every chunk of the documents rewritten)
    embedded: int = 0  # chunks embedded again (the others' embedded text did not change: vector kept)
    titles: dict[str, str] = field(default_factory=dict)  # doc id -> its changed chunks' new title
    sources: dict[str, str] = field(default_factory=dict)  # doc id -> its changed chunks' new display name


def rewrite_documents(
    store: BasePydanticVectorStore,
    embed_model: BaseEmbedding,
    doc_ids: Iterable[str],
    edit: ChunkEdit,
    batch_size: int | None = None,
) -> RewriteResult:
    """Apply ``edit`` to every chunk of the documents ``doc_ids`` and write them back whole: same ids,
    dense and sparse vectors made again from the edited texts, flushed at the end. The catalog is the
    caller's to update (from the result's titles and display names, or otherwise). ``batch_size``: chunks
    written at a time, whole documents (default ``REWRITE_BATCH``)."""
    size = batch_size or REWRITE_BATCH
    result = RewriteResult()
    batch: list[BaseNode] = []
    kept: set[str] = set()  # chunks whose embedded text did not change: their stored vector is kept
    for doc_id in doc_ids:
        nodes = store.get_nodes(filters=file_filter(doc_id))
        for node in nodes:
            embedded = node.get_content(metadata_mode=MetadataMode.EMBED)
            if edit.apply(node):
                result.changed += 1
                result.titles[doc_id] = str(node.metadata.get("title") or "")
                result.sources[doc_id] = str(node.metadata.get("source") or "")
            if node.get_content(metadata_mode=MetadataMode.EMBED) == embedded:
                kept.add(node.node_id)
        batch += nodes
        if len(batch) >= size:  # whole documents at a time
            result.written += _write(store, embed_model, batch, kept, result)
            batch, kept = [], set()
    result.written += _write(store, embed_model, batch, kept, result)
    if result.written and hasattr(store, "flush"):
        store.flush()
    return result


def _write(
    store: BasePydanticVectorStore,
    embed_model: BaseEmbedding,
    nodes: list[BaseNode],
    kept: set[str],
    result: RewriteResult,
) -> int:
    """Write ``nodes`` over their stored versions (same ids): those in ``kept`` with their stored dense vector
    (when the store gives it), the others embedded again; the sparse vectors are always made again."""
    if not nodes:
        return 0
    stored: dict[str, list[float]] = {}
    dense_vectors = getattr(store, "dense_vectors", None)
    if kept and dense_vectors is not None:
        stored = dense_vectors([n.node_id for n in nodes if n.node_id in kept])
    for node in nodes:
        node.embedding = stored.get(node.node_id)
    fresh = [n for n in nodes if n.embedding is None]
    embed_nodes(embed_model, fresh)
    result.embedded += len(fresh)
    store.add(nodes)
    return len(nodes)


def stored_nodes(store: BasePydanticVectorStore, catalog: Catalog) -> Iterator[BaseNode]:
    """Every chunk in the store: one scroll when the store offers it, else document by document (by the
    indexed file id); memory stays bounded either way."""
    iter_nodes = getattr(store, "iter_nodes", None)
    if iter_nodes is not None:
        yield from iter_nodes()
        return
    for record in catalog.all():
        yield from store.get_nodes(filters=file_filter(record.doc_id))
