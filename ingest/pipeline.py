"""The ingestion entry point the app holds: one :class:`Ingestor` per catalog and vector store.

Where each part of ingestion lives:

- ``ingest/jobs.py``: one job, from discovery to the final sweep, and why it is crash-safe and deterministic;
  its stages: ``load_stage.py`` (read, hash, parse), ``prepare_stage.py`` (pseudonymize, chunk, pending rows),
  ``write_stage.py`` (embed, upsert, rows ok), over the threads and queues of ``stages.py``;
- ``ingest/chunking.py``: the splitter, chunk ids and metadata, injection screening of every chunk;
- ``ingest/maintenance.py``: recovery after a crash, deletion, sync, rebuild;
- ``ingest/sweep.py`` and ``ingest/rewrite.py``: the end-of-job vault sweep, and the one way stored
  documents are rewritten (the sweep's and an erasure's);
- ``ingest/report.py``: the report and progress a job hands back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ingest import jobs, maintenance
from ingest.catalog import DocumentRecord
from ingest.parts import IngestParts
from ingest.sharding import Shard
from ingest.sweep import sweep


@dataclass(kw_only=True, eq=False)
class Ingestor(IngestParts):
    """Runs ingestion jobs against one catalog and one vector store (the parts: :class:`IngestParts`)."""

    run = jobs.run_job  # ingest ``paths`` (``ingest/jobs.py``)

    def sweep(self, since: int) -> int:
        """Replace values the vault received after ``since`` still in clear (``ingest/sweep.py``)."""
        return sweep(self.catalog, self.vector_store, self.embed_model, self.pseudonymize, since)

    def recover(self, owned: Callable[[DocumentRecord], bool] | None = None) -> int:
        """Clean up after an interrupted run; the number of rows cleaned up."""
        return maintenance.recover(self.catalog, self.vector_store, owned)

    def rebuild(self) -> None:
        """Drop every chunk and document and record the configured components as the index's."""
        maintenance.rebuild(self.catalog, self.vector_store, self.components)

    def delete(self, doc_id_or_path: str) -> DocumentRecord | None:
        """Remove one document's chunks and its catalog row; None when there is no such document."""
        return maintenance.delete(self.catalog, self.vector_store, doc_id_or_path)

    def delete_chunks(self, doc_id: str) -> None:
        """Every chunk of one source file."""
        maintenance.delete_chunks(self.vector_store, doc_id)

    def sync(self, roots: Sequence[Path], present: set[str], shard: Shard | None = None) -> int:
        """Delete documents under ``roots`` not in ``present`` (with a ``shard``: among those it owns)."""
        return maintenance.sync(self.catalog, self.vector_store, roots, present, shard)
