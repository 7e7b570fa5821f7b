"""One ingestion job: discover files, skip unchanged ones, load, pseudonymize, chunk, embed, upsert, sweep.

Three stages overlap so both cores stay busy: a loader thread reads, hashes and parses the next files
(``ingest/load_stage.py``); the calling thread pseudonymizes sections of many files in one detector batch
and chunks them (``ingest/prepare_stage.py``); a writer thread embeds the chunks in large batches (torch
releases the GIL) and upserts them (``ingest/write_stage.py``). ``ingest/stages.py`` holds the threads and
queues between them.

Crash safety: a file's catalog row is written ``pending`` before any of its chunks is touched in the store,
and set ``ok`` (with its chunk count) only after all its chunks are upserted. Every run starts by deleting the
chunks of rows a crash left ``pending`` (redone when their file is seen again) and by finishing removals left
``deleting`` (``ingest/maintenance.py``). Chunk ids are deterministic, so an interrupted upsert is
overwritten, never duplicated.

Determinism of the text: a file's sections are never split over two pseudonymizer batches, each file is one
propagation group, and every job pseudonymizes against the vault as it was when the job started (its *mark*,
kept in the catalog until the job finishes, so a re-run of an interrupted job reuses it). Files are processed
in sorted order, so surrogate numbers are allocated in the same order by an interrupted run and its re-run
(see ``anonymize.pseudonymizer``). A resumed job thus ends with the very chunk texts of an uninterrupted one;
its end-of-job sweep (``ingest/sweep.py``) then replaces values found in one file where another holds them.
"""

from __future__ import annotations

import hashlib
import json
import queue
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ingest import index_version, maintenance
from ingest.catalog import DocumentRecord, document_id
from ingest.discovery import discover
from ingest.load_stage import FileLoader, load_stage
from ingest.parts import IngestParts
from ingest.prepare_stage import Preparer
from ingest.report import IngestFailure, IngestReport, ProgressCallback
from ingest.sharded_run import ShardedRun
from ingest.sharding import Shard
from ingest.stages import DONE, Stage, Tracker, consume, drain, put
from ingest.sweep import sweep
from ingest.write_stage import Writer

_JOB_STATE = "ingest_job"  # catalog state: the running job's key and vault mark, cleared when it finishes


def run_job(
    parts: IngestParts,
    paths: Sequence[Path | str],
    groups: Sequence[str] = (),
    sync: bool = False,
    progress: ProgressCallback | None = None,
    shard: Shard | None = None,
) -> IngestReport:
    """Ingest ``paths`` for ``groups``. ``sync``: also remove documents under ``paths`` no longer found.
    With a ``shard`` only the files it owns (ingest/sharding.py), recovering and syncing only its own
    documents, so N shards on N machines together do what one run does."""
    started = time.perf_counter()
    catalog, store = parts.catalog, parts.vector_store
    catalog.check_index(parts.components)
    index_version.bump(catalog)  # before any change (a crashed run leaves a new version too) and after all
    roots = [Path(p).expanduser().resolve() for p in paths]

    def owned(record: DocumentRecord) -> bool:
        return shard is None or shard.owns_source(Path(record.path), roots)

    recovered = maintenance.recover(catalog, store, None if shard is None else owned)
    group_list = sorted({g.strip() for g in groups if g.strip()}) or ["all"]
    run = _sharded_run(parts, shard, paths, group_list)
    known_until = _job_mark(parts, paths, group_list) if run is None else run.mark
    found = discover((Path(p) for p in paths), parts.extensions, shard)
    report = IngestReport(
        files=len(found.files) + len(found.missing), ignored=found.ignored, skipped=found.skipped
    )
    report.recovered = recovered
    report.failed += [
        IngestFailure(str(p), "missing: no such file or directory", "missing") for p in found.missing
    ]
    sizes = {p: _size(p) for p in found.files}
    tracker = Tracker(report, len(found.files), sum(sizes.values()), progress)
    tracker.update()
    if found.files:
        run_stages(parts, found.files, sizes, group_list, tracker, known_until)
    if sync:
        present = set(map(str, found.files))
        report.removed = maintenance.sync(catalog, store, [Path(p) for p in paths], present, shard)
    if run is not None:
        finished = run.finish(catalog)
        report.shards_finished = len(finished)
        if run.complete(finished):  # the last shard sweeps for the whole run, as one run does at its end
            with tracker.timed("sweep"):
                report.swept = sweep(catalog, store, parts.embed_model, parts.pseudonymize, run.mark)
            run.close(catalog)
    elif known_until is not None:
        with tracker.timed("sweep"):
            report.swept = sweep(catalog, store, parts.embed_model, parts.pseudonymize, known_until)
    if run is None:
        catalog.set_state(_JOB_STATE, None)
    index_version.bump(catalog)
    report.seconds = round(time.perf_counter() - started, 3)
    tracker.update(current="")
    return report


