"""One job queue for the service's background work: ingestion jobs and benchmark runs alike.

A queue runs its jobs in order on one worker thread while the service keeps serving, sets each job's status
(queued, running, done, failed), error and end time, and remembers its last ``keep_finished`` finished jobs
for the status routes (older ones are handed to ``on_forget``). An ``exclusive`` queue refuses a job while
another is queued or running (``JobBusy``). A failing job is reported on the job, never kills the worker.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

ACTIVE = ("queued", "running")
KEEP_FINISHED = 50  # finished jobs remembered per queue for the status routes

log = logging.getLogger("privrag.jobs")


class QueuedJob(Protocol):
    """What the queue reads and sets on a job (the job's own fields say what it does)."""

    id: str
    user: str
    status: str
    error: str
    created_at: float
    finished_at: float | None

    def to_json(self) -> dict[str, Any]: ...


J = TypeVar("J", bound=QueuedJob)


def new_job_id() -> str:
    return uuid.uuid4().hex[:12]


class JobBusy(RuntimeError):
    """An exclusive queue already has a job queued or running."""


class JobQueue(Generic[J]):
    """Jobs of one kind run in order by one worker thread (see the module doc)."""

    def __init__(
        self,
        name: str,
        run: Callable[[J], None],
        *,
        exclusive: bool = False,
        keep_finished: int = KEEP_FINISHED,
        on_finish: Callable[[J], None] | None = None,
        on_forget: Callable[[J], None] | None = None,
        label: Callable[[J], str] | None = None,
    ) -> None:
        self.name = name
        self._label = label or (lambda j: f"{name} job {j.id} (by {j.user})")
        self._run = run
        self._exclusive = exclusive
        self._keep = keep_finished
        self._on_finish = on_finish
        self._on_forget = on_forget
        self._jobs: dict[str, J] = {}
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._queue: queue.Queue[J | None] = queue.Queue()
        self._thread = threading.Thread(target=self._work, name=f"{name}-worker", daemon=True)
        self._thread.start()

    def submit(self, job: J, before_start: Callable[[J], None] | None = None) -> J:
        """Queue ``job`` (``before_start`` first, under the lock); ``JobBusy`` when exclusive and busy."""
        with self._lock:
            if self._exclusive:
                busy = next((j for j in self._jobs.values() if j.status in ACTIVE), None)
                if busy is not None:
                    raise JobBusy(f"{self._label(busy)} is {busy.status}")
            self._jobs[job.id] = job
            self._forget_old()
            if before_start is not None:
                before_start(job)
        self._queue.put(job)
        return job

    def get(self, job_id: str) -> J | None:
        return self._jobs.get(job_id)

    def json_of(self, job_id: str) -> dict[str, Any] | None:
        """The job's JSON, None when the queue does not know it (any more)."""
        job = self._jobs.get(job_id)
        return None if job is None else job.to_json()

    def all(self) -> list[J]:
        """The jobs remembered, newest first."""
        return sorted(list(self._jobs.values()), key=lambda j: j.created_at, reverse=True)

    def stop(self) -> None:
        """End the worker after the jobs already queued."""
        self._queue.put(None)

    def wait(self, timeout: float | None = None) -> bool:
        """Until no job is queued or running (shutdown and tests); False when ``timeout`` passed first."""
        with self._changed:
            return self._changed.wait_for(
                lambda: not any(j.status in ACTIVE for j in self._jobs.values()), timeout
            )

    def _forget_old(self) -> None:
        finished = [j for j in self.all() if j.status not in ACTIVE]
        for job in finished[self._keep :]:
            del self._jobs[job.id]
            if self._on_forget is not None:
                self._on_forget(job)

    def _work(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            job.status = "running"
            try:
                self._run(job)
                job.status = "done"
            except Exception as exc:  # a job failure is reported, never kills the worker
                job.status = "failed"
                job.error = f"{type(exc).__name__}: {exc}"
            job.finished_at = time.time()
            if self._on_finish is not None:
                try:
                    self._on_finish(job)
                except Exception as exc:  # e.g. the audit row of the end could not be written
                    log.error("%s job %s: after it ended: %s", self.name, job.id, type(exc).__name__)
            with self._changed:
                self._changed.notify_all()
