"""Background ingestion jobs run by one worker thread of the service, while chat keeps serving."""

from __future__ import annotations

import queue
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from ingest.pipeline import IngestProgress, IngestReport


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


Runner = Callable[[Job, Callable[[IngestProgress], None]], IngestReport]


class JobQueue:
    def __init__(self, runner: Runner) -> None:
        self._runner = runner
        self._jobs: dict[str, Job] = {}
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._thread = threading.Thread(target=self._work, name="ingest-worker", daemon=True)
        self._thread.start()

    def submit(self, user: str, paths: list[str], groups: list[str], sync: bool = False) -> Job:
        job = Job(id=uuid.uuid4().hex[:12], user=user, paths=paths, groups=groups, sync=sync)
        self._jobs[job.id] = job
        self._queue.put(job)
        return job

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def all(self) -> list[Job]:
        return sorted(self._jobs.values(), key=lambda j: j.created_at, reverse=True)

    def stop(self) -> None:
        self._queue.put(None)

    def _work(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            job.status = "running"

            def progress(p: IngestProgress, job: Job = job) -> None:
                job.files_total, job.files_done, job.chunks, job.current = (
                    p.files_total,
                    p.files_done,
                    p.chunks,
                    p.current,
                )
                job.bytes_total, job.bytes_done, job.failed = p.bytes_total, p.bytes_done, p.failed
                job.elapsed = round(p.elapsed, 3)
                job.files_per_s, job.chunks_per_s = round(p.files_per_s, 3), round(p.chunks_per_s, 3)
                eta = p.eta_seconds
                job.eta_seconds = None if eta is None else round(eta, 1)

            try:
                report = self._runner(job, progress)
                job.report = report.to_json()
                job.status = "done"
            except Exception as exc:  # a job failure is reported, never kills the worker
                job.status = "failed"
                job.error = f"{type(exc).__name__}: {exc}"
            job.finished_at = time.time()
