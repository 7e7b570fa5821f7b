"""The service routes the web UI needs (conversations, feedback, uploads, audit rows, vault statistics,
benchmark reports), over the session's sample home (tiny model)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.container import Container
from tests.conftest import TEST_PASSWORD, bearer, new_user_token

PASSWORD = TEST_PASSWORD  # the password new_user_token gives
QUESTION = "How many days per week may employees work remotely?"
PII_QUESTION = "Who is Jane Doe?"


token_for = new_user_token
auth = bearer


@pytest.fixture(scope="module")
def employee(sample_home: Container) -> str:
    return token_for(sample_home, "employee")


@pytest.fixture(scope="module")
def admin(sample_home: Container) -> str:
    return token_for(sample_home, "admin")


# --- conversations -------------------------------------------------------------------------------


def test_conversations_are_per_user(client: TestClient, employee: str, sample_home: Container) -> None:
    created = client.post("/v1/conversations", json={"title": "Remote work"}, headers=auth(employee))
    assert created.status_code == 200
    conversation = created.json()
    assert conversation["title"] == "Remote work" and "turns" not in conversation
    untitled = client.post("/v1/conversations", headers=auth(employee)).json()
    listed = client.get("/v1/conversations", headers=auth(employee)).json()
    assert [c["id"] for c in listed][:2] == [untitled["id"], conversation["id"]]

    other = token_for(sample_home, "employee")
    assert client.get("/v1/conversations", headers=auth(other)).json() == []
    missing = client.get(f"/v1/conversations/{conversation['id']}", headers=auth(other))
    assert missing.status_code == 404 and "does not exist" in missing.json()["detail"]
    body = {"question": QUESTION, "conversation_id": conversation["id"]}
    assert client.post("/v1/ask", json=body, headers=auth(other)).status_code == 404


def test_ask_appends_both_turns(client: TestClient, employee: str) -> None:
    conversation = client.post("/v1/conversations", headers=auth(employee)).json()
    body = {"question": QUESTION, "conversation_id": conversation["id"], "stream": True}
    with client.stream("POST", "/v1/ask", json=body, headers=auth(employee)) as response:
        assert response.status_code == 200
        events = [json.loads(line) for line in response.iter_lines() if line.strip()]
    done = events[-1]
    assert done["type"] == "done" and done["conversation_id"] == conversation["id"]
    stored = client.get(f"/v1/conversations/{conversation['id']}", headers=auth(employee)).json()
    assert [t["role"] for t in stored["turns"]] == ["user", "assistant"]
    assert stored["turns"][0]["content"] == QUESTION
    assert stored["turns"][1]["id"] == done["turn_id"]
    assert stored["turns"][1]["content"] == done["answer"]["answer"]
    assert stored["turns"][1]["citations"] == done["answer"]["citations"]
    assert stored["title"] == QUESTION and stored["revealed"] is False

    follow_up = {"question": "And on Fridays?", "conversation_id": conversation["id"]}
    answer = client.post("/v1/ask", json=follow_up, headers=auth(employee))
    assert answer.status_code == 200
    stored = client.get(f"/v1/conversations/{conversation['id']}", headers=auth(employee)).json()
    assert len(stored["turns"]) == 4 and stored["title"] == QUESTION


def test_turns_are_stored_pseudonymized_and_revealed_on_request(
    client: TestClient, admin: str, employee: str, sample_home: Container
) -> None:
    conversation = client.post("/v1/conversations", headers=auth(admin)).json()
    body = {"question": PII_QUESTION, "conversation_id": conversation["id"], "reveal": True}
    answer = client.post("/v1/ask", json=body, headers=auth(admin))
    assert answer.status_code == 200 and answer.json()["revealed"] is True
    stored = sample_home.conversations.get(conversation["user"], conversation["id"])
    assert stored is not None
    raw = json.dumps(
        [t.content for t in stored.turns] + [c["text"] for t in stored.turns for c in t.citations]
    )
    assert "Jane" not in raw and "<PERSON_" in stored.turns[0].content

    revealed = client.get(
        f"/v1/conversations/{conversation['id']}", params={"reveal": True}, headers=auth(admin)
    ).json()
    # The asker's own turn is text they typed: never revealed. The answer's turn is, within scope.
    assert revealed["revealed"] is True and revealed["turns"][0]["content"] == stored.turns[0].content
    assert revealed["turns"][1]["content"] == answer.json()["answer"]
    for citation in revealed["turns"][1]["citations"]:
        start, end = citation["highlight"] or (0, 0)
        assert 0 <= start <= end <= len(citation["text"])
    assert any(
        r["action"] == "reveal" and "conversation" in r["detail"] for r in sample_home.audit.rows(limit=5)
    )

    mine = client.post("/v1/conversations", headers=auth(employee)).json()
    denied = client.get(f"/v1/conversations/{mine['id']}", params={"reveal": True}, headers=auth(employee))
    assert denied.status_code == 403 and "reveal" in denied.json()["detail"]


# --- feedback ------------------------------------------------------------------------------------


def test_feedback_is_stored_pseudonymized(client: TestClient, employee: str, sample_home: Container) -> None:
    body = {
        "question": QUESTION,
        "answer": "Three days [1].",
        "rating": "down",
        "comment": "Jane Doe told me it is two days.",
        "sources": [
            {"n": 1, "doc_id": "d1", "source": "/x/remote_work_policy.md", "chunk_id": "c1", "page": 2}
        ],
    }
    response = client.post("/v1/feedback", json=body, headers=auth(employee))
    assert response.status_code == 200
    record = response.json()
    assert record["rating"] == -1 and record["id"] > 0
    stored = next(f for f in sample_home.feedback.list(limit=10) if f.id == record["id"])
    assert "Jane" not in stored.comment and "<PERSON_" in stored.comment
    assert stored.question == QUESTION and stored.sources[0]["page"] == 2
    assert any(r["action"] == "feedback" for r in sample_home.audit.rows(limit=5))

    assert (
        client.post("/v1/feedback", json={**body, "rating": "meh"}, headers=auth(employee)).status_code == 422
    )
    unknown = client.post("/v1/feedback", json={**body, "conversation_id": "nope"}, headers=auth(employee))
    assert unknown.status_code == 404
    assert client.get("/v1/feedback", headers=auth(employee)).status_code == 403


def test_feedback_list_for_auditors(client: TestClient, admin: str) -> None:
    body = {"question": QUESTION, "answer": "Three days.", "rating": "up"}
    assert client.post("/v1/feedback", json=body, headers=auth(admin)).status_code == 200
    rows = client.get("/v1/feedback", params={"limit": 1}, headers=auth(admin)).json()
    assert len(rows) == 1 and rows[0]["rating"] == 1


# --- uploads -------------------------------------------------------------------------------------


def wait_job(client: TestClient, token: str, job_id: str) -> dict:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        job = client.get(f"/v1/jobs/{job_id}", headers=auth(token)).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} did not finish")


def test_upload_ingests_and_removes_the_files(client: TestClient, admin: str, sample_home: Container) -> None:
    files = [
        (
            "files",
            ("bike_policy.md", b"# Bikes\n\nBicycles may be parked in the basement garage.\n", "text/plain"),
        ),
        ("files", ("notes.xyz", b"not a document", "application/octet-stream")),
    ]
    response = client.post("/v1/ingest/upload", files=files, data={"groups": "ops, hr"}, headers=auth(admin))
    assert response.status_code == 200, response.text
    submitted = response.json()
    assert submitted["uploaded"] == ["bike_policy.md", "notes.xyz"] and submitted["groups"] == ["ops", "hr"]
    folder = Path(submitted["paths"][0]).parent
    assert folder.parent == sample_home.settings.home / "uploads"
    job = wait_job(client, admin, submitted["id"])
    assert job["status"] == "done", job["error"]
    assert job["report"]["ingested"] == 1
    # An unsupported type is skipped and named, not failed (the job succeeds).
    assert job["report"]["failed"] == []
    assert [(Path(f["path"]).name, f["reason"]) for f in job["report"]["skipped"]] == [
        ("notes.xyz", "unsupported")
    ]
    assert not folder.exists(), "uploaded originals do not stay in the home"
    record = next(d for d in sample_home.catalog.all() if d.source.endswith("bike_policy.md"))
    assert record.groups == ["hr", "ops"] and record.chunks >= 1
    deleted = client.delete("/v1/documents", params={"doc": record.doc_id}, headers=auth(admin))
    assert deleted.status_code == 200


@pytest.mark.parametrize("name", ["../escape.md", "/etc/passwd", "a/b.md", "..", ".hidden", "x\\y.md"])
def test_upload_rejects_names_that_escape(
    client: TestClient, admin: str, sample_home: Container, name: str
) -> None:
    before = set((sample_home.settings.home / "uploads").glob("*"))
    files = [("files", (name, b"text", "text/plain"))]
    response = client.post("/v1/ingest/upload", files=files, headers=auth(admin))
    assert response.status_code == 422, (name, response.text)
    assert "upload rejected" in response.json()["detail"]
    assert set((sample_home.settings.home / "uploads").glob("*")) == before


def test_upload_limits_and_permission(
    client: TestClient, admin: str, employee: str, sample_home: Container
) -> None:
    files = [("files", ("a.md", b"text", "text/plain"))]
    assert client.post("/v1/ingest/upload", files=files, headers=auth(employee)).status_code == 403
    limit = sample_home.settings.ingest.max_file_mb
    sample_home.settings.ingest.max_file_mb = 0.001
    try:
        big = [("files", ("big.md", b"x" * 5000, "text/plain"))]
        response = client.post("/v1/ingest/upload", files=big, headers=auth(admin))
    finally:
        sample_home.settings.ingest.max_file_mb = limit
    assert response.status_code == 413 and "big.md" in response.json()["detail"]
    twice = [("files", ("a.md", b"1", "text/plain")), ("files", ("a.md", b"2", "text/plain"))]
    assert client.post("/v1/ingest/upload", files=twice, headers=auth(admin)).status_code == 422


# --- audit log, privacy statistics ---------------------------------------------------------------


def test_audit_rows(client: TestClient, admin: str, employee: str) -> None:
    rows = client.get("/v1/audit", params={"limit": 3}, headers=auth(admin)).json()
    assert len(rows) == 3 and rows[0]["id"] > rows[1]["id"] > rows[2]["id"]
    assert {"ts", "actor", "action", "detail", "hash", "prev_hash"} <= set(rows[0])
    assert isinstance(rows[0]["detail"], dict)
    assert client.get("/v1/audit", headers=auth(employee)).status_code == 403
    assert client.get("/v1/audit", params={"limit": 0}, headers=auth(admin)).status_code == 422


def test_privacy_stats(client: TestClient, admin: str, employee: str, sample_home: Container) -> None:
    officer = token_for(sample_home, "privacy_officer")
    stats = client.get("/v1/privacy/stats", headers=auth(officer)).json()
    assert stats["entries"] == sample_home.vault.stats().entries > 0
    assert stats["per_type"]["PERSON"] > 0
    assert stats["documents"] == len(sample_home.catalog.all()) and stats["chunks"] > 0
    assert client.get("/v1/privacy/stats", headers=auth(employee)).status_code == 403


# --- benchmark reports ---------------------------------------------------------------------------


@pytest.fixture
def report_run(sample_home: Container) -> Iterator[Path]:
    folder = sample_home.settings.home / "reports" / "uitest" / "20250101-000000"
    folder.mkdir(parents=True)
    (folder / "report.json").write_text(
        json.dumps({"f1": 0.5, "latency_ms": {"p50": 12}, "results": [0] * 500})
    )
    (folder / "report.md").write_text("# Report\n\n![chart](chart.png)\n")
    (folder / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")
    yield folder
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    folder.parent.rmdir()


def test_reports(client: TestClient, sample_home: Container, employee: str, report_run: Path) -> None:
    evaluator = token_for(sample_home, "evaluator")
    runs = client.get("/v1/eval/reports", headers=auth(evaluator)).json()
    run = next(r for r in runs if r["kind"] == "uitest")
    assert run == {"kind": "uitest", "run": "20250101-000000", "metrics": {"f1": 0.5, "latency_ms.p50": 12.0}}
    report = client.get("/v1/eval/reports/uitest/20250101-000000", headers=auth(evaluator)).json()
    assert report["charts"] == ["chart.png"] and report["markdown"].startswith("# Report")
    assert "results" not in report["report"], "long per-item lists stay on the server"
    chart = client.get("/v1/eval/reports/uitest/20250101-000000/chart.png", headers=auth(evaluator))
    assert chart.status_code == 200 and chart.headers["content-type"] == "image/png"
    for bad in ("report.json", "..", "%2e%2e"):
        response = client.get(f"/v1/eval/reports/uitest/20250101-000000/{bad}", headers=auth(evaluator))
        assert response.status_code == 404, bad
    assert client.get("/v1/eval/reports/uitest/nope", headers=auth(evaluator)).status_code == 404
    assert client.get("/v1/eval/reports", headers=auth(employee)).status_code == 403
