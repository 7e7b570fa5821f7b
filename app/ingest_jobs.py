"""Ingestion jobs of the service: what a job records, how its progress is kept, the totals of forgotten jobs.

Jobs run on the service's ingestion queue (``app.jobs.JobQueue``): one at a time, while chat keeps serving.
Uploaded files are removed from the home once their job ends, whether it failed or not.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.jobs import JobQueue, new_job_id
from app.uploads import discard_uploads

if TYPE_CHECKING:  # the pipeline's types, for annotations only: the queue never builds them
    from ingest.report import IngestProgress, IngestReport


@dataclass
class Job:
    id: str
    user: str
    paths: list[str]
    groups: list[str]
    sync: bool
    status: str = "queued"  # queued | running | done | failed
    files_total: int = 0
    files_done: int = 0
    chunks: int = 0
    current: str = ""
    # progress as the CLI shows it: bytes (the ETA's basis), rates and the time left (None: not known yet)
    bytes_total: int = 0
    bytes_done: int = 0
    failed: int = 0
    elapsed: float = 0.0
    files_per_s: float = 0.0
    chunks_per_s: float = 0.0
    eta_seconds: float | None = None
    error: str = ""
    report: dict = field(default_factory=dict)
    created_at: float = field(default_factory=time.time)
    finished_at: float | None = None

    def to_json(self) -> dict:
        return asdict(self)

    def record(self, p: IngestProgress) -> None:
        """Keep the pipeline's progress on the job (rounded as the status routes show it)."""
        self.files_total, self.files_done, self.chunks, self.current = (
            p.files_total,
            p.files_done,
            p.chunks,
            p.current,
        )
        self.bytes_total, self.bytes_done, self.failed = p.bytes_total, p.bytes_done, p.failed
        self.elapsed = round(p.elapsed, 3)
        self.files_per_s, self.chunks_per_s = round(p.files_per_s, 3), round(p.chunks_per_s, 3)
        eta = p.eta_seconds
        self.eta_seconds = None if eta is None else round(eta, 1)


def new_job(user: str, paths: list[str], groups: list[str], sync: bool = False) -> Job:
    return Job(id=new_job_id(), user=user, paths=paths, groups=groups, sync=sync)


Ingest = Callable[[Job, Callable[["IngestProgress"], None]], "IngestReport"]


@dataclass
class IngestTotals:
    """What the jobs the queue no longer remembers added up to (the metrics' counters never go down)."""

    by_status: dict[str, int] = field(default_factory=dict)
    files_done: int = 0
    failed: int = 0
    chunks: int = 0
    elapsed: float = 0.0

    def add(self, job: Job) -> None:
        self.by_status[job.status] = self.by_status.get(job.status, 0) + 1
        self.files_done += job.files_done
        self.failed += job.failed
        self.chunks += job.chunks
        self.elapsed += job.elapsed


class IngestJobs(JobQueue[Job]):
    """The ingestion queue: ``ingest`` runs a job's files with a progress callback; ``retired`` holds the
    totals of the finished jobs it has forgotten."""

    def __init__(self, ingest: Ingest, keep_finished: int | None = None) -> None:
        self.retired = IngestTotals()

        def run(job: Job) -> None:
            job.report = ingest(job, job.record).to_json()

        extra: dict[str, Any] = {} if keep_finished is None else {"keep_finished": keep_finished}
        super().__init__("ingest", run, on_forget=self.retired.add, **extra)


def discarding_uploads(ingest: Ingest, uploads: Path) -> Ingest:
    """``ingest``, after which the job's files under ``uploads`` are removed (failed or not)."""

    def run(job: Job, progress: Callable[[IngestProgress], None]) -> IngestReport:
        try:
            return ingest(job, progress)
        finally:
            discard_uploads(uploads, job.paths)

    return run
