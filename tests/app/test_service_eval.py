"""Benchmark runs started through the service (`POST /v1/eval/{kind}`), over the session's sample home: the
same code as `privrag eval …`, one run at a time, reports listed by `GET /v1/eval/reports`, audited."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.container import Container
from app.eval_jobs import EvalJob, EvalJobs
from tests.conftest import TEST_PASSWORD, bearer, new_user_token

PASSWORD = TEST_PASSWORD  # the password new_user_token gives
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "eval"
RUN_SECONDS = 600  # a guard against a hung run, not a speed check


token_for = new_user_token
auth = bearer


@pytest.fixture(scope="module")
def evaluator(sample_home: Container) -> str:
    return token_for(sample_home, "evaluator")


@pytest.fixture
def datasets(tmp_path: Path) -> Path:
    """The tiny fixtures copied under the temp folder (an allowed root in the tests' settings)."""
    shutil.copy(FIXTURES / "pii_tiny.json", tmp_path / "pii_tiny.json")
    shutil.copytree(FIXTURES / "beir_tiny", tmp_path / "beir_tiny")
    return tmp_path


def finish(client: TestClient, token: str, job: dict) -> dict:
    client.app.state.service.eval_jobs.wait(RUN_SECONDS)  # type: ignore[attr-defined]
    return client.get(f"/v1/eval/jobs/{job['id']}", headers=auth(token)).json()


def test_only_evaluators_and_admins_start_runs(
    client: TestClient, sample_home: Container, datasets: Path
) -> None:
    body = {"dataset": str(datasets / "pii_tiny.json")}
    for role in ("employee", "privacy_officer"):
        token = token_for(sample_home, role)
        refused = client.post("/v1/eval/pii", json=body, headers=auth(token))
        assert refused.status_code == 403 and "'evaluate'" in refused.json()["detail"]
        assert client.get("/v1/eval/jobs", headers=auth(token)).status_code == 403
    assert client.post("/v1/eval/pii", json=body).status_code == 401


@pytest.mark.parametrize(
    ("kind", "dataset", "expected"),
    [
        ("pii", "/etc/passwd", "outside the folders datasets may be read from"),
        ("pii", "{tmp}/missing.json", "does not exist"),
        ("pii", "{tmp}/beir_tiny", "not a presidio-research JSON file"),
        ("pii", "{tmp}/beir_tiny/queries.jsonl", "not a presidio-research JSON file"),
        ("retrieval", "{tmp}/pii_tiny.json", "not a BEIR or XQuAD folder"),
        ("retrieval", "{tmp}", "not a BEIR or XQuAD folder"),
        ("rag", "{tmp}/beir_tiny", "XQuAD layout"),
    ],
)
def test_bad_datasets_are_a_400_naming_the_field(
    client: TestClient, evaluator: str, datasets: Path, kind: str, dataset: str, expected: str
) -> None:
    response = client.post(
        f"/v1/eval/{kind}", json={"dataset": dataset.format(tmp=datasets)}, headers=auth(evaluator)
    )
    assert response.status_code == 400, response.text
    detail = response.json()["detail"]
    assert detail.startswith("dataset: ") and expected in detail


def test_options_are_bounded(client: TestClient, evaluator: str, datasets: Path) -> None:
    pii = str(datasets / "pii_tiny.json")
    for kind, body in [
        ("pii", {"dataset": pii, "limit": -1}),
        ("pii", {"dataset": pii, "limit": 10**9}),
        ("retrieval", {"dataset": str(datasets / "beir_tiny"), "modes": ["bm42"]}),
        ("retrieval", {"dataset": str(datasets / "beir_tiny"), "split": "../x"}),
        ("leakage", {"dataset": pii}),
    ]:
        assert client.post(f"/v1/eval/{kind}", json=body, headers=auth(evaluator)).status_code == 422, body


def test_one_run_at_a_time(client: TestClient, evaluator: str, datasets: Path) -> None:
    jobs: EvalJobs = client.app.state.service.eval_jobs  # type: ignore[attr-defined]
    jobs.wait(RUN_SECONDS)
    release = threading.Event()

    def blocking(job: EvalJob) -> dict:
        release.wait(RUN_SECONDS)
        return {"run": "never-written"}

    running = jobs.start("someone", "retrieval", "/x", {}, blocking)
    try:
        busy = client.post(
            "/v1/eval/pii", json={"dataset": str(datasets / "pii_tiny.json")}, headers=auth(evaluator)
        )
        assert busy.status_code == 409 and running.id in busy.json()["detail"]
    finally:
        release.set()
        jobs.wait(RUN_SECONDS)
    assert running.status == "done"


def test_pii_run_completes_and_its_report_is_listed(
    client: TestClient, sample_home: Container, evaluator: str, datasets: Path
) -> None:
    started = client.post(
        "/v1/eval/pii",
        json={"dataset": str(datasets / "pii_tiny.json"), "limit": 4, "baseline": False},
        headers=auth(evaluator),
    )
    assert started.status_code == 200, started.text
    job = started.json()
    assert job["kind"] == "pii" and job["status"] in ("queued", "running", "done")
    assert job["options"]["limit"] == 4 and job["dataset"] == str(datasets / "pii_tiny.json")
    job = finish(client, evaluator, job)
    assert job["status"] == "done", job["error"]
    assert job["run"] and job["finished_at"] >= job["created_at"]

    runs = client.get("/v1/eval/reports", headers=auth(evaluator)).json()
    listed = next(r for r in runs if (r["kind"], r["run"]) == ("pii", job["run"]))
    assert listed["metrics"]["samples"] == 4.0 and 0.0 <= listed["metrics"]["overall.f2"] <= 1.0
    report = client.get(f"/v1/eval/reports/pii/{job['run']}", headers=auth(evaluator)).json()
    assert report["charts"] == ["chart.png"] and report["report"]["detector"]
    assert "baseline" not in report["report"]

    rows = sample_home.audit.rows(limit=50)
    actions = {(r["action"], json.loads(r["detail"]).get("job")) for r in rows}
    assert {("eval_started", job["id"]), ("eval_done", job["id"])} <= actions
    assert any(j["id"] == job["id"] for j in client.get("/v1/eval/jobs", headers=auth(evaluator)).json())


def test_retrieval_run_completes_and_its_report_is_listed(
    client: TestClient, sample_home: Container, datasets: Path
) -> None:
    admin = token_for(sample_home, "admin")
    body = {"dataset": str(datasets / "beir_tiny"), "limit": 2, "modes": ["hybrid"], "baseline": False}
    job = finish(client, admin, client.post("/v1/eval/retrieval", json=body, headers=auth(admin)).json())
    assert job["status"] == "done", job["error"]
    runs = client.get("/v1/eval/reports", headers=auth(admin)).json()
    listed = next(r for r in runs if (r["kind"], r["run"]) == ("retrieval", job["run"]))
    assert listed["metrics"]["queries"] == 2.0 and "ndcg@10" in listed["metrics"]
    report = client.get(f"/v1/eval/reports/retrieval/{job['run']}", headers=auth(admin)).json()
    assert set(report["report"]["modes"]) == {"hybrid"} and report["report"]["anonymize"] is True


def test_rag_run_completes_and_its_report_is_listed(
    client: TestClient, evaluator: str, datasets: Path
) -> None:
    shutil.copytree(FIXTURES / "xquad_tiny", datasets / "xquad_tiny")
    body = {"dataset": str(datasets / "xquad_tiny"), "limit": 2}
    job = finish(client, evaluator, client.post("/v1/eval/rag", json=body, headers=auth(evaluator)).json())
    assert job["status"] == "done", job["error"]
    assert (job["done"], job["total"]) == (2, 2)
    runs = client.get("/v1/eval/reports", headers=auth(evaluator)).json()
    listed = next(r for r in runs if (r["kind"], r["run"]) == ("rag", job["run"]))
    assert listed["metrics"]["questions"] == 2.0 and 0.0 <= listed["metrics"]["f1"] <= 1.0
    report = client.get(f"/v1/eval/reports/rag/{job['run']}", headers=auth(evaluator)).json()
    assert report["charts"] == ["rag.png"] and report["markdown"].startswith("# Answer benchmark")
