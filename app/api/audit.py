"""The audit log and the vault's counts: chain verification, unusual activity, the log's rows, statistics."""

from __future__ import annotations

import contextlib
import dataclasses
import json
from typing import Annotated, Any

from fastapi import APIRouter, Query

from app.api.deps import CurrentUser, State, require
from app.api.schemas import AuditRow, AuditVerification, PrivacyStats, UnusualActivity
from app.unusual import WINDOW_SECONDS, activity_summary, thresholds_of

router = APIRouter(tags=["audit"])


@router.get("/v1/audit/verify", response_model=AuditVerification)
def audit_verify(user: CurrentUser, state: State) -> Any:
    require(user, "audit")
    return state.container.audit.verify().__dict__


@router.get("/v1/audit/unusual", response_model=UnusualActivity)
def audit_unusual(user: CurrentUser, state: State) -> Any:
    """Reveals, erasures and distinct surrogates revealed per user in the last hour; who is over."""
    require(user, "audit")
    thresholds = thresholds_of(state.container.settings)
    users = activity_summary(state.container.audit, thresholds)
    return {
        "window_s": WINDOW_SECONDS,
        "thresholds": dataclasses.asdict(thresholds),
        "users": [a.to_json() for a in users],
    }


@router.get("/v1/audit", response_model=list[AuditRow])
def audit_rows(user: CurrentUser, state: State, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> Any:
    require(user, "audit")
    rows = state.container.audit.rows(limit=limit)
    for row in rows:
        with contextlib.suppress(ValueError):
            row["detail"] = json.loads(row["detail"])
    return rows


@router.get("/v1/privacy/stats", response_model=PrivacyStats)
def privacy_stats(user: CurrentUser, state: State) -> Any:
    require(user, "erase", "audit")
    stats = state.container.vault.stats()
    documents = state.container.catalog.all()
    return {
        "entries": stats.entries,
        "per_type": stats.per_type,
        "documents": len(documents),
        "chunks": sum(d.chunks for d in documents),
    }
