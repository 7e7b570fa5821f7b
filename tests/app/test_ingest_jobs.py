"""The ingestion queue: one worker runs jobs in order, records progress, survives failures, keeps totals."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from app.ingest_jobs import IngestJobs, Job, new_job
from ingest.report import IngestFailure, IngestProgress, IngestReport


def wait_finished(queue: IngestJobs, job_id: str, timeout: float = 30.0) -> Job:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = queue.get(job_id)
        assert job is not None
        if job.status in ("done", "failed"):
            return job
        time.sleep(0.01)
    raise AssertionError(f"job {job_id} did not finish")


@pytest.fixture
def make_queue():  # type: ignore[no-untyped-def]
    queues: list[IngestJobs] = []

    def make(runner: Callable) -> IngestJobs:
        queue = IngestJobs(runner)
        queues.append(queue)
        return queue

    yield make
    for queue in queues:
        queue.stop()


def test_jobs_run_in_order_and_record_progress(make_queue) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[list[str], str]] = []

    def runner(job: Job, progress: Callable[[IngestProgress], None]) -> IngestReport:
        seen.append((job.paths, job.status))
        n = len(job.paths)
        for i, path in enumerate(job.paths):
            progress(IngestProgress(n, i, i * 3, path))
        progress(IngestProgress(n, n, n * 3, ""))
        return IngestReport(
            files=n, ingested=n - 1, failed=[IngestFailure("/bad.pdf", "corrupt")], chunks=n * 3
        )

    queue = make_queue(runner)
    first = queue.submit(new_job("alice", ["/a.md", "/b.md"], ["hr"]))
    second = queue.submit(new_job("bob", ["/c.md"], [], sync=True))
    assert first.status in ("queued", "running", "done")
    done_second = wait_finished(queue, second.id)
    done_first = wait_finished(queue, first.id)

    assert [paths for paths, _ in seen] == [["/a.md", "/b.md"], ["/c.md"]]
    assert all(status == "running" for _, status in seen)
    assert done_first.status == "done" and done_second.status == "done"
    assert (done_first.files_total, done_first.files_done, done_first.chunks, done_first.current) == (
        2,
        2,
        6,
        "",
    )
    assert done_first.report["files"] == 2
    assert done_first.report["failed"] == [{"path": "/bad.pdf", "error": "corrupt"}]
    assert done_first.finished_at is not None and done_first.finished_at >= done_first.created_at
    assert done_second.user == "bob" and done_second.sync is True and done_second.groups == []
    assert {j.id for j in queue.all()} == {first.id, second.id}
    assert queue.get("nope") is None
    as_json = done_first.to_json()
    assert as_json["id"] == first.id and as_json["status"] == "done"


def test_a_failing_job_is_reported_and_the_worker_keeps_serving(make_queue) -> None:  # type: ignore[no-untyped-def]
    def runner(job: Job, progress: Callable[[IngestProgress], None]) -> IngestReport:
        if job.paths == ["/boom"]:
            progress(IngestProgress(1, 0, 0, "/boom"))
            raise RuntimeError("disk on fire")
        return IngestReport(files=1, ingested=1, chunks=2)

    queue = make_queue(runner)
    bad = queue.submit(new_job("alice", ["/boom"], []))
    good = queue.submit(new_job("alice", ["/fine.md"], []))
    failed = wait_finished(queue, bad.id)
    assert failed.status == "failed"
    assert failed.error == "RuntimeError: disk on fire"
    assert failed.report == {}
    assert failed.current == "/boom"
    assert failed.finished_at is not None
    done = wait_finished(queue, good.id)
    assert done.status == "done"
    assert done.report["chunks"] == 2
    assert done.error == ""


def test_job_progress_has_bytes_rates_and_eta(make_queue) -> None:  # type: ignore[no-untyped-def]
    snapshots: list[dict] = []
    queue_ref: list[IngestJobs] = []

    def runner(job: Job, progress: Callable[[IngestProgress], None]) -> IngestReport:
        progress(IngestProgress(4, 0, 0, "", bytes_total=1000, bytes_done=0, elapsed=0.0))
        snapshots.append(queue_ref[0].get(job.id).to_json())  # type: ignore[union-attr]
        progress(IngestProgress(4, 1, 6, "/a.md", bytes_total=1000, bytes_done=250, failed=1, elapsed=2.0))
        snapshots.append(queue_ref[0].get(job.id).to_json())  # type: ignore[union-attr]
        progress(IngestProgress(4, 4, 20, "", bytes_total=1000, bytes_done=1000, failed=1, elapsed=5.0))
        return IngestReport(files=4, ingested=3, chunks=20)

    queue = make_queue(runner)
    queue_ref.append(queue)
    job = wait_finished(queue, queue.submit(new_job("alice", ["/docs"], [])).id)

    start, middle = snapshots
    assert start["eta_seconds"] is None and start["files_per_s"] == 0.0  # nothing done yet: no estimate
    assert (middle["bytes_done"], middle["bytes_total"], middle["failed"]) == (250, 1000, 1)
    assert middle["files_per_s"] == 0.5 and middle["chunks_per_s"] == 3.0
    assert middle["eta_seconds"] == 6.0  # 750 bytes left at 125 bytes/s
    final = job.to_json()
    assert final["eta_seconds"] == 0.0 and final["bytes_done"] == final["bytes_total"] == 1000
    assert final["chunks_per_s"] == 4.0 and final["elapsed"] == 5.0


def test_forgotten_jobs_still_count_in_the_totals(make_queue) -> None:  # type: ignore[no-untyped-def]
    def runner(job: Job, progress: Callable[[IngestProgress], None]) -> IngestReport:
        progress(IngestProgress(2, 2, 5, "", failed=1, elapsed=0.5))
        if job.paths == ["/boom"]:
            raise RuntimeError("disk on fire")
        return IngestReport(files=2, ingested=2, chunks=5)

    queue = IngestJobs(runner, keep_finished=2)
    try:
        for paths in (["/boom"], ["/a"], ["/b"], ["/c"]):
            queue.submit(new_job("alice", paths, []))
        assert queue.wait(30)
        queue.submit(new_job("alice", ["/d"], []))  # the oldest finished ones go now
        assert queue.wait(30)
    finally:
        queue.stop()
    kept = queue.all()
    assert [j.paths for j in kept] == [["/d"], ["/c"], ["/b"]]  # the new one and the last two finished
    retired = queue.retired
    assert retired.by_status == {"failed": 1, "done": 1}
    assert (retired.files_done, retired.chunks, retired.failed, retired.elapsed) == (4, 10, 2, 1.0)
