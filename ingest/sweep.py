"""The vault sweep at the end of a job: values the vault received during the job replaced wherever they are
still in clear in the store (a name detected in one file, missed by the detector in another)."""

from __future__ import annotations

from collections.abc import Callable

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.vector_stores.types import BasePydanticVectorStore

from ingest.catalog import Catalog
from ingest.chunking import FILE_ID
from ingest.display_names import sweep_display
from ingest.rewrite import ChunkEdit, rewrite_documents, stored_nodes
from ingest.transforms import PseudonymizeTransform


def sweep(
    catalog: Catalog,
    store: BasePydanticVectorStore,
    embed_model: BaseEmbedding,
    pseudonymize: PseudonymizeTransform | None,
    since: int,
) -> int:
    """Replace, in every stored chunk, the values the vault received after entry ``since`` (the job's mark)
    that are still in clear, of this job's documents or an earlier one's. Deterministic and idempotent, so
    a job killed during its sweep ends the same when re-run (its mark is kept until the sweep is done).
    Returns the number of chunks changed.

    One scroll finds the documents with a chunk to change (nothing is written while it scrolls); then each
    is rewritten whole (``ingest/rewrite.py``), and the catalog takes their new titles and display names."""
    replace = pseudonymize.sweeper(since) if pseudonymize is not None else None
    if replace is None:
        return 0
    # A document's title and display name are in each of its chunks: each swept once.
    edit = ChunkEdit(replace, _memo(replace), _memo(lambda name: sweep_display(name, replace)))
    affected: dict[str, None] = {}  # doc ids in scroll order, once each
    changed = 0
    for node in stored_nodes(store, catalog):
        if edit.apply(node):
            changed += 1
            affected[str(node.metadata.get(FILE_ID, ""))] = None
    result = rewrite_documents(store, embed_model, affected, edit)
    catalog.set_titles({doc_id: t for doc_id, t in result.titles.items() if doc_id})
    catalog.set_sources({doc_id: n for doc_id, n in result.sources.items() if doc_id and n})
    return changed


def _memo(edit: Callable[[str], str]) -> Callable[[str], str]:
    done: dict[str, str] = {}

    def memoized(text: str) -> str:
        if text not in done:
            done[text] = edit(text)
        return done[text]

    return memoized