def run_stages(
    parts: IngestParts,
    files: list[Path],
    sizes: dict[Path, int],
    groups: list[str],
    tracker: Tracker,
    known_until: int | None = None,
) -> None:
    """Load, prepare and write ``files``: the loader and writer in their own threads, the prepare stage in
    this one; the first error of any stage stops the others and is raised here."""
    stop = threading.Event()
    loaded: queue.Queue[Any] = queue.Queue(maxsize=8)
    work: queue.Queue[Any] = queue.Queue(maxsize=2)
    loader = FileLoader(parts.limits, groups, parts.catalog.versions(document_id(p) for p in files))
    load = Stage("ingest-loader", lambda: load_stage(loader, files, sizes, loaded, stop, tracker))
    preparing = threading.Event()  # the prepare stage is busy: embeddings leave it a core
    writer = Writer(
        parts.catalog,
        parts.vector_store,
        parts.embed_model,
        parts.overlap_threads,
        tracker,
        preparing,
        parts.release_heap,
    )
    write = Stage("ingest-writer", lambda: consume(work, stop, writer.write))
    preparer = Preparer(parts, groups, tracker, preparing, known_until)
    load.start()
    write.start()
    try:
        preparer.run(drain(loaded, load, stop), lambda w: put(work, w, write))
        put(work, DONE, write)
        write.join()
    finally:
        stop.set()
        load.join(timeout=30)
        write.join(timeout=60)
    for stage in (load, write):
        if stage.error is not None:
            raise stage.error


def _sharded_run(
    parts: IngestParts, shard: Shard | None, paths: Sequence[Path | str], groups: list[str]
) -> ShardedRun | None:
    """The sharded run this shard joins (its shared vault mark), when there is a shard and a vault."""
    if shard is None or parts.pseudonymize is None:
        return None
    return ShardedRun.join(parts.catalog, shard, paths, groups, parts.pseudonymize.vault_mark)


def _job_mark(parts: IngestParts, paths: Sequence[Path | str], groups: list[str]) -> int | None:
    """The vault mark this job pseudonymizes against: the one an interrupted run of the same job recorded,
    else the vault's state now (recorded until the job finishes)."""
    if parts.pseudonymize is None:
        return None
    # Hashed: paths can name people, and the home keeps no raw value (an interrupted job leaves this row).
    job = json.dumps([sorted(str(Path(p).expanduser().resolve()) for p in paths), groups])
    key = hashlib.sha256(job.encode()).hexdigest()
    recorded = parts.catalog.state(_JOB_STATE)
    if recorded is not None:
        interrupted = json.loads(recorded)
        if interrupted.get("key") == key:
            return int(interrupted["vault_mark"])
    mark = parts.pseudonymize.vault_mark()
    parts.catalog.set_state(_JOB_STATE, json.dumps({"key": key, "vault_mark": mark}))
    return mark


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
