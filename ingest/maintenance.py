"""Keeping the store and the catalog in step outside a job's stages: recovery after a crash, deleting one
document, deleting what a run no longer finds, rebuilding from nothing.

Every removal marks the catalog row ``deleting`` before any chunk is touched, so a crash part-way is finished
by the next run's :func:`recover`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from llama_index.core.vector_stores.types import BasePydanticVectorStore

from ingest import index_version
from ingest.catalog import DELETING, Catalog, DocumentRecord, document_id
from ingest.chunking import file_filter
from ingest.sharding import Shard


def delete_chunks(store: BasePydanticVectorStore, doc_id: str) -> None:
    """Every chunk of one source file, by an indexed payload filter (not a scan)."""
    store.delete_nodes(filters=file_filter(doc_id))


def recover(
    catalog: Catalog, store: BasePydanticVectorStore, owned: Callable[[DocumentRecord], bool] | None = None
) -> int:
    """Clean up after an interrupted run: chunks of pending rows deleted, unfinished removals finished.

    ``owned`` limits it to some rows: a shard leaves the other shards' (maybe in progress) alone.
    """
    unfinished = [r for r in catalog.unfinished() if owned is None or owned(r)]
    for record in unfinished:
        delete_chunks(store, record.doc_id)
        if record.status == DELETING or not Path(record.path).exists():
            catalog.remove(record.doc_id)
        elif record.chunks:
            record.chunks = 0
            catalog.upsert(record)
    return len(unfinished)


def rebuild(catalog: Catalog, store: BasePydanticVectorStore, components: dict[str, str]) -> None:
    """Drop every chunk and document and record ``components`` as the index's."""
    for record in catalog.all():
        catalog.set_status(record.doc_id, DELETING)
    clear = getattr(store, "clear", None)
    if clear is not None:
        clear()
    else:
        for record in catalog.all():
            delete_chunks(store, record.doc_id)
    catalog.reset_index(components)
    index_version.bump(catalog)


def delete(catalog: Catalog, store: BasePydanticVectorStore, doc_id_or_path: str) -> DocumentRecord | None:
    """Remove one document (by id, display name or path) with its chunks; None when there is no such one."""
    record = catalog.find(doc_id_or_path)
    if record is None:
        path = Path(doc_id_or_path).expanduser()
        record = catalog.get(document_id(path)) or catalog.find(str(path.resolve()))
    if record is None:
        return None
    catalog.set_status(record.doc_id, DELETING)  # a crash from here on: the next run finishes
    delete_chunks(store, record.doc_id)
    catalog.remove(record.doc_id)
    index_version.bump(catalog)
    return record


def sync(
    catalog: Catalog,
    store: BasePydanticVectorStore,
    roots: Sequence[Path],
    present: set[str],
    shard: Shard | None = None,
) -> int:
    """Delete documents under ``roots`` that this run did not find (file gone, or now ignored).

    With a ``shard``: only among the documents that shard owns.
    """
    resolved = [r.expanduser().resolve() for r in roots]
    removed = 0
    for record in catalog.all():
        source = Path(record.path)
        if shard is None:
            under = any(source == r or r in source.parents for r in resolved)
        else:
            under = shard.owns_source(source, resolved)
        if under and record.path not in present:
            delete(catalog, store, record.doc_id)
            removed += 1
    return removed
