"""The benchmark job runner: one run at a time, failures reported, the run's report folder recorded."""

from __future__ import annotations

import threading

import pytest

from app.eval_jobs import KEEP_FINISHED, EvalBusy, EvalJob, EvalJobs


def test_runs_one_at_a_time_and_records_the_report_folder() -> None:
    finished: list[str] = []
    jobs = EvalJobs(on_finish=lambda job: finished.append(job.status))
    release = threading.Event()

    def task(job: EvalJob) -> dict:
        job.say("working")
        job.progress(1, 2)
        release.wait(60)
        return {"report_dir": "/home/reports/pii/20260101-000000"}

    started: list[str] = []
    first = jobs.start(
        "ann", "pii", "/d.json", {"limit": 3}, task, before_start=lambda j: started.append(j.id)
    )
    assert started == [first.id]
    with pytest.raises(EvalBusy, match=first.id):
        jobs.start("bob", "rag", "/x", {}, task)
    release.set()
    jobs.wait(60)
    assert (first.status, first.run, first.stage, first.done, first.total) == (
        "done",
        "20260101-000000",
        "finished",
        1,
        2,
    )
    assert finished == ["done"] and first.finished_at is not None
    second = jobs.start("bob", "retrieval", "/x", {}, lambda job: {"run": "r1"})
    jobs.wait(60)
    assert second.run == "r1" and [j.id for j in jobs.all()] == [second.id, first.id]
    assert jobs.get(first.id) is first


def test_a_failure_is_reported_and_the_next_run_may_start() -> None:
    finished: list[EvalJob] = []
    jobs = EvalJobs(on_finish=finished.append)

    def broken(job: EvalJob) -> dict:
        raise ValueError("no queries to score")

    failed = jobs.start("ann", "retrieval", "/x", {}, broken)
    jobs.wait(60)
    assert failed.status == "failed" and failed.error == "ValueError: no queries to score"
    assert finished == [failed] and failed.to_json()["error"] == failed.error
    assert jobs.start("ann", "pii", "/x", {}, lambda job: {"run": "ok"}) is not None
    jobs.wait(60)


def test_old_finished_jobs_are_forgotten() -> None:
    jobs = EvalJobs()
    for _ in range(KEEP_FINISHED + 3):
        jobs.start("ann", "pii", "/x", {}, lambda job: {"run": "r"})
        jobs.wait(60)
    jobs.start("ann", "pii", "/x", {}, lambda job: {"run": "r"})
    jobs.wait(60)
    assert len(jobs.all()) == KEEP_FINISHED + 1
