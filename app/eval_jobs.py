"""Benchmark runs started through the service: one at a time, each in its own background thread."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ACTIVE = ("queued", "running")
KEEP_FINISHED = 50  # finished jobs remembered for the status endpoint


@dataclass
class EvalJob:
    id: str
    user: str
    kind: str  # retrieval | pii | rag
    dataset: str
    options: dict[str, Any]
    status: str = "queued"  # queued | running | done | failed
    stage: str = ""  # what the run is doing now, in words
    done: int = 0  # items finished, when the benchmark counts them (0/0 = unknown)
    total: int = 0
    error: str = ""
    run: str = ""  # the report's folder name under <home>/reports/<kind>/
    created_at: float = field(default_factory=time.time)
    started_at: float | None = None
    finished_at: float | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total

    def say(self, stage: str) -> None:
        self.stage = stage


Task = Callable[[EvalJob], dict[str, Any]]  # runs the benchmark; returns the command's JSON (with report_dir)


class EvalBusy(RuntimeError):
    """Another benchmark run is queued or running."""


class EvalJobs:
    def __init__(self, on_finish: Callable[[EvalJob], None] | None = None) -> None:
        self._jobs: dict[str, EvalJob] = {}
        self._lock = threading.Lock()
        self._on_finish = on_finish
        self._threads: list[threading.Thread] = []

    def submit(
        self,
        user: str,
        kind: str,
        dataset: str,
        options: dict[str, Any],
        task: Task,
        before_start: Callable[[EvalJob], None] | None = None,
    ) -> EvalJob:
        """Start ``task`` now (``before_start`` first); EvalBusy when another run has not finished."""
        with self._lock:
            busy = next((j for j in self._jobs.values() if j.status in ACTIVE), None)
            if busy is not None:
                raise EvalBusy(f"benchmark job {busy.id} ({busy.kind}, by {busy.user}) is {busy.status}")
            job = EvalJob(uuid.uuid4().hex[:12], user, kind, dataset, options)
            self._jobs[job.id] = job
            self._forget_old()
            if before_start is not None:
                before_start(job)
        thread = threading.Thread(target=self._work, args=(job, task), name=f"eval-{job.id}", daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()
        return job

    def get(self, job_id: str) -> EvalJob | None:
        return self._jobs.get(job_id)

    def all(self) -> list[EvalJob]:
        return sorted(self._jobs.values(), key=lambda j: j.created_at, reverse=True)

    def wait(self, timeout: float | None = None) -> None:
        """Until the running job's thread ends (for shutdown and tests)."""
        for thread in list(self._threads):
            thread.join(timeout)

    def _forget_old(self) -> None:
        finished = [j for j in self.all() if j.status not in ACTIVE]
        for job in finished[KEEP_FINISHED:]:
            del self._jobs[job.id]

    def _work(self, job: EvalJob, task: Task) -> None:
        job.status, job.started_at = "running", time.time()
        try:
            result = task(job)
            job.run = str(result.get("run") or Path(str(result.get("report_dir", ""))).name)
            job.stage = "finished"
            job.status = "done"
        except Exception as exc:  # a failed run is reported, never kills the service
            job.status = "failed"
            job.error = f"{type(exc).__name__}: {exc}"
        job.finished_at = time.time()
        if self._on_finish is not None:
            self._on_finish(job)
