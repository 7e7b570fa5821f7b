"""Stage 2 of a job (the calling thread): pseudonymize the sections of many files in one detector batch,
chunk them, and write the files' ``pending`` catalog rows before any of their chunks reaches the store.

Determinism: a file's sections are never split over two batches (each file is one propagation group), and
every batch is pseudonymized against the vault as it was at the job's mark (``known_until``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from llama_index.core import Document
from llama_index.core.schema import BaseNode, TextNode

from ingest.catalog import PENDING, DocumentRecord
from ingest.chunking import FILE_ID, ChunkMetadata, section_document
from ingest.display_names import DISPLAY_KEY, display_name, display_text
from ingest.early_sweep import EarlySweep
from ingest.load_stage import LoadedFile, NotLoaded
from ingest.loaders import Section
from ingest.parts import IngestParts
from ingest.report import IngestFailure
from ingest.stages import Tracker

_FIRST_BATCH_CHARS = 8_000  # the first batches are small so that embedding starts early, then they double
# Batches held back before the write stage while the next is prepared, so that the early sweep
# (ingest/early_sweep.py) also replaces the values found in the next batch (the first batches are small).
EARLY_SWEEP_LOOKAHEAD = 1


@dataclass
class PreparedWork:
    """One batch of chunks for the write stage, with what to do with the catalog around their upsert."""

    started: list[LoadedFile] = field(default_factory=list)  # pending rows written: delete old chunks first
    nodes: list[BaseNode] = field(default_factory=list)
    completed: list[LoadedFile] = field(default_factory=list)  # all chunks sent by now: set ok afterwards
    discarded: list[LoadedFile] = field(default_factory=list)  # failed after some chunks were sent: remove
    bytes_done: int = 0


@dataclass
class Preparer:
    """The prepare stage of one job."""

    parts: IngestParts
    groups: list[str]
    tracker: Tracker
    preparing: threading.Event  # set while a batch is prepared: the embedder leaves this stage a core
    known_until: int | None = None
    metadata: ChunkMetadata = field(init=False)
    early: EarlySweep | None = field(init=False, default=None)  # ingest/early_sweep.py

    def __post_init__(self) -> None:
        ingested_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        self.metadata = ChunkMetadata(self.groups, ingested_at, self.parts.components)
        pseudonymize = self.parts.pseudonymize
        if pseudonymize is not None and self.known_until is not None and self.parts.early_sweep:
            self.early = EarlySweep(pseudonymize.pseudonymizer, self.known_until)

    def run(self, items: Iterable[LoadedFile | NotLoaded], emit: Callable[[PreparedWork], None]) -> None:
        """Prepare the loaded files in batches of about ``batch_chars`` characters, each given to ``emit``
        (with the early sweep: once the next batch is prepared, swept with the values found up to it)."""
        held: list[PreparedWork] = []
        lookahead = EARLY_SWEEP_LOOKAHEAD if self.early is not None else 0

        def send(work: PreparedWork) -> None:
            held.append(work)
            while len(held) > lookahead:
                emit(self._swept(held.pop(0)))

        batch: list[tuple[LoadedFile, Section]] = []
        chars = 0
        limit = min(self.parts.batch_chars, _FIRST_BATCH_CHARS)
        for item in items:
            if isinstance(item, NotLoaded):
                if item.failure is None:
                    self.tracker.update(files=1, nbytes=item.size, unchanged=1)
                else:
                    self.tracker.update(files=1, nbytes=item.size, failure=item.failure)
                continue
            self.tracker.update(current=str(item.path))
            # A file's sections stay in one batch: the file is one propagation group (determinism).
            batch += [(item, section) for section in item.sections]
            chars += item.chars
            if chars >= limit:
                send(self.prepare(batch))
                batch, chars, limit = [], 0, min(self.parts.batch_chars, limit * 2)
        if batch:
            send(self.prepare(batch))
        while held:
            emit(self._swept(held.pop(0)))
        if self.early is not None:
            self.early.close()

    def prepare(self, batch: list[tuple[LoadedFile, Section]]) -> PreparedWork:
        self.preparing.set()
        try:
            return self._prepare(batch)
        finally:
            self.preparing.clear()

    def _prepare(self, batch: list[tuple[LoadedFile, Section]]) -> PreparedWork:
        batch = [(f, s) for f, s in batch if not f.failed]
        try:
            with self.tracker.timed("pseudonymize"):
                texts = self._pseudonymized(batch)
        except Exception:
            texts = self._pseudonymized_file_by_file(batch)
        work = PreparedWork()
        files = list(dict.fromkeys(f for f, _ in batch))
        work.discarded = [f for f in files if f.failed and f.record is not None]
        documents_of: dict[str, list[Document]] = {}
        for (file, section), (text, title) in zip(batch, texts, strict=True):
            if file.failed:
                continue
            if file.record is None and file not in work.started:
                file.title = title  # the first section's title, pseudonymized, goes to the catalog
                work.started.append(file)
            metadata = self.metadata.of(
                file.doc_id, file.source, file.file_type, file.content_hash, section.meta, title
            )
            documents_of.setdefault(file.doc_id, []).append(section_document(section.key, text, metadata))
            file.remaining -= 1
            work.bytes_done += round(file.size * len(section.text) / max(file.chars, 1))
        for file in files:
            if file.failed:
                continue
            with self.tracker.timed("chunk"):
                nodes = self.parts.splitter(documents_of.get(file.doc_id, []))
            file.chunks += len(nodes)
            work.nodes += nodes
            if file.remaining == 0:
                work.completed.append(file)
        # Pending rows before any of their chunks reaches the store.
        for file in work.started:
            file.record = DocumentRecord(
                doc_id=file.doc_id,
                source=file.source,
                path=str(file.path),
                title=file.title,
                content_hash=file.content_hash,
                groups=self.groups,
                status=PENDING,
                chunks=0,
                size_bytes=file.size,
                updated_at=time.time(),
            )
        self.parts.catalog.upsert_many([f.record for f in work.started if f.record is not None])
        return work

    def _swept(self, work: PreparedWork) -> PreparedWork:
        """``work`` with the values the job found so far (in its batch, the earlier ones and the one held
        after it) replaced in its chunks and in its files' titles and display names (the catalog's, which the
        chunks' metadata repeats: the ``ok`` row written after the upsert takes them)."""
        early = self.early
        if early is None:
            return work
        with self.tracker.timed("early_sweep"):
            early.refresh()
            changed = early.apply(work.nodes)
            for file in work.started:
                file.title = early.replace(file.title)
                if file.display:
                    file.display = early.display(file.display)
                if file.record is not None:
                    file.record.title, file.record.source = file.title, file.source
        self.tracker.update(swept_early=changed)
        return work

    def _pseudonymized(self, batch: list[tuple[LoadedFile, Section]]) -> list[tuple[str, str]]:
        """(text, title) of each section with PII replaced; all sections in one detector batch, each file one
        propagation group, against the vault up to ``known_until``."""
        nodes: Sequence[BaseNode] = [
            TextNode(
                text=s.text,
                metadata={
                    "title": str(s.meta.get("title") or f.title),
                    FILE_ID: f.doc_id,
                    DISPLAY_KEY: display_text(f.path),
                },
            )
            for f, s in batch
        ]
        pseudonymize = self.parts.pseudonymize
        if pseudonymize is not None and nodes:
            nodes = pseudonymize(nodes, known_until=self.known_until)
            for (file, _), node in zip(batch, nodes, strict=True):
                file.display = display_name(file.path, str(node.metadata.get(DISPLAY_KEY) or ""))
        return [(n.get_content(), str(n.metadata["title"])) for n in nodes]

    def _pseudonymized_file_by_file(self, batch: list[tuple[LoadedFile, Section]]) -> list[tuple[str, str]]:
        """After a failed batch: each file on its own, so one bad file fails alone."""
        results: dict[int, tuple[str, str]] = {}
        for file in dict.fromkeys(f for f, _ in batch):
            indexes = [i for i, (f, _) in enumerate(batch) if f is file]
            try:
                texts = self._pseudonymized([batch[i] for i in indexes])
            except Exception as exc:
                file.failed = True
                failure = IngestFailure(str(file.path), f"error: {type(exc).__name__}: {exc}", "error")
                self.tracker.update(files=1, nbytes=file.size, failure=failure)
                texts = [("", "")] * len(indexes)
            results.update(zip(indexes, texts, strict=True))
        return [results[i] for i in range(len(batch))]
