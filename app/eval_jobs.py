"""Benchmark runs started through the service: on their own queue (``app.jobs``), one at a time."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.jobs import JobBusy, JobQueue, new_job_id

KEEP_FINISHED = 50  # finished runs remembered for the status endpoint

Task = Callable[
    ["EvalJob"], dict[str, Any]
]  # runs the benchmark; returns the command's JSON (with report_dir)


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
    task: Task | None = field(default=None, repr=False, compare=False)  # what runs; not shown

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        del data["task"]
        return data

    def progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total

    def say(self, stage: str) -> None:
        self.stage = stage


EvalBusy = JobBusy  # another benchmark run is queued or running


def _run(job: EvalJob) -> None:
    job.started_at = time.time()
    if job.task is None:
        raise ValueError(f"benchmark job {job.id} has nothing to run")
    result = job.task(job)
    job.run = str(result.get("run") or Path(str(result.get("report_dir", ""))).name)
    job.stage = "finished"


class EvalJobs(JobQueue[EvalJob]):
    """The benchmark queue: exclusive (a second run is refused while one is queued or running)."""

    def __init__(self, on_finish: Callable[[EvalJob], None] | None = None) -> None:
        super().__init__(
            "benchmark",
            _run,
            exclusive=True,
            keep_finished=KEEP_FINISHED,
            on_finish=on_finish,
            label=lambda j: f"benchmark job {j.id} ({j.kind}, by {j.user})",
        )

    def start(
        self,
        user: str,
        kind: str,
        dataset: str,
        options: dict[str, Any],
        task: Task,
        before_start: Callable[[EvalJob], None] | None = None,
    ) -> EvalJob:
        """Queue ``task`` as a run of ``kind``; ``EvalBusy`` when another run has not finished."""
        return self.submit(EvalJob(new_job_id(), user, kind, dataset, options, task=task), before_start)
