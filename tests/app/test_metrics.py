"""``/metrics``: Prometheus text behind a scrape token, scraped after real activity (logins, questions, an
ingestion job, a reveal, an erasure, failures); every event's series is checked, and no raw value, question,
user name or raw path appears anywhere in the scrape."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from app.container import Container
from app.metrics import Metrics
from tests.app.conftest import serve
from tests.conftest import TEST_PASSWORD, bearer, make_settings

JOB_GUARD_SECONDS = 600  # a guard against a hung job, not a speed check
SECRET_QUESTION_WORD = "Zanzibarquux"


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory, tiny_gguf: Path
) -> Iterator[tuple[TestClient, Container]]:
    home = tmp_path_factory.mktemp("metrics_home")
    container = Container(make_settings(home, tiny_gguf))
    container.users.add("root", "admin", ["all"], TEST_PASSWORD)
    container.users.add("worker", "employee", ["ops"], TEST_PASSWORD)
    container.users.add("outsider", "employee", ["sales"], TEST_PASSWORD)  # no document is theirs
    for client in serve(container):
        yield client, container
    container.close()


def scrape(client: TestClient, token: str) -> str:
    response = client.get("/metrics", headers=bearer(token))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return response.text


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def value(found: dict, name: str, **labels: str) -> float:
    return found.get((name, tuple(sorted(labels.items()))), 0.0)


def test_metrics_need_the_scrape_token(world) -> None:  # type: ignore[no-untyped-def]
    client, container = world
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers=bearer("wrong")).status_code == 401
    user_token = client.post("/v1/auth/login", json={"username": "root", "password": TEST_PASSWORD}).json()
    assert client.get("/metrics", headers=bearer(user_token["token"])).status_code == 401
    token_file = container.settings.home / "keys" / "metrics.token"
    assert token_file.stat().st_mode & 0o777 == 0o600
    scrape(client, token_file.read_text().strip())


def test_a_configured_token_is_used(tmp_path: Path) -> None:
    container = Container(make_settings(tmp_path / "home", None, metrics__token="from-the-config-file"))
    for client in serve(container):
        assert client.get("/metrics", headers=bearer("from-the-config-file")).status_code == 200
        assert not (tmp_path / "home" / "keys" / "metrics.token").exists()
    container.close()


def test_the_scrape_counts_each_event_and_holds_no_raw_value(
    world,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    sample_pii_values: list[str],
) -> None:
    client, container = world
    token = (container.settings.home / "keys" / "metrics.token").read_text().strip()
    before = samples(scrape(client, token))
    root = client.post("/v1/auth/login", json={"username": "root", "password": TEST_PASSWORD}).json()["token"]
    worker = client.post("/v1/auth/login", json={"username": "worker", "password": TEST_PASSWORD}).json()[
        "token"
    ]
    assert (
        client.post("/v1/auth/login", json={"username": "worker", "password": "wrong-password"}).status_code
        == 401
    )
    # An ingestion job over documents holding the sample's real values.
    docs = tmp_path / "docs"
    docs.mkdir()
    values = sample_pii_values[:14]
    for i in range(3):
        (docs / f"memo_{i}.txt").write_text(
            f"Memo {i}. {values[i]} met {values[i + 3]} about the canteen rota; write to {values[i + 7]}.\n"
        )
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    job = client.post(
        "/v1/ingest", json={"paths": [str(docs)], "groups": ["ops"]}, headers=bearer(root)
    ).json()
    deadline = time.monotonic() + JOB_GUARD_SECONDS
    while client.get(f"/v1/jobs/{job['id']}", headers=bearer(root)).json()["status"] in ("queued", "running"):
        assert time.monotonic() < deadline, "the ingestion job did not end"
        time.sleep(0.5)
    # Questions (one naming a real value and a word of the asker's), a refusal, a reveal, an erasure.
    outsider = client.post("/v1/auth/login", json={"username": "outsider", "password": TEST_PASSWORD}).json()
    for question, asker in (
        (f"Who met {values[0]} about the canteen rota?", worker),
        (f"What is {SECRET_QUESTION_WORD} in the canteen rota?", outsider["token"]),  # nothing to answer from
    ):
        assert client.post("/v1/ask", json={"question": question}, headers=bearer(asker)).status_code == 200
    asked = {"question": f"Who met {values[1]} about the canteen rota?", "reveal": True}
    revealed = client.post("/v1/ask", json=asked, headers=bearer(root))
    assert revealed.status_code == 200 and revealed.json()["revealed"]
    erased = client.post("/v1/erase", json={"value": values[2]}, headers=bearer(root))
    assert erased.status_code == 200
    # A raw path holding a real value: only its route template may be a label.
    emails = [v for v in sample_pii_values if "@" in v]
    assert client.get(f"/v1/jobs/{emails[0]}", headers=bearer(root)).status_code == 404
    assert client.get(f"/nowhere/{emails[1]}").status_code == 404

    text = scrape(client, token)
    after = samples(text)

    def grew(name: str, by: float = 1, **labels: str) -> None:
        assert value(after, name, **labels) - value(before, name, **labels) >= by, (name, labels)

    grew("privrag_logins_total", 3, source="local", outcome="ok")
    grew("privrag_logins_total", 1, source="local", outcome="refused")
    grew("privrag_questions_total", 3)
    grew("privrag_refusals_total", 1)  # the outsider's question
    grew("privrag_answer_seconds_count", 3)
    grew("privrag_answer_first_token_seconds_count", 1)
    grew("privrag_reveals_total", 1)
    grew("privrag_erasures_total", 1)
    grew("privrag_http_requests_total", 3, method="POST", route="/v1/ask", status="200")
    grew("privrag_http_requests_total", 1, method="GET", route="/v1/jobs/{job_id}", status="404")
    grew("privrag_http_requests_total", 1, method="GET", route="unmatched", status="404")
    grew("privrag_http_request_duration_seconds_count", 3, method="POST", route="/v1/ask")
    assert value(after, "privrag_ingest_jobs", status="done") == 1
    assert value(after, "privrag_ingest_queue_depth") == 0
    assert value(after, "privrag_ingest_files_total") >= 3
    assert value(after, "privrag_ingest_chunks_total") >= 3
    assert value(after, "privrag_ingest_chunks_per_second") > 0
    assert value(after, "privrag_failures_total", kind="ingest_file") == 1  # broken.pdf
    assert value(after, "privrag_failures_total", kind="http_5xx") == 0
    assert value(after, "privrag_store_documents") == 3
    assert value(after, "privrag_store_chunks") >= 3
    assert value(after, "privrag_store_bytes") > 0
    assert value(after, "privrag_vault_entries", entity_type="PERSON") >= 3
    # Nothing a user wrote, no real value, no user name and no raw path: anywhere in the scrape.
    lowered = text.lower()
    for raw in [*sample_pii_values, SECRET_QUESTION_WORD, "canteen rota", "worker", "outsider", job["id"]]:
        assert raw.lower() not in lowered, raw


def test_an_answer_that_fails_counts_as_a_failure(tmp_path: Path) -> None:
    container = Container(make_settings(tmp_path / "home", None))
    metrics = Metrics(container)

    def broken() -> Iterator[dict]:
        yield {"type": "sources", "sources": []}
        raise RuntimeError("the model crashed")

    with pytest.raises(RuntimeError):
        list(metrics.observe_answer(broken()))
    assert value(samples(metrics.render().decode()), "privrag_failures_total", kind="answer") == 1
    with pytest.raises(ValueError, match="kind"):
        metrics.failure("made-up")
    container.close()
