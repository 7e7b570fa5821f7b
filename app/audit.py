"""Append-only audit log with a SHA-256 hash chain: each row carries the hash of the previous one."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from dataclasses import dataclass

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, select
from sqlalchemy.engine import Engine

from app.db import serialize_writers

metadata = MetaData()

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("ts", Float, nullable=False),
    Column("actor", String(128), nullable=False),
    Column("action", String(64), nullable=False),
    Column("detail", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

GENESIS = "0" * 64


def row_hash(prev_hash: str, ts: float, actor: str, action: str, detail: str) -> str:
    material = json.dumps([prev_hash, repr(ts), actor, action, detail], separators=(",", ":"))
    return hashlib.sha256(material.encode()).hexdigest()


@dataclass
class VerifyResult:
    ok: bool
    rows: int
    first_bad_row: int | None


class AuditLog:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        metadata.create_all(engine)

    def record(self, actor: str, action: str, **detail: object) -> None:
        body = json.dumps(detail, sort_keys=True, default=str)
        # One writer at a time across threads (the lock) and processes (the database: service replicas,
        # CLI commands), so every row links to the row written just before it.
        with self._lock, self._engine.begin() as conn:
            serialize_writers(conn, "audit_log")
            last = conn.execute(select(audit_log.c.hash).order_by(audit_log.c.id.desc()).limit(1)).scalar()
            prev = last or GENESIS
            ts = time.time()
            conn.execute(
                audit_log.insert().values(
                    ts=ts,
                    actor=actor,
                    action=action,
                    detail=body,
                    prev_hash=prev,
                    hash=row_hash(prev, ts, actor, action, body),
                )
            )

    def rows(self, limit: int | None = None) -> list[dict]:
        query = select(audit_log).order_by(audit_log.c.id.desc())
        if limit:
            query = query.limit(limit)
        with self._engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def verify(self) -> VerifyResult:
        """Walk the chain: an edited, inserted or deleted row breaks it at that row."""
        prev = GENESIS
        count = 0
        with self._engine.connect() as conn:
            for row in conn.execute(select(audit_log).order_by(audit_log.c.id)):
                count += 1
                expected = row_hash(prev, row.ts, row.actor, row.action, row.detail)
                if row.prev_hash != prev or row.hash != expected:
                    return VerifyResult(ok=False, rows=count, first_bad_row=row.id)
                prev = row.hash
        return VerifyResult(ok=True, rows=count, first_bad_row=None)


_OCSF_CLASSES = {  # action -> (class_uid, class_name, activity)
    "login": (3002, "Authentication", "Logon"),
    "login_failed": (3002, "Authentication", "Logon"),
    "logout": (3002, "Authentication", "Logoff"),
    "user_added": (3001, "Account Change", "Create"),
    "question": (6003, "API Activity", "Read"),
    "reveal": (6003, "API Activity", "Read"),
}


def to_ocsf(row: dict) -> dict:
    """One audit row as an OCSF-style event (class, activity, time in ms, actor, status, unmapped detail)."""
    class_uid, class_name, activity = _OCSF_CLASSES.get(row["action"], (6003, "API Activity", "Update"))
    return {
        "class_uid": class_uid,
        "class_name": class_name,
        "activity_name": activity,
        "category_name": "Identity & Access Management"
        if class_uid in (3001, 3002)
        else "Application Activity",
        "time": int(row["ts"] * 1000),
        "actor": {"user": {"name": row["actor"]}},
        "api": {"operation": row["action"]},
        "status": "Failure" if row["action"].endswith("_failed") else "Success",
        "metadata": {"product": {"name": "privrag"}, "uid": str(row["id"]), "log_name": "audit"},
        "unmapped": {"detail": json.loads(row["detail"]), "prev_hash": row["prev_hash"], "hash": row["hash"]},
    }
