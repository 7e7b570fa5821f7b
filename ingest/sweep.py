"""The vault sweep at the end of a job: values the vault received during the job replaced wherever they are
still in clear in the store (a name detected in one file, missed by the detector in another).

Proportional to the job, not to the store: the BM25 index tells which chunks can hold a new value
(``ingest/sweep_lookup.py``) and only those are read; the documents among them that hold one are rewritten
whole (``ingest/rewrite.py``). Titles and display names, which a chunk's sparse vector may not hold, are
checked in the catalog (two short columns per document). A store without a sparse index, or a value without a
BM25 term, falls back to one scroll of the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.schema import BaseNode
from llama_index.core.vector_stores.types import BasePydanticVectorStore

from ingest.catalog import Catalog
from ingest.chunking import FILE_ID
from ingest.display_names import sweep_display
from ingest.rewrite import ChunkEdit, rewrite_documents, stored_nodes
from ingest.sweep_lookup import candidate_ids, read_nodes
from ingest.transforms import PseudonymizeTransform, SweepPlan


@dataclass
class SweepResult:
    changed: int = 0  # chunks whose text, title or display name changed
    terms: int = 0  # values and name parts looked up
    read: int = 0  # chunks read to look for them
    documents: int = 0  # documents rewritten whole
    written: int = 0  # chunks written back (every chunk of those documents)
    embedded: int = 0  # chunks among them embedded again (the others' embedded text did not change)
    scanned: bool = False  # the whole store was read (no sparse index, or a value without a BM25 term)


def sweep(
    catalog: Catalog,
    store: BasePydanticVectorStore,
    embed_model: BaseEmbedding,
    pseudonymize: PseudonymizeTransform | None,
    since: int,
) -> int:
    """``sweep_job``'s number of chunks changed."""
    return sweep_job(catalog, store, embed_model, pseudonymize, since).changed


def sweep_job(
    catalog: Catalog,
    store: BasePydanticVectorStore,
    embed_model: BaseEmbedding,
    pseudonymize: PseudonymizeTransform | None,
    since: int,
) -> SweepResult:
    """Replace, in every stored chunk, the values the vault received after entry ``since`` (the job's mark)
    that are still in clear, of this job's documents or an earlier one's. Deterministic and idempotent, so
    a job killed during its sweep ends the same when re-run (its mark is kept until the sweep is done).

    The documents with a chunk to change are found first (nothing is written meanwhile); then each is
    rewritten whole, and the catalog takes their new titles and display names."""
    plan = pseudonymize.sweep_plan(since) if pseudonymize is not None else None
    if plan is None:
        return SweepResult()
    try:
        return _sweep_with(plan, catalog, store, embed_model)
    finally:
        plan.close()


def _sweep_with(
    plan: SweepPlan, catalog: Catalog, store: BasePydanticVectorStore, embed_model: BaseEmbedding
) -> SweepResult:
    replace = plan.replace
    # A document's title and display name are in each of its chunks: each swept once.
    edit = ChunkEdit(replace, _memo(replace), _memo(lambda name: sweep_display(name, replace)))
    result = SweepResult(terms=len(plan.terms))
    ids = candidate_ids(store, plan.terms) if hasattr(store, "holders") else None  # type: ignore[arg-type]
    nodes: Iterable[BaseNode]
    if ids is None:
        result.scanned = True
        nodes = stored_nodes(store, catalog)
    else:
        nodes = read_nodes(store, ids)  # type: ignore[arg-type]  # a QdrantHybridStore (has holders)
    affected: set[str] = set()
    for node in nodes:
        result.read += 1
        if edit.apply(node):
            affected.add(str(node.metadata.get(FILE_ID, "")))
    # Catalog rows whose title or display name holds a value (their chunks' may not: swept before they were
    # embedded, ingest/early_sweep.py): rewritten with their documents, and set here whatever the chunks say.
    titles: dict[str, str] = {}
    sources: dict[str, str] = {}
    for doc_id, source, title in catalog.shown():
        new_title, new_source = replace(title), sweep_display(source, replace)
        if new_title != title or new_source != source:
            titles[doc_id], sources[doc_id] = new_title, new_source
            if not result.scanned:
                affected.add(doc_id)
    rewritten = rewrite_documents(store, embed_model, sorted(affected), edit)
    titles.update(rewritten.titles)
    sources.update(rewritten.sources)
    catalog.set_titles({doc_id: t for doc_id, t in titles.items() if doc_id})
    catalog.set_sources({doc_id: n for doc_id, n in sources.items() if doc_id and n})
    result.changed, result.written, result.documents = rewritten.changed, rewritten.written, len(affected)
    result.embedded = rewritten.embedded
    return result


def _memo(edit: Callable[[str], str]) -> Callable[[str], str]:
    done: dict[str, str] = {}

    def memoized(text: str) -> str:
        if text not in done:
            done[text] = edit(text)
        return done[text]

    return memoized
