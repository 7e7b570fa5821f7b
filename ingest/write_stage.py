"""Stage 3 of a job (its own thread): embed a batch's chunks, upsert them, then mark their files ``ok``.

A file's old chunks (its previous version's, or a crashed run's) are deleted after its ``pending`` row is
written and before its new chunks are upserted, when the catalog had a row for it as the job began: a chunk
is never stored before its file's row, so a new file has none (and a delete by filter per new file costs
what the store holds). Its row becomes ``ok``, with its chunk count, only once all of its chunks are in the
store. Chunk ids are deterministic, so an interrupted upsert is overwritten, never duplicated.

After each batch (``release_heap``) the C heap's free memory goes back to the system (``ingest/heap.py``):
the batch's temporary arrays are freed by then, and without it the job's resident memory rose with every
batch.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.vector_stores.types import BasePydanticVectorStore

from ingest.catalog import OK, Catalog
from ingest.embedder import embed_nodes
from ingest.heap import release_free_heap
from ingest.maintenance import delete_chunks
from ingest.prepare_stage import PreparedWork
from ingest.stages import Tracker


@dataclass(frozen=True)
class Writer:
    """The write stage of one job."""

    catalog: Catalog
    store: BasePydanticVectorStore
    embed_model: BaseEmbedding
    overlap_threads: int | None
    tracker: Tracker
    preparing: threading.Event  # the prepare stage is busy: embeddings leave it a core
    release_heap: bool = True  # the C heap's free memory returned to the system after each batch

    def write(self, work: PreparedWork) -> None:
        tracker = self.tracker
        with tracker.timed("delete_old"):
            for file in work.discarded:
                delete_chunks(self.store, file.doc_id)
                self.catalog.remove(file.doc_id)
            for file in work.started:
                if file.replaces:  # the previous version's chunks, or a crashed run's (a row existed)
                    delete_chunks(self.store, file.doc_id)
        if work.nodes:
            with tracker.timed("embed"):
                embed_nodes(self.embed_model, work.nodes, self.overlap_threads, self.preparing)
            with tracker.timed("upsert"):
                self.store.add(work.nodes)
        done = [f for f in work.completed if not f.failed and f.record is not None]
        for file in done:
            assert file.record is not None
            file.record.status = OK
            file.record.chunks = file.chunks
        with tracker.timed("catalog"):
            self.catalog.upsert_many([f.record for f in done if f.record is not None])
        if self.release_heap:
            with tracker.timed("release_heap"):
                release_free_heap()
        tracker.update(files=len(done), nbytes=work.bytes_done, chunks=len(work.nodes), ingested=len(done))
