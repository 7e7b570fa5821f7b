"""After ``erase``, a data subject must be gone: not in any chunk's BM25 vector (a chunk's vector also covers
its neighbours' text), conversations, feedback, the audit's details, nor in the bytes of the database or its
WAL.

The attacker here is someone who later gets the home (or the service's surfaces) and looks for the subject."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import httpx
import pytest

from retrieval.edge_store import SPARSE_VECTOR
from retrieval.sparse import SparseEncoder
from retrieval.store_base import Leg
from tests.privacy.conftest import PrivacyService

SUBJECT = "Margaret Okonkwo-Hale"
SSN = "536-80-4398"

FILLER = (
    "The records team keeps every personnel file for seven years after the end of employment. Files are "
    "reviewed each quarter by the records officer, who checks that retention dates are set and that access "
    "lists match the current organisation chart. Paper copies are scanned and shredded within a month. "
)


def long_case_file() -> str:
    """A file of many chunks that names the subject in one paragraph only (its neighbours do not)."""
    before = "\n\n".join(f"Section {i}. {FILLER * 3}" for i in range(1, 7))
    after = "\n\n".join(f"Section {i}. {FILLER * 3}" for i in range(8, 14))
    middle = (
        f"Section 7. {SUBJECT} asked for her file to be corrected; {SUBJECT} will be informed in writing."
    )
    return f"Case file: retention review\n\n{before}\n\n{middle}\n\n{after}\n"


def wait_for(client: httpx.Client, job_id: str) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if client.get(f"/v1/jobs/{job_id}").json()["status"] in ("done", "failed"):
            return
        time.sleep(0.2)
    raise AssertionError(f"ingestion job {job_id} did not finish")


def sparse_hits(service: PrivacyService, surrogate: str) -> int:
    """Chunks whose BM25 vector holds the surrogate's term (read from the store, as a home copy allows)."""
    container = service.container
    store = container.vector_store  # type: ignore[attr-defined]
    query = SparseEncoder(container.bm25_params()).query(surrogate)  # type: ignore[attr-defined]
    (hits,) = store._search([Leg(SPARSE_VECTOR, query, 1000)], None, with_payload=False)
    return len(hits)


def texts_with(service: PrivacyService, needle: str) -> int:
    store = service.container.vector_store  # type: ignore[attr-defined]
    return sum(1 for node in store.get_nodes() if needle in node.get_content())


@pytest.fixture(scope="module")
def before(service: PrivacyService) -> dict:
    """The subject's traces before the erasure: a long case file ingested, a conversation, feedback."""
    path = service.home.parent / "own-docs" / "case_file_retention.txt"  # the shared docs stay as they are
    path.parent.mkdir(exist_ok=True)
    path.write_text(long_case_file())
    with service.client("boss") as admin:
        job = admin.post("/v1/ingest", json={"paths": [str(path)], "groups": ["hr"]}).json()
        wait_for(admin, job["id"])
    container = service.container
    surrogates = container.vault.lookup_value(SUBJECT)  # type: ignore[attr-defined]
    assert surrogates, "the subject is not in the vault"
    with service.client("hr_employee") as employee:
        conversation = employee.post("/v1/conversations", json={"title": "file correction"}).json()["id"]
        question = f"When will {SUBJECT} be informed about her file?"
        asked = employee.post("/v1/ask", json={"question": question, "conversation_id": conversation})
        asked.raise_for_status()
        employee.post(
            "/v1/feedback",
            json={
                "question": question,
                "answer": asked.json()["answer"],
                "rating": "down",
                "comment": f"It should say {SUBJECT} ({SSN}) gets a letter",
                "conversation_id": conversation,
            },
        ).raise_for_status()
    with sqlite3.connect(service.home / "privrag.db") as db:
        secrets = [
            bytes(row[0])
            for row in db.execute("SELECT ciphertext FROM vault_entries WHERE ciphertext != x''")
        ]
        entries = [
            (bytes(c), str(lookup))
            for s in surrogates
            for c, lookup in db.execute(
                "SELECT ciphertext, lookup FROM vault_entries WHERE entity_type = ? AND seq = ?",
                (s[1:-1].rsplit("_", 1)[0], int(s[1:-1].rsplit("_", 1)[1])),
            )
        ]
    assert entries and all(c in secrets for c, _ in entries)
    surrogate = surrogates[0]
    neighbours = sparse_hits(service, surrogate) - texts_with(service, surrogate)
    assert neighbours > 0, "no chunk indexes the subject through a neighbour: the check would prove nothing"
    with service.client("hr_officer") as officer:
        erased = officer.post("/v1/erase", json={"value": SUBJECT})
    erased.raise_for_status()
    assert erased.json()["vault_entries_removed"] >= 1
    return {"surrogates": surrogates, "entries": entries, "conversation": conversation}


def test_no_chunk_text_or_sparse_vector_keeps_the_subject(service: PrivacyService, before: dict) -> None:
    for surrogate in before["surrogates"]:
        assert texts_with(service, surrogate) == 0
        assert sparse_hits(service, surrogate) == 0, f"BM25 vectors still index {surrogate}"


def test_conversations_keep_no_trace(service: PrivacyService, before: dict) -> None:
    with service.client("hr_employee") as employee:
        shown = employee.get(f"/v1/conversations/{before['conversation']}").text
    for trace in [SUBJECT, *before["surrogates"]]:
        assert trace not in shown


def test_feedback_keeps_no_trace(service: PrivacyService, before: dict) -> None:
    with service.client("hr_officer") as officer:
        shown = officer.get("/v1/feedback").text
    for trace in [SUBJECT, *before["surrogates"]]:
        assert trace not in shown


def test_audit_details_keep_no_trace_and_the_chain_holds(service: PrivacyService, before: dict) -> None:
    with service.client("hr_officer") as officer:
        shown = officer.get("/v1/audit", params={"limit": 1000}).text
        verified = officer.get("/v1/audit/verify").json()
    for trace in [SUBJECT, *before["surrogates"]]:
        assert trace not in shown
    assert verified["ok"] is True


def test_the_database_file_and_wal_keep_no_ciphertext_or_value(service: PrivacyService, before: dict) -> None:
    files = [p for p in Path(service.home).glob("privrag.db*") if p.is_file()]
    assert files
    for path in files:
        data = path.read_bytes()
        for ciphertext, lookup in before["entries"]:
            assert ciphertext not in data, f"{path.name} still holds the erased value's ciphertext"
            assert lookup.encode() not in data, f"{path.name} still holds the erased value's look-up hash"
        assert SUBJECT.encode() not in data, f"{path.name} holds the subject's name"
    wal = Path(f"{service.home / 'privrag.db'}-wal")
    assert not wal.exists() or wal.stat().st_size == 0 or before["entries"][0][0] not in wal.read_bytes()
