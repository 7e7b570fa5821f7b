"""Ingestion jobs: discover files, skip unchanged ones, load, pseudonymize, chunk, embed, upsert.

Three stages overlap so both cores stay busy: a loader thread reads, hashes and parses the next files; the
calling thread pseudonymizes sections of many files in one detector batch and chunks them; a writer thread
embeds the chunks in large batches (torch releases the GIL) and upserts them.

Crash safety: a file's catalog row is written ``pending`` before any of its chunks is touched in the store,
and set ``ok`` (with its chunk count) only after all its chunks are upserted. Every run starts by deleting the
chunks of rows a crash left ``pending`` (redone when their file is seen again) and by finishing removals left
``deleting``. Chunk ids are deterministic, so an interrupted upsert is overwritten, never duplicated.

Determinism of the text: a file's sections are never split over two pseudonymizer batches, each file is one
propagation group, and every job pseudonymizes against the vault as it was when the job started (its *mark*,
kept in the catalog until the job finishes, so a re-run of an interrupted job reuses it). Files are processed
in sorted order, so surrogate numbers are allocated in the same order by an interrupted run and its re-run
(see ``anonymize.pseudonymizer``). A resumed job thus ends with the very chunk texts of an uninterrupted one.
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from llama_index.core import Document
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.node_parser import NodeParser
from llama_index.core.schema import BaseNode, MetadataMode, TextNode
from llama_index.core.vector_stores.types import BasePydanticVectorStore, MetadataFilter, MetadataFilters

from ingest.catalog import DELETING, OK, PENDING, Catalog, DocumentRecord, document_id
from ingest.discovery import SkippedFile, discover
from ingest.display_names import DISPLAY_KEY, display_name, display_text, sweep_display
from ingest.loaders import LoadError, LoadLimits, Section, load_file
from ingest.sharded_run import ShardedRun
from ingest.sharding import Shard
from ingest.transforms import PseudonymizeTransform

POINT_NAMESPACE = uuid.UUID("6f1c9c52-2a4e-4b8e-9d0e-7a1f3f0c5b11")

# The source file's id in chunk metadata ("doc_id" itself is the vector stores' per-Document key).
FILE_ID = "file_id"
_KEEP_FOR_EMBEDDING = {"title"}
_KEEP_FOR_LLM = {"title", "page", "section"}
_DONE = object()  # end of a stage's input
_EMBED_STEP = 16  # texts per embedding call in a job: 700 files took 28.0 s at 16, 29.8 s at 32, 32.8 s at 64
_SWEEP_BATCH = 256  # chunks re-embedded and rewritten at a time by the end-of-job sweep
_JOB_STATE = "ingest_job"  # catalog state: the running job's key and vault mark, cleared when it finishes


@dataclass
class IngestFailure:
    path: str
    error: str
    kind: str = "error"


@dataclass
class IngestReport:
    files: int = 0
    ingested: int = 0
    unchanged: int = 0
    failed: list[IngestFailure] = field(default_factory=list)
    chunks: int = 0
    removed: int = 0
    ignored: int = 0  # skipped by .privragignore patterns
    skipped: list[SkippedFile] = field(default_factory=list)  # every file not taken, with its reason
    recovered: int = 0  # rows an interrupted run left unfinished, cleaned up at the start
    swept: int = 0  # chunks in which the sweep replaced values this job found elsewhere (see Ingestor.sweep)
    shards_finished: int = 0  # --shard I/N: shards of the run finished so far (the N-th one sweeps)
    stage_seconds: dict[str, float] = field(default_factory=dict)  # busy time of each step, all threads
    seconds: float = 0.0

    def to_json(self) -> dict:
        data = asdict(self)
        data["failed"] = [{"path": f.path, "error": f.error} for f in self.failed]
        data["failed_kinds"] = dict(Counter(f.kind for f in self.failed))
        data["chunks_per_s"] = round(self.chunks / self.seconds, 1) if self.seconds else 0.0
        return data


@dataclass
class IngestProgress:
    files_total: int
    files_done: int
    chunks: int
    current: str
    bytes_total: int = 0
    bytes_done: int = 0
    failed: int = 0
    elapsed: float = 0.0

    @property
    def chunks_per_s(self) -> float:
        return self.chunks / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def files_per_s(self) -> float:
        return self.files_done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta_seconds(self) -> float | None:
        """Time left at the rate of the bytes done so far (large files count for what they are); None before
        anything is done."""
        if self.bytes_total and self.bytes_done >= self.bytes_total:
            return 0.0
        if self.elapsed <= 0 or self.bytes_done <= 0 or not self.bytes_total:
            return None
        return self.elapsed * (self.bytes_total - self.bytes_done) / self.bytes_done


ProgressCallback = Callable[[IngestProgress], None]


def chunk_id(doc_id: str, page: int | str, index: int) -> str:
    """Deterministic point id, so re-running an interrupted upsert overwrites instead of duplicating."""
    return str(uuid.uuid5(POINT_NAMESPACE, f"{doc_id}:{page}:{index}"))


def node_id_func(index: int, doc) -> str:  # type: ignore[no-untyped-def]
    """Chunk ids for the splitter: from the section's Document id ``<file id>:<section key>``."""
    file_id, _, key = str(doc.id_).partition(":")
    if key and file_id == doc.metadata.get(FILE_ID):
        return chunk_id(file_id, key, index)
    return chunk_id(doc.metadata[FILE_ID], doc.metadata.get("page", 0), index)


