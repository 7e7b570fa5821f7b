"""Attacks on the audit trail: covering one's tracks in the database, acting as someone else, cutting a
stream, revealing in bulk. The attacker either talks to the service over HTTP or holds the home's SQLite
file."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.privacy.conftest import PrivacyService

AUDITOR = "eng_officer"  # a privacy officer: reads the audit log and verifies the chain


def audit_rows(service: PrivacyService, limit: int = 200) -> list[dict]:
    with service.client(AUDITOR) as auditor:
        response = auditor.get("/v1/audit", params={"limit": limit})
    response.raise_for_status()
    return list(response.json())


def verify(service: PrivacyService) -> dict:
    with service.client(AUDITOR) as auditor:
        response = auditor.get("/v1/audit/verify")
    response.raise_for_status()
    return dict(response.json())


def some_activity(service: PrivacyService) -> None:
    """A few audited actions (logins, a question), so the chain has rows to tamper with."""
    with service.client("eng_employee") as employee:
        employee.post(
            "/v1/ask", json={"question": "How many vacation days do employees get?"}
        ).raise_for_status()
    service.tokens.pop("hr_employee", None)
    service.client("hr_employee").close()  # a login


@contextmanager
def tampered(home: Path) -> Iterator[sqlite3.Connection]:
    """The home's database opened as an attacker with a copy of it; the audit tables are put back afterwards
    so that the module's other attacks see an intact chain."""
    db = sqlite3.connect(home / "privrag.db", timeout=30)
    tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    saved = {
        t: db.execute(f"SELECT * FROM {t}").fetchall() for t in ("audit_log", "audit_head") if t in tables
    }
    try:
        yield db
    finally:
        for table, rows in saved.items():
            db.execute(f"DELETE FROM {table}")
            if rows:
                marks = ",".join("?" * len(rows[0]))
                db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        db.commit()
        db.close()


def unkeyed(prev: str, ts: float, actor: str, action: str, detail: str) -> str:
    """The chain's link as privrag's source once computed it: anyone could recompute it."""
    material = json.dumps([prev, repr(ts), actor, action, detail], separators=(",", ":"))
    return hashlib.sha256(material.encode()).hexdigest()


def test_deleting_the_last_audit_rows_is_detected_as_truncation(service: PrivacyService) -> None:
    some_activity(service)
    assert verify(service)["ok"] is True
    with tampered(service.home) as db:
        last = db.execute("SELECT max(id) FROM audit_log").fetchone()[0]
        db.execute("DELETE FROM audit_log WHERE id > ?", (last - 2,))  # the attacker's question, gone
        db.commit()
        result = verify(service)
        assert result["ok"] is False
        assert result["reason"] == "truncated"
        assert result["first_bad_row"] == last - 1
    assert verify(service)["ok"] is True


def test_rewriting_the_whole_chain_with_recomputed_hashes_is_detected(service: PrivacyService) -> None:
    some_activity(service)
    with tampered(service.home) as db:
        rows = db.execute("SELECT id, ts, actor, action, detail FROM audit_log ORDER BY id").fetchall()
        target = rows[len(rows) // 2][0]
        prev = "0" * 64
        for row_id, ts, actor, action, detail in rows:
            if row_id == target:
                actor = "somebody-else"  # the attacker's own row, pinned on another user
            digest = unkeyed(prev, ts, actor, action, detail)
            db.execute(
                "UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE id = ?",
                (actor, prev, digest, row_id),
            )
            prev = digest
        db.commit()
        result = verify(service)
        assert result["ok"] is False
        assert result["reason"] == "rewritten"
        assert result["first_bad_row"] == rows[0][0]  # keyed from the first row: no row can be recomputed


def test_editing_one_row_is_detected_where_it_was_edited(service: PrivacyService) -> None:
    some_activity(service)
    with tampered(service.home) as db:
        target = db.execute("SELECT max(id) FROM audit_log WHERE action = 'question'").fetchone()[0]
        db.execute("UPDATE audit_log SET detail = '{}' WHERE id = ?", (target,))
        db.commit()
        result = verify(service)
        assert (result["ok"], result["reason"], result["first_bad_row"]) == (False, "tampered_row", target)


def test_an_admin_asking_as_another_user_is_recorded_as_the_actor(service: PrivacyService) -> None:
    with service.client("boss") as admin:
        response = admin.post(
            "/v1/ask",
            json={"question": "What is the travel expense policy?"},
            headers={"X-Privrag-User": "eng_employee"},
        )
    response.raise_for_status()
    question = next(r for r in audit_rows(service) if r["action"] == "question")
    assert question["actor"] == "boss"
    assert question["subject"] == "eng_employee"


def test_a_stream_cut_after_the_sources_leaves_a_question_row(service: PrivacyService) -> None:
    started = time.time()
    with service.client("eng_evaluator") as evaluator:
        body = {"question": "What does the incident runbook say about escalation?", "stream": True}
        with evaluator.stream("POST", "/v1/ask", json=body) as response:
            for line in response.iter_lines():
                if line.strip() and json.loads(line)["type"] == "sources":
                    break
            # The client has the sources and goes away: the question must already be on record.
            rows = [r for r in audit_rows(service, 20) if r["ts"] >= started]
    asked = [r for r in rows if r["action"] == "question" and r["actor"] == "eng_evaluator"]
    assert asked, "no audit row for a question whose sources were delivered"
    assert asked[0]["detail"]["chunks"]


def test_an_unusual_burst_of_reveals_is_flagged(service: PrivacyService) -> None:
    with service.client("hr_evaluator") as evaluator:
        created = evaluator.post("/v1/conversations", json={"title": "cases"})
        created.raise_for_status()
        conversation = created.json()["id"]
        for _ in range(35):  # over the default 30 reveals per hour; each reveal request is audited
            shown = evaluator.get(f"/v1/conversations/{conversation}", params={"reveal": "true"})
            shown.raise_for_status()
    flags = [r for r in audit_rows(service, 500) if r["action"] == "unusual_activity"]
    assert [f["detail"]["user"] for f in flags] == ["hr_evaluator"]  # flagged once in the window
    assert "reveals" in flags[0]["detail"]["over"]
    with service.client("boss") as admin:
        activity = admin.get("/v1/audit/unusual").json()
    flagged = {a["user"]: a for a in activity["users"]}
    assert flagged["hr_evaluator"]["flagged"] is True and flagged["hr_evaluator"]["reveals"] >= 35
