"""The one job queue: in order on one worker, bounded history, exclusive queues, failures reported."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

import pytest

from app.jobs import JobBusy, JobQueue, new_job_id


@dataclass
class Task:
    id: str
    user: str
    work: str
    status: str = "queued"
    error: str = ""
    created_at: float = field(default_factory=time.time)
    finished_at: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "work": self.work, "status": self.status}


def task(work: str, user: str = "ann") -> Task:
    return Task(new_job_id(), user, work)


def test_jobs_run_in_order_and_a_failure_does_not_stop_the_worker() -> None:
    ran: list[str] = []

    def run(job: Task) -> None:
        ran.append(job.work)
        if job.work == "boom":
            raise OSError("disk on fire")

    finished: list[str] = []
    queue: JobQueue[Task] = JobQueue("test", run, on_finish=lambda j: finished.append(j.status))
    try:
        jobs = [queue.submit(task(w)) for w in ("a", "boom", "b")]
        assert queue.wait(30)
    finally:
        queue.stop()
    assert ran == ["a", "boom", "b"] and finished == ["done", "failed", "done"]
    assert jobs[1].error == "OSError: disk on fire" and jobs[1].finished_at is not None
    assert all(j.finished_at is not None and j.finished_at >= j.created_at for j in jobs)
    assert queue.get(jobs[0].id) is jobs[0] and queue.get("nope") is None
    assert queue.json_of(jobs[1].id) == {"id": jobs[1].id, "work": "boom", "status": "failed"}
    assert queue.json_of("nope") is None


def test_the_history_is_bounded_and_forgotten_jobs_are_handed_on() -> None:
    forgotten: list[str] = []
    queue: JobQueue[Task] = JobQueue(
        "test", lambda job: None, keep_finished=3, on_forget=lambda j: forgotten.append(j.work)
    )
    try:
        for n in range(6):
            queue.submit(task(str(n)))
            assert queue.wait(30)
    finally:
        queue.stop()
    # forgotten when a job is submitted: the new one and the last three finished are kept, newest first
    assert [j.work for j in queue.all()] == ["5", "4", "3", "2"]
    assert forgotten == ["0", "1"]


def test_an_exclusive_queue_refuses_a_second_job_while_one_is_active() -> None:
    release = threading.Event()
    started: list[str] = []
    queue: JobQueue[Task] = JobQueue("bench", lambda job: release.wait(30), exclusive=True)
    try:
        first = queue.submit(task("first", "ann"), before_start=lambda j: started.append(j.id))
        assert started == [first.id]
        with pytest.raises(JobBusy, match=f"bench job {first.id} \\(by ann\\) is (queued|running)"):
            queue.submit(task("second"))
        assert not queue.wait(0.05)  # still running
        release.set()
        assert queue.wait(30) and first.status == "done"
        assert queue.submit(task("third")).work == "third"
        assert queue.wait(30)
    finally:
        release.set()
        queue.stop()
    assert [j.work for j in queue.all()] == ["third", "first"]