def _default_title(path: Path) -> str:
    return path.stem.replace("_", " ")


# --- work items flowing between the stages ---------------------------------------------------------


@dataclass(eq=False)  # identity: one object per file in a job
class _File:
    path: Path
    doc_id: str
    content_hash: str
    size: int
    sections: list[Section]
    title: str
    chars: int
    remaining: int  # sections not chunked yet
    record: DocumentRecord | None = None  # set once the pending row is written
    chunks: int = 0
    failed: bool = False
    display: str = ""  # the file name pseudonymized (ingest/display_names.py): shown instead of the path


@dataclass
class _Skipped:
    path: Path
    size: int
    failure: IngestFailure | None = None  # None: unchanged


@dataclass
class _Work:
    started: list[_File]  # pending rows written: delete their old chunks before the upsert
    nodes: list[BaseNode]
    completed: list[_File]  # all their chunks are in ``nodes`` or earlier work: set ok afterwards
    discarded: list[_File]  # failed after some chunks were sent: remove them
    bytes_done: int


class _Tracker:
    """Counts and progress callbacks from every stage, serialized."""

    def __init__(self, report: IngestReport, total: int, total_bytes: int, callback: ProgressCallback | None):
        self.report = report
        self.total = total
        self.total_bytes = total_bytes
        self.callback = callback
        self.done = 0
        self.bytes_done = 0
        self.current = ""
        self.started = time.perf_counter()
        self._lock = threading.Lock()

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        """Add the block's duration to the report's ``stage_seconds[stage]``."""
        started = time.perf_counter()
        try:
            yield
        finally:
            elapsed = time.perf_counter() - started
            with self._lock:
                seconds = self.report.stage_seconds
                seconds[stage] = round(seconds.get(stage, 0.0) + elapsed, 3)

    def update(
        self,
        *,
        files: int = 0,
        nbytes: int = 0,
        chunks: int = 0,
        ingested: int = 0,
        unchanged: int = 0,
        failure: IngestFailure | None = None,
        current: str | None = None,
    ) -> None:
        with self._lock:
            self.done += files
            self.bytes_done += nbytes
            self.report.chunks += chunks
            self.report.ingested += ingested
            self.report.unchanged += unchanged
            if failure is not None:
                self.report.failed.append(failure)
            if current is not None:
                self.current = current
            if self.callback:
                self.callback(
                    IngestProgress(
                        files_total=self.total,
                        files_done=self.done,
                        chunks=self.report.chunks,
                        current=self.current,
                        bytes_total=self.total_bytes,
                        bytes_done=min(self.bytes_done, self.total_bytes),
                        failed=len(self.report.failed),
                        elapsed=time.perf_counter() - self.started,
                    )
                )


