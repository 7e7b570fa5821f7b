"""Benchmarks: start a retrieval, PII or answer benchmark run in the background, follow it, read reports.

A run executes the same code as ``privrag eval retrieval|pii|rag`` (``app.service_eval.prepare``) and writes
its report where the command does, ``<home>/reports/<kind>/<run>/``, so ``GET /v1/eval/reports`` lists it.
One run at a time: a second one is refused with 409 until the first ends.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import FileResponse

from app import eval_reports
from app.api.deps import CurrentUser, State, found, require
from app.api.schemas import EvalJobOut, Report, ReportRun
from app.eval_jobs import EvalBusy, EvalJob
from app.service_eval import EvalRequest, Kind, prepare

router = APIRouter(tags=["evaluation"])

CHART: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            "image/png": {"schema": {"type": "string", "format": "binary"}},
            "image/svg+xml": {"schema": {"type": "string"}},
        }
    }
}


@router.post("/v1/eval/{kind}", response_model=EvalJobOut)
def start_eval(kind: Kind, body: EvalRequest, user: CurrentUser, state: State) -> Any:
    """Start a benchmark run in the background; poll ``GET /v1/eval/jobs/{id}``."""
    require(user, "evaluate")
    container = state.container
    path, task = prepare(container, kind, body)
    options = body.model_dump(exclude={"dataset"})

    def audited(job: EvalJob) -> None:
        detail = {"job": job.id, "kind": kind, "dataset": str(path), **options}
        container.audit.record(user.name, "eval_started", **detail)

    try:
        job = state.eval_jobs.start(user.name, kind, str(path), options, task, before_start=audited)
    except EvalBusy as exc:
        raise HTTPException(409, f"{exc}: wait until it ends") from exc
    return job.to_json()


@router.get("/v1/eval/jobs", response_model=list[EvalJobOut])
def list_eval_jobs(user: CurrentUser, state: State) -> Any:
    require(user, "evaluate")
    return [j.to_json() for j in state.eval_jobs.all()]


@router.get("/v1/eval/jobs/{job_id}", response_model=EvalJobOut)
def get_eval_job(job_id: str, user: CurrentUser, state: State) -> Any:
    require(user, "evaluate")
    return found(state.eval_jobs.json_of(job_id), f"benchmark job {job_id!r}")


@router.get("/v1/eval/reports", response_model=list[ReportRun])
def eval_report_runs(
    user: CurrentUser, state: State, limit: Annotated[int, Query(ge=1, le=500)] = 100
) -> Any:
    require(user, "evaluate")
    return eval_reports.list_runs(state.container.settings.home, limit)


@router.get("/v1/eval/reports/{kind}/{run}", response_model=Report)
def eval_report(kind: str, run: str, user: CurrentUser, state: State) -> Any:
    require(user, "evaluate")
    try:
        return eval_reports.read_run(state.container.settings.home, kind, run)
    except eval_reports.ReportError as exc:
        raise HTTPException(404, str(exc)) from exc


@router.get("/v1/eval/reports/{kind}/{run}/{name}", response_class=FileResponse, responses=CHART)
def eval_report_chart(kind: str, run: str, name: str, user: CurrentUser, state: State) -> FileResponse:
    require(user, "evaluate")
    try:
        path = eval_reports.chart_path(state.container.settings.home, kind, run, name)
    except eval_reports.ReportError as exc:
        raise HTTPException(404, str(exc)) from exc
    return FileResponse(path, media_type="image/png" if path.suffix == ".png" else "image/svg+xml")
