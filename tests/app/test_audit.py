"""The audit log's hash chain: intact rows verify; an edited, deleted or forged row is detected."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from sqlalchemy import delete, insert, select, update

from app.audit import GENESIS, AuditLog, audit_log, row_hash
from app.db import make_engine


@pytest.fixture
def audit(tmp_path: Path) -> AuditLog:
    log = AuditLog(make_engine(f"sqlite:///{tmp_path / 'audit.db'}"))
    log.record("alice", "login")
    log.record("alice", "question", question="What is <PERSON_1>'s role?", chunks=["c1", "c2"])
    log.record("bob", "delete", doc_id="d1")
    log.record("alice", "logout")
    return log


def _ids(audit: AuditLog) -> list[int]:
    return sorted(r["id"] for r in audit.rows())


def test_rows_are_recorded_and_chained(audit: AuditLog) -> None:
    rows = audit.rows()
    assert [r["action"] for r in rows] == ["logout", "delete", "question", "login"]  # newest first
    assert json.loads(rows[2]["detail"]) == {"question": "What is <PERSON_1>'s role?", "chunks": ["c1", "c2"]}
    oldest_first = list(reversed(rows))
    assert oldest_first[0]["prev_hash"] == GENESIS
    for prev, row in zip(oldest_first, oldest_first[1:], strict=False):
        assert row["prev_hash"] == prev["hash"]
    assert len(audit.rows(limit=2)) == 2


def test_intact_chain_verifies(audit: AuditLog) -> None:
    result = audit.verify()
    assert result.ok is True
    assert result.rows == 4
    assert result.first_bad_row is None


def test_empty_log_verifies(tmp_path: Path) -> None:
    result = AuditLog(make_engine(f"sqlite:///{tmp_path / 'empty.db'}")).verify()
    assert (result.ok, result.rows, result.first_bad_row) == (True, 0, None)


def test_edited_detail_is_detected(audit: AuditLog) -> None:
    target = _ids(audit)[1]
    with audit._engine.begin() as conn:
        conn.execute(update(audit_log).where(audit_log.c.id == target).values(detail='{"question": "x"}'))
    result = audit.verify()
    assert result.ok is False
    assert result.first_bad_row == target


def test_edited_actor_is_detected(audit: AuditLog) -> None:
    target = _ids(audit)[2]
    with audit._engine.begin() as conn:
        conn.execute(update(audit_log).where(audit_log.c.id == target).values(actor="mallory"))
    assert audit.verify().first_bad_row == target


def test_deleted_middle_row_is_detected(audit: AuditLog) -> None:
    ids = _ids(audit)
    with audit._engine.begin() as conn:
        conn.execute(delete(audit_log).where(audit_log.c.id == ids[1]))
    result = audit.verify()
    assert result.ok is False
    assert result.first_bad_row == ids[2]  # the row after the gap no longer links


def test_forged_row_is_detected(audit: AuditLog) -> None:
    """A row inserted with a self-consistent hash but not chained to its predecessor."""
    ts = time.time()
    detail = json.dumps({"doc_id": "forged"})
    with audit._engine.begin() as conn:
        conn.execute(
            insert(audit_log).values(
                ts=ts,
                actor="mallory",
                action="delete",
                detail=detail,
                prev_hash=GENESIS,
                hash=row_hash(GENESIS, ts, "mallory", "delete", detail),
            )
        )
        forged = conn.execute(select(audit_log.c.id).order_by(audit_log.c.id.desc()).limit(1)).scalar()
    result = audit.verify()
    assert result.ok is False
    assert result.first_bad_row == forged


def test_rows_after_a_forged_row_do_not_heal_the_chain(audit: AuditLog) -> None:
    ids = _ids(audit)
    with audit._engine.begin() as conn:
        conn.execute(update(audit_log).where(audit_log.c.id == ids[0]).values(action="nothing"))
    audit.record("alice", "login")
    result = audit.verify()
    assert result.ok is False
    assert result.first_bad_row == ids[0]


def test_export_is_ocsf_style_json_lines(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from app.cli import main

    home = tmp_path / "home"
    assert main(["--home", str(home), "setup", "--no-model", "--json"]) == 0
    out = tmp_path / "audit.jsonl"
    assert main(["--home", str(home), "audit", "export", "--out", str(out), "--json"]) == 0
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert events and events[0]["class_name"] == "Account Change" and events[0]["activity_name"] == "Create"
    assert {"time", "actor", "status", "metadata", "unmapped"} <= set(events[0])
    assert events[0]["unmapped"]["prev_hash"] == "0" * 64