class _Stage(threading.Thread):
    """A daemon thread whose exception is kept for the caller to re-raise."""

    def __init__(self, name: str, target: Callable[[], None]) -> None:
        super().__init__(name=name, daemon=True)
        self._target_fn = target
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self._target_fn()
        except BaseException as exc:  # re-raised in the caller's thread
            self.error = exc


class Ingestor:
    """Runs ingestion jobs against one catalog and one vector store."""

    def __init__(
        self,
        *,
        catalog: Catalog,
        vector_store: BasePydanticVectorStore,
        splitter: NodeParser,
        embed_model: BaseEmbedding,
        pseudonymize: PseudonymizeTransform | None,
        components: dict[str, str],
        limits: LoadLimits,
        extensions: Sequence[str],
        batch_chars: int = 100_000,
        overlap_threads: int | None = None,
    ) -> None:
        self.catalog = catalog
        self.vector_store = vector_store
        self.splitter = splitter
        self.embed_model = embed_model
        self.pseudonymize = pseudonymize
        self.components = components
        self.limits = limits
        self.extensions = {e.lower() for e in extensions}
        self.batch_chars = batch_chars
        # Embedding threads while the prepare stage (single-threaded) works: the other cores.
        self.overlap_threads = overlap_threads or max(1, len(os.sched_getaffinity(0)) - 1)

    # --- discovery and recovery ------------------------------------------------------------------

    def recover(self, owned: Callable[[DocumentRecord], bool] | None = None) -> int:
        """Clean up after an interrupted run: chunks of pending rows deleted, unfinished removals finished.

        ``owned`` limits it to some rows: a shard leaves the other shards' (maybe in progress) alone.
        """
        unfinished = [r for r in self.catalog.unfinished() if owned is None or owned(r)]
        for record in unfinished:
            self.delete_chunks(record.doc_id)
            if record.status == DELETING or not Path(record.path).exists():
                self.catalog.remove(record.doc_id)
            elif record.chunks:
                record.chunks = 0
                self.catalog.upsert(record)
        return len(unfinished)

    def rebuild(self) -> None:
        """Drop every chunk and document and record the configured components as the index's."""
        for record in self.catalog.all():
            self.catalog.set_status(record.doc_id, DELETING)
        clear = getattr(self.vector_store, "clear", None)
        if clear is not None:
            clear()
        else:
            for record in self.catalog.all():
                self.delete_chunks(record.doc_id)
        self.catalog.reset_index(self.components)

    # --- a job -----------------------------------------------------------------------------------

    def run(
        self,
        paths: Sequence[Path | str],
        groups: Sequence[str] = (),
        sync: bool = False,
        progress: ProgressCallback | None = None,
        shard: Shard | None = None,
    ) -> IngestReport:
        """Ingest ``paths``. With a ``shard`` only the files it owns (ingest/sharding.py), recovering and
        syncing only its own documents, so N shards on N machines together do what one run does."""
        started = time.perf_counter()
        self.catalog.check_index(self.components)
        roots = [Path(p).expanduser().resolve() for p in paths]
        owned = None if shard is None else (lambda r: shard.owns_source(Path(r.path), roots))
        recovered = self.recover(owned)
        group_list = sorted({g.strip() for g in groups if g.strip()}) or ["all"]
        run = self._sharded_run(shard, paths, group_list)
        known_until = self._job_mark(paths, group_list) if run is None else run.mark
        found = discover((Path(p) for p in paths), self.extensions, shard)
        report = IngestReport(
            files=len(found.files) + len(found.missing), ignored=found.ignored, skipped=found.skipped
        )
        report.recovered = recovered
        report.failed += [
            IngestFailure(str(p), "missing: no such file or directory", "missing") for p in found.missing
        ]
        sizes = {p: _size(p) for p in found.files}
        tracker = _Tracker(report, len(found.files), sum(sizes.values()), progress)
        tracker.update()
        if found.files:
            self._run_stages(found.files, sizes, group_list, tracker, known_until)
        if sync:
            report.removed = self.sync([Path(p) for p in paths], set(map(str, found.files)), shard)
        if run is not None:
            finished = run.finish(self.catalog)
            report.shards_finished = len(finished)
            if run.complete(finished):  # the last shard sweeps for the whole run, as one run does at its end
                with tracker.timed("sweep"):
                    report.swept = self.sweep(run.mark)
                run.close(self.catalog)
        elif known_until is not None:
            with tracker.timed("sweep"):
                report.swept = self.sweep(known_until)
        if run is None:
            self.catalog.set_state(_JOB_STATE, None)
        report.seconds = round(time.perf_counter() - started, 3)
        tracker.update(current="")
        return report

    def sweep(self, since: int) -> int:
        """Replace, in every stored chunk, the values the vault received after entry ``since`` (this job's
        mark) that are still in clear: a name detected in one file is replaced where the detector missed it
        in another, of this job or an earlier one. Deterministic and idempotent, so a job killed during its
        sweep ends the same when re-run (its mark is kept until the sweep is done). Returns the number of
        chunks changed.

        One scroll finds the documents with a chunk to change (nothing is written while it scrolls); then
        each such document is rewritten whole (same ids, re-embedded): a chunk's BM25 vector also covers its
        neighbours (``retrieval/sparse_context.py``), so they are written together from their final texts
        and no sparse vector keeps a replaced value."""
        sweep = self.pseudonymize.sweeper(since) if self.pseudonymize is not None else None
        if sweep is None:
            return 0
        titles: dict[str, str] = {}  # title -> swept title (a document's title is in each of its chunks)
        names: dict[str, str] = {}  # display name -> swept display name

        def swept(node: BaseNode) -> bool:
            """Sweep ``node`` in place; whether its text, title or display name changed."""
            text, title = node.get_content(), str(node.metadata.get("title") or "")
            if title not in titles:
                titles[title] = sweep(title)
            source = str(node.metadata.get("source") or "")
            if source not in names:
                names[source] = sweep_display(source, sweep)
            new_text, new_title = sweep(text), titles[title]
            if new_title != title:
                node.metadata["title"] = new_title
            if names[source] != source:
                node.metadata["source"] = names[source]
            if new_text != text:
                node.set_content(new_text)
            return new_text != text or new_title != title or names[source] != source

        affected: dict[str, None] = {}  # doc ids in scroll order, once each
        changed = 0
        for node in self._stored_nodes():
            if swept(node):
                changed += 1
                affected[str(node.metadata.get(FILE_ID, ""))] = None
        batch: list[BaseNode] = []
        new_titles: dict[str, str] = {}  # doc id -> swept title, for the catalog
        new_names: dict[str, str] = {}  # doc id -> swept display name, for the catalog
        for doc_id in affected:
            match = MetadataFilters(filters=[MetadataFilter(key=FILE_ID, value=doc_id)])
            nodes = self.vector_store.get_nodes(filters=match)
            for node in nodes:
                if swept(node):
                    new_titles[doc_id] = str(node.metadata.get("title") or "")
                    new_names[doc_id] = str(node.metadata.get("source") or "")
            batch += nodes
            if len(batch) >= _SWEEP_BATCH:  # whole documents at a time: memory stays bounded
                self._rewrite(batch)
                batch = []
        self._rewrite(batch)
        self.catalog.set_titles({doc_id: t for doc_id, t in new_titles.items() if doc_id})
        self.catalog.set_sources({doc_id: n for doc_id, n in new_names.items() if doc_id and n})
        if changed and hasattr(self.vector_store, "flush"):
            self.vector_store.flush()
        return changed

    def _rewrite(self, nodes: list[BaseNode]) -> int:
        """Re-embed ``nodes`` and write them over their stored versions (same ids)."""
        if not nodes:
            return 0
        texts = [n.get_content(metadata_mode=MetadataMode.EMBED) for n in nodes]
        for node, vector in zip(nodes, self._embed(texts, threading.Event()), strict=True):
            node.embedding = vector
        self.vector_store.add(nodes)
        return len(nodes)

    def _stored_nodes(self) -> Iterator[BaseNode]:
        """Every chunk in the store: one scroll when the store offers it, else document by document (by the
        indexed file id); memory stays bounded either way."""
        iter_nodes = getattr(self.vector_store, "iter_nodes", None)
        if iter_nodes is not None:
            yield from iter_nodes()
            return
        for record in self.catalog.all():
            match = MetadataFilters(filters=[MetadataFilter(key=FILE_ID, value=record.doc_id)])
            yield from self.vector_store.get_nodes(filters=match)

    def _sharded_run(
        self, shard: Shard | None, paths: Sequence[Path | str], groups: list[str]
    ) -> ShardedRun | None:
        """The sharded run this shard joins (its shared vault mark), when there is a shard and a vault."""
        if shard is None or self.pseudonymize is None:
            return None
        return ShardedRun.join(self.catalog, shard, paths, groups, self.pseudonymize.vault_mark)

    def _job_mark(self, paths: Sequence[Path | str], groups: list[str]) -> int | None:
        """The vault mark this job pseudonymizes against: the one an interrupted run of the same job recorded,
        else the vault's state now (recorded until the job finishes)."""
        if self.pseudonymize is None:
            return None
        # Hashed: paths can name people, and the home keeps no raw value (an interrupted job leaves this row).
        job = json.dumps([sorted(str(Path(p).expanduser().resolve()) for p in paths), groups])
        key = hashlib.sha256(job.encode()).hexdigest()
        recorded = self.catalog.state(_JOB_STATE)
        if recorded is not None:
            interrupted = json.loads(recorded)
            if interrupted.get("key") == key:
                return int(interrupted["vault_mark"])
        mark = self.pseudonymize.vault_mark()
        self.catalog.set_state(_JOB_STATE, json.dumps({"key": key, "vault_mark": mark}))
        return mark

    def _run_stages(
        self,
        files: list[Path],
        sizes: dict[Path, int],
        groups: list[str],
        tracker: _Tracker,
        known_until: int | None = None,
    ) -> None:
        stop = threading.Event()
        loaded: queue.Queue[Any] = queue.Queue(maxsize=8)
        work: queue.Queue[Any] = queue.Queue(maxsize=2)
        known = {r.doc_id: r for r in self.catalog.all()}
        loader = _Stage(
            "ingest-loader", lambda: self._load_stage(files, sizes, groups, known, loaded, stop, tracker)
        )
        preparing = threading.Event()  # the prepare stage is busy: embeddings leave it a core
        writer = _Stage("ingest-writer", lambda: self._write_stage(work, tracker, stop, preparing))
        loader.start()
        writer.start()
        try:
            self._prepare_stage(
                _drain(loaded, loader, stop),
                groups,
                tracker,
                lambda w: _put(work, w, writer),
                preparing,
                known_until,
            )
            _put(work, _DONE, writer)
            writer.join()
        finally:
            stop.set()
            loader.join(timeout=30)
            writer.join(timeout=60)
        for stage in (loader, writer):
            if stage.error is not None:
                raise stage.error

    # stage 1: read, hash, skip unchanged, parse
    def _load_stage(
        self,
        files: list[Path],
        sizes: dict[Path, int],
        groups: list[str],
        known: dict[str, DocumentRecord],
        out: queue.Queue[Any],
        stop: threading.Event,
        tracker: _Tracker,
    ) -> None:
        for path in files:
            if stop.is_set():
                return
            with tracker.timed("load"):
                item = self._load_one(path, sizes[path], groups, known)
            while not stop.is_set():
                try:
                    out.put(item, timeout=0.2)
                    break
                except queue.Full:
                    continue
        while not stop.is_set():
            try:
                out.put(_DONE, timeout=0.2)
                return
            except queue.Full:
                continue

    def _load_one(
        self, path: Path, size: int, groups: list[str], known: dict[str, DocumentRecord]
    ) -> _File | _Skipped:
        try:
            if size > self.limits.max_bytes:
                raise LoadError("too_large", f"file is {size} bytes, the limit is {self.limits.max_bytes}")
            data = path.read_bytes()
            content_hash = hashlib.sha256(data).hexdigest()
            doc_id = document_id(path)
            previous = known.get(doc_id)
            if (
                previous is not None
                and previous.status == OK
                and (previous.content_hash, previous.groups) == (content_hash, groups)
            ):
                return _Skipped(path, size)
            sections = load_file(path, data, self.limits)
        except LoadError as exc:
            return _Skipped(path, size, IngestFailure(str(path), f"{exc.kind}: {exc}", exc.kind))
        except OSError as exc:
            message = f"unreadable: {exc.strerror or exc}"
            return _Skipped(path, size, IngestFailure(str(path), message, "unreadable"))
        title = next((str(s.meta["title"]) for s in sections if s.meta.get("title")), _default_title(path))
        chars = sum(len(s.text) for s in sections)
        return _File(path, doc_id, content_hash, len(data), sections, title, chars, len(sections))

    # stage 2: pseudonymize many files' sections in one batch, chunk, write pending rows
    def _prepare_stage(
        self,
        items: Iterator[_File | _Skipped],
        groups: list[str],
        tracker: _Tracker,
        emit: Callable[[_Work], None],
        preparing: threading.Event,
        known_until: int | None = None,
    ) -> None:
        ingested_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        batch: list[tuple[_File, Section]] = []
        chars = 0
        # The first batches are small so that embedding starts early; then they grow to batch_chars.
        limit = min(self.batch_chars, 8_000)
        for item in items:
            if isinstance(item, _Skipped):
                if item.failure is None:
                    tracker.update(files=1, nbytes=item.size, unchanged=1)
                else:
                    tracker.update(files=1, nbytes=item.size, failure=item.failure)
                continue
            tracker.update(current=str(item.path))
            # A file's sections stay in one batch: the file is one propagation group (determinism).
            batch += [(item, section) for section in item.sections]
            chars += item.chars
            if chars >= limit:
                emit(self._prepare_batch(batch, groups, ingested_at, tracker, preparing, known_until))
                batch, chars, limit = [], 0, min(self.batch_chars, limit * 2)
        if batch:
            emit(self._prepare_batch(batch, groups, ingested_at, tracker, preparing, known_until))

    def _prepare_batch(
        self,
        batch: list[tuple[_File, Section]],
        groups: list[str],
        ingested_at: str,
        tracker: _Tracker,
        preparing: threading.Event,
        known_until: int | None = None,
    ) -> _Work:
        preparing.set()
        try:
            return self._prepare_work(batch, groups, ingested_at, tracker, known_until)
        finally:
            preparing.clear()

    def _prepare_work(
        self,
        batch: list[tuple[_File, Section]],
        groups: list[str],
        ingested_at: str,
        tracker: _Tracker,
        known_until: int | None = None,
    ) -> _Work:
        batch = [(f, s) for f, s in batch if not f.failed]
        try:
            with tracker.timed("pseudonymize"):
                texts = self._pseudonymized(batch, known_until)
        except Exception:
            texts = self._pseudonymized_file_by_file(batch, tracker, known_until)
        work = _Work([], [], [], [], 0)
        files = list(dict.fromkeys(f for f, _ in batch))
        work.discarded = [f for f in files if f.failed and f.record is not None]
        documents_of: dict[str, list[Document]] = {}
        for (file, section), (text, title) in zip(batch, texts, strict=True):
            if file.failed:
                continue
            if file.record is None and file not in work.started:
                file.title = title  # the first section's title, pseudonymized, goes to the catalog
                work.started.append(file)
            metadata: dict[str, Any] = {
                FILE_ID: file.doc_id,
                "source": file.display or file.path.name,
                "file_type": file.path.suffix.lower().lstrip("."),
                "groups": groups,
                "content_hash": file.content_hash,
                "ingested_at": ingested_at,
                **self.components,
                **section.meta,
                "title": title,
            }
            document = Document(
                id_=f"{file.doc_id}:{section.key}",
                text=text,
                metadata=metadata,
                excluded_embed_metadata_keys=[k for k in metadata if k not in _KEEP_FOR_EMBEDDING],
                excluded_llm_metadata_keys=[k for k in metadata if k not in _KEEP_FOR_LLM],
            )
            documents_of.setdefault(file.doc_id, []).append(document)
            file.remaining -= 1
            work.bytes_done += round(file.size * len(section.text) / max(file.chars, 1))
        for file in files:
            if file.failed:
                continue
            with tracker.timed("chunk"):
                nodes = self.splitter(documents_of.get(file.doc_id, []))
            file.chunks += len(nodes)
            work.nodes += nodes
            if file.remaining == 0:
                work.completed.append(file)
        # Pending rows before any of their chunks reaches the store.
        for file in work.started:
            file.record = DocumentRecord(
                doc_id=file.doc_id,
                source=file.display or file.path.name,
                path=str(file.path),
                title=file.title,
                content_hash=file.content_hash,
                groups=groups,
                status=PENDING,
                chunks=0,
                size_bytes=file.size,
                updated_at=time.time(),
            )
        self.catalog.upsert_many([f.record for f in work.started if f.record is not None])
        return work

    def _pseudonymized(
        self, batch: list[tuple[_File, Section]], known_until: int | None = None
    ) -> list[tuple[str, str]]:
        """(text, title) of each section with PII replaced; all sections in one detector batch, each file one
        propagation group, against the vault up to ``known_until``."""
        nodes = [
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
        if self.pseudonymize is not None and nodes:
            nodes = self.pseudonymize(nodes, known_until=known_until)
            for (file, _), node in zip(batch, nodes, strict=True):
                file.display = display_name(file.path, str(node.metadata.get(DISPLAY_KEY) or ""))
        return [(n.get_content(), str(n.metadata["title"])) for n in nodes]

    def _pseudonymized_file_by_file(
        self, batch: list[tuple[_File, Section]], tracker: _Tracker, known_until: int | None = None
    ) -> list[tuple[str, str]]:
        """After a failed batch: each file on its own, so one bad file fails alone."""
        results: dict[int, tuple[str, str]] = {}
        for file in dict.fromkeys(f for f, _ in batch):
            indexes = [i for i, (f, _) in enumerate(batch) if f is file]
            try:
                texts = self._pseudonymized([batch[i] for i in indexes], known_until)
            except Exception as exc:
                file.failed = True
                failure = IngestFailure(str(file.path), f"error: {type(exc).__name__}: {exc}", "error")
                tracker.update(files=1, nbytes=file.size, failure=failure)
                texts = [("", "")] * len(indexes)
            results.update(zip(indexes, texts, strict=True))
        return [results[i] for i in range(len(batch))]

    # stage 3: embed, upsert, mark ok
    def _write_stage(
        self, work: queue.Queue[Any], tracker: _Tracker, stop: threading.Event, preparing: threading.Event
    ) -> None:
        while True:
            try:
                item = work.get(timeout=0.2)
            except queue.Empty:
                if stop.is_set():
                    return
                continue
            if item is _DONE:
                return
            self._write(item, tracker, preparing)

    def _write(self, work: _Work, tracker: _Tracker, preparing: threading.Event) -> None:
        with tracker.timed("delete_old"):
            for file in work.discarded:
                self.delete_chunks(file.doc_id)
                self.catalog.remove(file.doc_id)
            for file in work.started:
                self.delete_chunks(file.doc_id)  # the previous version's chunks, or a crashed run's
        if work.nodes:
            texts = [n.get_content(metadata_mode=MetadataMode.EMBED) for n in work.nodes]
            with tracker.timed("embed"):
                vectors = self._embed(texts, preparing)
            for node, embedding in zip(work.nodes, vectors, strict=True):
                node.embedding = embedding
            with tracker.timed("upsert"):
                self.vector_store.add(work.nodes)
        done = [f for f in work.completed if not f.failed and f.record is not None]
        for file in done:
            assert file.record is not None
            file.record.status = OK
            file.record.chunks = file.chunks
        with tracker.timed("catalog"):
            self.catalog.upsert_many([f.record for f in done if f.record is not None])
        tracker.update(files=len(done), nbytes=work.bytes_done, chunks=len(work.nodes), ingested=len(done))

    def _embed(self, texts: list[str], preparing: threading.Event) -> list[list[float]]:
        """Embeddings of ``texts``: sorted by length, in small batches, one core left to the prepare stage
        while it works (both cores otherwise). The thread count is chosen again every ``_EMBED_STEP`` texts,
        so the embedder follows the prepare stage closely: with 64-text batches a batch begun on both cores
        ran on while the prepare stage came back (`privrag bench ingest`)."""
        embed_texts = getattr(self.embed_model, "embed_texts", None)
        if embed_texts is None:
            return self.embed_model.get_text_embedding_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        size = max(1, min(_EMBED_STEP, getattr(self.embed_model, "embed_batch_size", 64)))
        vectors: list[list[float]] = [[] for _ in texts]
        for start in range(0, len(order), size):
            batch = order[start : start + size]
            threads = self.overlap_threads if preparing.is_set() else None
            for index, vector in zip(
                batch, embed_texts([texts[i] for i in batch], threads=threads), strict=True
            ):
                vectors[index] = vector
        return vectors

    # --- single documents ------------------------------------------------------------------------

    def delete(self, doc_id_or_path: str) -> DocumentRecord | None:
        """Remove one document's chunks (by indexed payload filter) and its catalog row."""
        record = self.catalog.find(doc_id_or_path)
        if record is None:
            path = Path(doc_id_or_path).expanduser()
            record = self.catalog.get(document_id(path)) or self.catalog.find(str(path.resolve()))
        if record is None:
            return None
        self.catalog.set_status(record.doc_id, DELETING)  # a crash from here on: the next run finishes
        self.delete_chunks(record.doc_id)
        self.catalog.remove(record.doc_id)
        return record

    def delete_chunks(self, doc_id: str) -> None:
        """Every chunk of one source file, by an indexed payload filter (not a scan)."""
        self.vector_store.delete_nodes(
            filters=MetadataFilters(filters=[MetadataFilter(key=FILE_ID, value=doc_id)])
        )

    def sync(self, roots: Sequence[Path], present: set[str], shard: Shard | None = None) -> int:
        """Delete documents under ``roots`` that this run did not find (file gone, or now ignored).

        With a ``shard``: only among the documents that shard owns.
        """
        resolved = [r.expanduser().resolve() for r in roots]
        removed = 0
        for record in self.catalog.all():
            source = Path(record.path)
            if shard is None:
                under = any(source == r or r in source.parents for r in resolved)
            else:
                under = shard.owns_source(source, resolved)
            if under and record.path not in present:
                self.delete(record.doc_id)
                removed += 1
        return removed


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _drain(items: queue.Queue[Any], producer: _Stage, stop: threading.Event) -> Iterator[Any]:
    """Items of a stage's output queue until its end marker; raises the producer's error."""
    while True:
        try:
            item = items.get(timeout=0.2)
        except queue.Empty:
            if producer.error is not None:
                raise producer.error from None
            if (not producer.is_alive() or stop.is_set()) and items.empty():
                raise RuntimeError(f"{producer.name} stopped without finishing") from None
            continue
        if item is _DONE:
            return
        yield item


def _put(work: queue.Queue[Any], item: Any, consumer: _Stage) -> None:
    """Hand work to a stage; raises the consumer's error instead of waiting on a dead stage."""
    while True:
        if consumer.error is not None:
            raise consumer.error
        if not consumer.is_alive():
            raise RuntimeError(f"{consumer.name} stopped without finishing")
        try:
            work.put(item, timeout=0.2)
            return
        except queue.Full:
            continue
