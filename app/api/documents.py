"""The index's documents: ingestion jobs (server paths), the catalog, deletion, erasure, leakage scan."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel, Field

from app import operations
from app.api.deps import CurrentUser, State, found, require
from app.api.schemas import Deleted, Erased, IngestJobOut, Leakage
from app.ingest_jobs import new_job
from app.paths import UnsafePathError, allowed_roots, check_within
from ingest.catalog import DocumentRecord

router = APIRouter(tags=["documents"])


class IngestRequest(BaseModel):
    paths: list[str] = Field(min_length=1)
    groups: list[str] = Field(default_factory=list)
    sync: bool = False


class EraseRequest(BaseModel):
    value: str = Field(min_length=1, max_length=1000)
    type: str | None = Field(None, max_length=64, description="Entity type, e.g. PERSON; any when omitted")


class LeakageRequest(BaseModel):
    values: list[str] | None = Field(None, description="Raw values to look for; the vault's when omitted")


@router.post("/v1/ingest", response_model=IngestJobOut)
def ingest(body: IngestRequest, user: CurrentUser, state: State) -> Any:
    require(user, "ingest")
    settings = state.container.settings
    roots = allowed_roots(settings.ingest.allowed_roots, settings.home)
    try:
        paths = [str(check_within(p, roots)) for p in body.paths]
    except UnsafePathError as exc:
        raise HTTPException(422, str(exc)) from exc
    job = state.jobs.submit(new_job(user.name, paths, body.groups, body.sync))
    state.container.audit.record(
        user.name, "ingest_submitted", job=job.id, paths=len(paths), groups=body.groups
    )
    return job.to_json()


@router.get("/v1/jobs", response_model=list[IngestJobOut])
def list_jobs(user: CurrentUser, state: State) -> Any:
    require(user, "ingest")
    return [j.to_json() for j in state.jobs.all()]


@router.get("/v1/jobs/{job_id}", response_model=IngestJobOut)
def get_job(job_id: str, user: CurrentUser, state: State) -> Any:
    require(user, "ingest")
    return found(state.jobs.json_of(job_id), f"job {job_id!r}")


@router.get("/v1/documents", response_model=list[DocumentRecord])
def documents(user: CurrentUser, state: State) -> Any:
    require(user, "ingest")
    return [r.__dict__ for r in state.container.catalog.all()]


@router.delete("/v1/documents", response_model=Deleted)
def delete_document(doc: str, user: CurrentUser, state: State) -> Any:
    require(user, "delete")
    result = operations.delete_document(state.container, user, doc)
    if result is None:
        raise HTTPException(404, f"document {doc!r} is not in the index")
    return result


@router.post("/v1/erase", response_model=Erased)
def erase(body: EraseRequest, user: CurrentUser, state: State) -> Any:
    require(user, "erase")
    erased = operations.erase_value(state.container, user, body.value, body.type)
    state.metrics.erasures.inc()
    return erased


@router.post("/v1/leakage", response_model=Leakage)
def leakage(body: LeakageRequest, user: CurrentUser, state: State) -> Any:
    require(user, "audit")
    from eval.leakage import scan_home

    result = scan_home(state.container, body.values)
    state.container.audit.record(user.name, "leakage_scan", found=result["raw_values_found"])
    return result
