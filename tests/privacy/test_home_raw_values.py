"""Someone with a copy of the home: after ingesting, questions holding hr values, feedback, a file named after
a person and a restart with an upload in flight, no raw value is anywhere under the home (database and WAL,
store files, logs, reports, uploads)."""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from eval.leakage import scan_home
from tests.conftest import TEST_PASSWORD, make_settings
from tests.privacy.conftest import HR_SECRETS, PrivacyService, Template, _settings, start_service
from tests.service_thread import serving

# Names that arrive through file names only (one ingested, one uploaded when the service stops).
FILE_NAME_VALUES = ["Jane_Doe", "Jane Doe", "Dmitri_Vasquez-Lindqvist", "Dmitri Vasquez-Lindqvist"]
WARNING = "Jane Doe received a written warning on 3 March 2025. Jane Doe's manager will review it in June.\n"
REVIEW = (
    "Review of Dmitri Vasquez-Lindqvist (SSN 219-09-9999, dmitri.vl@northwind-analytics.com): Dmitri "
    "Vasquez-Lindqvist approved the late filings of Margaret Okonkwo-Hale.\n"
)


@dataclass
class Found:
    where: str
    value: str


def wait_for(client: httpx.Client, job_id: str) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if client.get(f"/v1/jobs/{job_id}").json()["status"] in ("done", "failed"):
            return
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} did not finish")


def use_the_service(service: PrivacyService) -> None:
    """What users do: questions holding hr values (in a conversation and not), feedback, a named file."""
    letter = service.home.parent / "own-docs" / "Jane_Doe_warning.txt"  # the shared docs stay as they are
    letter.parent.mkdir(exist_ok=True)
    letter.write_text(WARNING)
    with service.client("boss") as admin:
        job = admin.post("/v1/ingest", json={"paths": [str(letter)], "groups": ["hr"]}).json()
        wait_for(admin, job["id"])
    questions = [
        "What did Margaret Okonkwo-Hale receive a warning for?",
        "Whose SSN is 536-80-4398?",
        "Is margaret.okonkwo@northwind-analytics.com reachable at +1 415 555 0173?",
        "Which card ends 4111 1111 1111 1111 and who is Dmitri Vasquez-Lindqvist?",
    ]
    for user in ("hr_employee", "eng_employee"):
        with service.client(user) as client:
            conversation = client.post("/v1/conversations", json={"title": "questions"}).json()["id"]
            for number, question in enumerate(questions):
                body = {"question": question, **({"conversation_id": conversation} if number % 2 else {})}
                answer = client.post("/v1/ask", json=body)
                answer.raise_for_status()
            client.post(
                "/v1/feedback",
                json={
                    "question": questions[1],
                    "answer": answer.json()["answer"],
                    "rating": "down",
                    "comment": "Margaret Okonkwo-Hale, 536-80-4398, dmitri.vl@northwind-analytics.com",
                    "conversation_id": conversation,
                },
            ).raise_for_status()


def serve_again(home: Path, docs: Path, model: Path) -> Iterator[str]:
    """The service restarted on the same home (a new process would do the same)."""
    from app.container import Container
    from app.service import create_app

    container = Container(_settings(home, docs, model))
    app = create_app(container)
    try:
        with serving(app) as url:
            yield url
    finally:
        container.close()


@pytest.fixture(scope="module")
def used_home(tmp_path_factory: pytest.TempPathFactory, tiny_gguf: Path, privacy_template: Template) -> Path:
    home = tmp_path_factory.mktemp("home_scan") / "home"
    shutil.copytree(privacy_template.home, home)
    running = start_service(home, privacy_template.docs, tiny_gguf)
    service = next(running)
    use_the_service(service)
    with service.client("boss") as admin:  # an upload, then the service stops before its job is done
        files = {"files": ("Dmitri_Vasquez-Lindqvist_review.txt", REVIEW.encode(), "text/plain")}
        admin.post("/v1/ingest/upload", files=files, data={"groups": "hr"})
    running.close()  # the service stops (its job queue with it)
    for url in serve_again(home, privacy_template.docs, tiny_gguf):
        with httpx.Client(base_url=url, timeout=120) as anonymous:
            token = anonymous.post(
                "/v1/auth/login", json={"username": "hr_employee", "password": TEST_PASSWORD}
            ).json()["token"]
            asked = anonymous.post(
                "/v1/ask",
                json={"question": "What happened to Margaret Okonkwo-Hale?"},
                headers={"Authorization": f"Bearer {token}"},
            )
            asked.raise_for_status()
    return home


def raw_bytes_found(home: Path, values: list[str]) -> list[Found]:
    """Every file under the home, read as bytes, for every value (the store's files included)."""
    found = []
    for path in sorted(p for p in home.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for value in values:
            if value.encode() in data or value.encode("utf-16-le") in data:
                found.append(Found(f"{path.relative_to(home)}{_where_in_database(path, value)}", value))
    return found


def _where_in_database(path: Path, value: str) -> str:
    """For the SQLite file: the tables and columns that hold ``value`` now (else it is in free space)."""
    if path.name != "privrag.db":
        return ""
    places = []
    with sqlite3.connect(path) as db:
        for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            columns = [row[1] for row in db.execute(f"PRAGMA table_info('{table}')")]
            for column in columns:
                query = f"SELECT count(*) FROM '{table}' WHERE CAST(\"{column}\" AS TEXT) LIKE ?"
                if db.execute(query, (f"%{value}%",)).fetchone()[0]:
                    places.append(f"{table}.{column}")
    return f" ({', '.join(places) or 'free space'})"


def test_no_raw_value_in_any_file_under_the_home(used_home: Path) -> None:
    found = raw_bytes_found(used_home, HR_SECRETS + FILE_NAME_VALUES)
    assert found == [], "\n".join(f"{f.where}: {f.value}" for f in found)


def test_the_leakage_scan_finds_nothing_either(used_home: Path, tiny_gguf: Path) -> None:
    from app.container import Container

    container = Container(make_settings(used_home, tiny_gguf))
    try:
        result = scan_home(container, HR_SECRETS + FILE_NAME_VALUES)
    finally:
        container.close()
    assert result["raw_values_found"] == 0, result["where"]
    assert result["files_scanned"] > 0 and result["chunks_scanned"] > 0
