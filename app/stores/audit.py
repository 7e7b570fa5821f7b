"""Append-only audit log with a keyed hash chain and a signed head (``app.audit_chain``).

Each row records who acted (``actor``) and, when one user acts as another (an admin's
``X-Privrag-User``, ``privrag ask --user``), on whose behalf (``subject``). A ``watch`` (``app.unusual``)
looks at each row written and may add an ``unusual_activity`` row.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from typing import Protocol

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, delete, select
from sqlalchemy.engine import Connection, Engine

from app.audit_chain import GENESIS, ChainRow, Head, VerifyResult, keyed_hash, unkeyed_hash, verify_rows
from app.db import serialize_writers

__all__ = ["GENESIS", "AuditLog", "Principal", "VerifyResult", "audit_head", "audit_log", "row_hash"]

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
    Column("subject", String(128), nullable=True),  # the user acted as, when not the actor
)

# The chain's signed head: one row (id 1).
audit_head = Table(
    "audit_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("last_id", Integer, nullable=False),
    Column("last_hash", String(64), nullable=False),
    Column("legacy_until", Integer, nullable=False),
    Column("signature", String(64), nullable=False),
)

row_hash = unkeyed_hash  # the link of rows written before the chain was keyed


class Principal(Protocol):
    """Who acts: a user name, and the admin acting as that user (or None); read-only (users are frozen)."""

    @property
    def name(self) -> str: ...

    @property
    def acting_admin(self) -> str | None: ...


class Watch(Protocol):
    def after(self, log: AuditLog, actor: str, action: str) -> None: ...


def who(principal: str | Principal) -> tuple[str, str | None]:
    """(actor, subject): the admin acting as a user is the actor, the user the subject."""
    if isinstance(principal, str):
        return principal, None
    admin = getattr(principal, "acting_admin", None)
    return (admin, principal.name) if admin else (principal.name, None)


class AuditLog:
    def __init__(
        self, engine: Engine, key: bytes, watch: Watch | None = None, adopt_legacy: bool = False
    ) -> None:
        """``adopt_legacy``: the key was created just now, so an unsigned head left by migration 0004 (rows
        written before keying) is signed; with an older key such a head stays unsigned (``head_forged``)."""
        self._engine = engine
        self._key = key
        self._lock = threading.Lock()
        self.watch = watch
        metadata.create_all(engine)
        if adopt_legacy:
            self._sign_pending_head()

    @property
    def engine(self) -> Engine:
        return self._engine

    def record(self, principal: str | Principal, action: str, **detail: object) -> int:
        """Append a row; returns its id. ``principal``: a name, or a user (actor and subject from it)."""
        actor, subject = who(principal)
        body = json.dumps(detail, sort_keys=True, default=str)
        # One writer at a time across threads (the lock) and processes (the database: service replicas,
        # CLI commands), so every row links to the row written just before it.
        with self._lock, self._engine.begin() as conn:
            serialize_writers(conn, "audit_log")
            head = self._head(conn)
            if head is not None and head.valid(self._key):
                # Linked to what the signed head vouches for: rows deleted at the end stay a visible gap.
                prev, row_id, legacy_until = head.last_hash, head.last_id + 1, head.legacy_until
            else:
                last = conn.execute(
                    select(audit_log.c.id, audit_log.c.hash).order_by(audit_log.c.id.desc()).limit(1)
                ).first()
                prev = last.hash if last else GENESIS
                row_id, legacy_until = (last.id + 1 if last else 1), 0
            ts = time.time()
            digest = keyed_hash(self._key, prev, row_id, ts, actor, subject, action, body)
            conn.execute(
                audit_log.insert().values(
                    id=row_id,
                    ts=ts,
                    actor=actor,
                    subject=subject,
                    action=action,
                    detail=body,
                    prev_hash=prev,
                    hash=digest,
                )
            )
            self._write_head(conn, Head(row_id, digest, legacy_until).sign(self._key))
        if self.watch is not None:
            self.watch.after(self, actor if subject is None else subject, action)
        return row_id

    def rows(
        self, limit: int | None = None, since: float | None = None, actions: tuple[str, ...] = ()
    ) -> list[dict]:
        """Rows newest first; ``since`` (a time) and ``actions`` narrow them."""
        query = select(audit_log).order_by(audit_log.c.id.desc())
        if since is not None:
            query = query.where(audit_log.c.ts >= since)
        if actions:
            query = query.where(audit_log.c.action.in_(actions))
        if limit:
            query = query.limit(limit)
        with self._engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def verify(self) -> VerifyResult:
        """Walk the chain against its signed head: edited, inserted, deleted, re-hashed or truncated rows."""
        with self._engine.connect() as conn:
            head = self._head(conn)
            return verify_rows(self._chain(conn), head, self._key)

    def rewrite_details(self, rewrite: dict[int, str]) -> int:
        """Replace the ``detail`` of some rows (erasure: a value gone from the audit too) and re-link the
        chain from the first of them, under the key; returns the rows re-linked. The erasure is audited."""
        if not rewrite:
            return 0
        start = min(rewrite)
        with self._lock, self._engine.begin() as conn:
            serialize_writers(conn, "audit_log")
            head = self._head(conn)
            legacy_until = head.legacy_until if head is not None and head.valid(self._key) else 0
            before = conn.execute(
                select(audit_log.c.hash)
                .where(audit_log.c.id < start)
                .order_by(audit_log.c.id.desc())
                .limit(1)
            ).scalar()
            prev = before or GENESIS
            relinked = 0
            last: tuple[int, str] | None = None
            rows = conn.execute(
                select(audit_log).where(audit_log.c.id >= start).order_by(audit_log.c.id)
            ).all()
            for row in rows:
                detail = rewrite.get(row.id, row.detail)
                if row.id <= legacy_until:  # an unkeyed row rewritten: from here on the chain is keyed
                    legacy_until = row.id - 1
                digest = keyed_hash(
                    self._key, prev, row.id, row.ts, row.actor, row.subject, row.action, detail
                )
                conn.execute(
                    audit_log.update()
                    .where(audit_log.c.id == row.id)
                    .values(detail=detail, prev_hash=prev, hash=digest)
                )
                prev, last, relinked = digest, (row.id, digest), relinked + 1
            if last is not None:
                self._write_head(conn, Head(last[0], last[1], legacy_until).sign(self._key))
        return relinked

    # --- the head ---------------------------------------------------------------------------------

    def _chain(self, conn: Connection) -> Iterator[ChainRow]:
        for r in conn.execute(select(audit_log).order_by(audit_log.c.id)):
            yield ChainRow(r.id, r.ts, r.actor, r.subject, r.action, r.detail, r.prev_hash, r.hash)

    @staticmethod
    def _head(conn: Connection) -> Head | None:
        row = conn.execute(select(audit_head).where(audit_head.c.id == 1)).first()
        return Head(row.last_id, row.last_hash, row.legacy_until, row.signature) if row else None

    @staticmethod
    def _write_head(conn: Connection, head: Head) -> None:
        conn.execute(delete(audit_head).where(audit_head.c.id == 1))
        conn.execute(
            audit_head.insert().values(
                id=1,
                last_id=head.last_id,
                last_hash=head.last_hash,
                legacy_until=head.legacy_until,
                signature=head.signature,
            )
        )

    def _sign_pending_head(self) -> None:
        """Migration 0004 leaves an unsigned head after the rows written before keying: sign it once."""
        with self._engine.connect() as conn:
            head = self._head(conn)
        if head is None or head.signature:
            return
        with self._lock, self._engine.begin() as conn:
            serialize_writers(conn, "audit_log")
            head = self._head(conn)
            if head is not None and not head.signature:
                self._write_head(conn, head.sign(self._key))


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
        **({"user": {"name": row["subject"]}} if row.get("subject") else {}),
        "api": {"operation": row["action"]},
        "status": "Failure" if row["action"].endswith("_failed") else "Success",
        "metadata": {"product": {"name": "privrag"}, "uid": str(row["id"]), "log_name": "audit"},
        "unmapped": {"detail": json.loads(row["detail"]), "prev_hash": row["prev_hash"], "hash": row["hash"]},
    }
