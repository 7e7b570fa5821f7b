"""The audit log's keyed hash chain: intact rows verify; an edited, deleted, forged, re-hashed or truncated
row is detected and named; rows written before keying are adopted; erasure rewrites details and re-links."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Engine

from app.audit_chain import keyed_hash, load_audit_key
from app.db import make_engine
from app.stores.audit import GENESIS, AuditLog, audit_head, audit_log, row_hash

KEY = b"k" * 32


@pytest.fixture
def audit(tmp_path: Path) -> AuditLog:
    log = AuditLog(make_engine(f"sqlite:///{tmp_path / 'audit.db'}"), KEY)
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
    result = AuditLog(make_engine(f"sqlite:///{tmp_path / 'empty.db'}"), KEY).verify()
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
    """A row inserted with a self-consistent (unkeyed) hash but not chained to its predecessor."""
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


def _unkeyed_rewrite(audit: AuditLog, change: dict[int, str]) -> None:
    """What an attacker without the key can do: edit rows and recompute every link the unkeyed way."""
    prev = GENESIS
    with audit.engine.begin() as conn:
        for row in conn.execute(select(audit_log).order_by(audit_log.c.id)).all():
            actor = change.get(row.id, row.actor)
            digest = row_hash(prev, row.ts, actor, row.action, row.detail)
            conn.execute(
                update(audit_log)
                .where(audit_log.c.id == row.id)
                .values(actor=actor, prev_hash=prev, hash=digest)
            )
            prev = digest


def test_deleting_the_last_rows_is_truncation(audit: AuditLog) -> None:
    ids = _ids(audit)
    with audit.engine.begin() as conn:
        conn.execute(delete(audit_log).where(audit_log.c.id >= ids[2]))
    result = audit.verify()
    assert (result.ok, result.reason, result.first_bad_row, result.head_id) == (
        False,
        "truncated",
        ids[2],
        ids[3],
    )


def test_a_new_row_after_truncation_does_not_hide_it(audit: AuditLog) -> None:
    ids = _ids(audit)
    with audit.engine.begin() as conn:
        conn.execute(delete(audit_log).where(audit_log.c.id == ids[3]))
    audit.record("alice", "login")  # linked to what the signed head vouches for: the gap stays visible
    result = audit.verify()
    assert result.ok is False and result.first_bad_row == ids[3] + 1


def test_an_unkeyed_rewrite_of_the_whole_chain_is_detected(audit: AuditLog) -> None:
    ids = _ids(audit)
    _unkeyed_rewrite(audit, {ids[1]: "mallory"})
    result = audit.verify()
    assert (result.ok, result.reason, result.first_bad_row) == (False, "rewritten", ids[0])


def test_a_rewrite_with_another_key_and_a_new_head_is_detected(audit: AuditLog) -> None:
    other = AuditLog(audit.engine, b"x" * 32)
    with audit.engine.begin() as conn:
        conn.execute(delete(audit_log))
        conn.execute(delete(audit_head))
    other.record("mallory", "login")
    result = audit.verify()
    assert (result.ok, result.reason) == (False, "tampered_row")


def test_a_deleted_head_is_reported(audit: AuditLog) -> None:
    with audit.engine.begin() as conn:
        conn.execute(delete(audit_head))
    result = audit.verify()
    assert (result.ok, result.reason) == (False, "head_missing")


def test_a_forged_head_is_reported(audit: AuditLog) -> None:
    with audit.engine.begin() as conn:
        conn.execute(update(audit_head).values(last_id=2, last_hash="f" * 64))
    assert audit.verify().reason == "head_forged"


def test_the_key_is_needed_to_verify(audit: AuditLog) -> None:
    assert AuditLog(audit.engine, b"y" * 32).verify().ok is False


def test_actor_and_subject_are_recorded(audit: AuditLog) -> None:
    @dataclass
    class Acting:
        name: str
        acting_admin: str | None

    audit.record(Acting("bob", "root"), "question", question="q")
    audit.record(Acting("bob", None), "question", question="q")
    newest, before = audit.rows(limit=2)
    assert (before["actor"], before["subject"]) == ("root", "bob")
    assert (newest["actor"], newest["subject"]) == ("bob", None)
    assert audit.verify().ok  # the subject is covered by the MAC
    with audit.engine.begin() as conn:
        conn.execute(update(audit_log).where(audit_log.c.id == before["id"]).values(subject="carol"))
    assert audit.verify().first_bad_row == before["id"]


def test_rewritten_details_are_relinked_under_the_key(audit: AuditLog) -> None:
    ids = _ids(audit)
    assert audit.rewrite_details({ids[1]: json.dumps({"question": "What is <PERSON_ERASED>'s role?"})}) == 3
    result = audit.verify()
    assert result.ok and result.rows == 4
    assert "PERSON_1" not in json.dumps(audit.rows())


def test_rows_written_before_keying_are_adopted(tmp_path: Path) -> None:
    """Unkeyed rows (privrag before migration 0004) are anchored by the head the migration leaves."""
    _adopts_unkeyed_rows(make_engine(f"sqlite:///{tmp_path / 'old.db'}"), tmp_path)


def test_rows_written_before_keying_are_adopted_on_postgres(pg_url: str, tmp_path: Path) -> None:
    engine = make_engine(pg_url)
    try:
        _adopts_unkeyed_rows(engine, tmp_path)
    finally:
        engine.dispose()


def _adopts_unkeyed_rows(engine: Engine, tmp_path: Path) -> None:
    from app.migrations import upgrade

    upgrade(engine, "0003")
    prev = GENESIS
    with engine.begin() as conn:
        for number in range(3):
            ts, detail = time.time(), json.dumps({"n": number})
            digest = row_hash(prev, ts, "alice", "login", detail)
            conn.execute(
                insert(audit_log).values(
                    ts=ts, actor="alice", action="login", detail=detail, prev_hash=prev, hash=digest
                )
            )
            prev = digest
    upgrade(engine)
    key, created = load_audit_key(tmp_path / "keys" / "audit.key")
    assert created
    log = AuditLog(engine, key, adopt_legacy=created)
    log.record("bob", "login")
    result = log.verify()
    assert (result.ok, result.rows, result.keyed_rows) == (True, 4, 1)
    # The unkeyed rows cannot be rewritten now: the first keyed row's MAC covers the last one's link.
    first = min(r["id"] for r in log.rows())
    _unkeyed_rewrite(log, {first: "mallory"})
    assert log.verify().ok is False
    with engine.begin() as conn:  # truncation of the keyed row is seen too
        conn.execute(delete(audit_log).where(audit_log.c.actor == "bob"))
    assert log.verify().reason == "truncated"


def test_an_unsigned_head_is_not_adopted_with_an_old_key(tmp_path: Path) -> None:
    """Replacing the head by an unsigned one (as the migration leaves) does not make forged rows pass."""
    engine = make_engine(f"sqlite:///{tmp_path / 'a.db'}")
    log = AuditLog(engine, KEY)
    log.record("alice", "login")
    _unkeyed_rewrite(log, {1: "mallory"})
    with engine.begin() as conn:
        conn.execute(update(audit_head).values(legacy_until=1, signature=""))
    reopened = AuditLog(engine, KEY, adopt_legacy=False)
    assert reopened.verify().reason == "rewritten"  # an unsigned head vouches for no unkeyed row


def test_the_mac_covers_the_row_id() -> None:
    one = keyed_hash(KEY, GENESIS, 1, 1.0, "a", None, "login", "{}")
    assert one != keyed_hash(KEY, GENESIS, 2, 1.0, "a", None, "login", "{}")
    assert one != keyed_hash(b"z" * 32, GENESIS, 1, 1.0, "a", None, "login", "{}")
