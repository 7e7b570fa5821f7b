"""A person's name in a file name: ``Jane_Doe_warning.txt`` must not reach users through citations, nor sit in
the store's payloads or the catalog in clear. Only the admin's document list shows the real path."""

from __future__ import annotations

import json
import sqlite3
import time

import httpx

from tests.privacy.conftest import PrivacyService

WARNING = """Written warning

Jane Doe received a written warning on 3 March 2025 after repeated late filings of expense reports.
Jane Doe was told that a further late filing will lead to a disciplinary hearing.
"""
RAW = ("Jane", "Doe")


def wait_for(client: httpx.Client, job_id: str) -> dict:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        job = client.get(f"/v1/jobs/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return dict(job)
        time.sleep(0.2)
    raise AssertionError(f"ingestion job {job_id} did not finish")


def ingest_warning(service: PrivacyService) -> str:
    """The admin ingests the warning letter for group eng; returns its real path."""
    path = service.home.parent / "own-docs" / "Jane_Doe_warning.txt"  # the shared docs stay as they are
    if not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(WARNING)
        with service.client("boss") as admin:
            job = admin.post("/v1/ingest", json={"paths": [str(path)], "groups": ["eng"]}).json()
            assert wait_for(admin, job["id"])["status"] == "done"
    return str(path)


def test_citations_show_no_name_from_a_file_name(service: PrivacyService) -> None:
    ingest_warning(service)
    with service.client("eng_employee") as employee:
        answer = employee.post(
            "/v1/ask", json={"question": "Who received a written warning for late filings?"}
        )
    answer.raise_for_status()
    shown = answer.json()
    names = [s["source"] for s in shown["sources"]] + [c["source"] for c in shown["citations"]]
    assert any(name.endswith("_warning.txt") for name in names), names  # the letter was found
    for name in names:
        assert not any(raw in name for raw in RAW), name
    assert "<PERSON_" in next(n for n in names if n.endswith("_warning.txt"))


def test_the_store_payloads_hold_no_name_from_a_file_name(service: PrivacyService) -> None:
    ingest_warning(service)
    store = service.container.vector_store  # type: ignore[attr-defined]
    payloads = [json.dumps(p) for p in store.iter_payloads()]
    warning = [p for p in payloads if "_warning.txt" in p]
    assert warning, "the warning letter is not in the store"
    for payload in payloads:
        assert not any(raw in payload for raw in RAW), payload[:300]


def test_the_catalog_holds_no_name_from_a_file_name_and_admins_see_the_path(service: PrivacyService) -> None:
    real = ingest_warning(service)
    with sqlite3.connect(service.home / "privrag.db") as db:  # someone with a copy of the home
        rows = db.execute("SELECT * FROM documents").fetchall()
    assert rows
    for row in rows:
        assert not any(raw in str(field) for field in row for raw in RAW), row
    with service.client("boss") as admin:
        documents = admin.get("/v1/documents").json()
    letter = next(d for d in documents if d["source"].endswith("_warning.txt"))
    assert letter["path"] == real  # the admin's list: the real path, for those allowed
    assert not any(raw in letter["source"] for raw in RAW)
    with service.client("eng_employee") as employee:
        assert employee.get("/v1/documents").status_code == 403


def test_deleting_by_the_real_path_still_works(service: PrivacyService) -> None:
    real = ingest_warning(service)
    with service.client("boss") as admin:
        deleted = admin.delete("/v1/documents", params={"doc": real})
        deleted.raise_for_status()
        assert "_warning.txt" in deleted.json()["source"]
        assert not any(raw in deleted.json()["source"] for raw in RAW)
        assert all(not d["source"].endswith("_warning.txt") for d in admin.get("/v1/documents").json())
