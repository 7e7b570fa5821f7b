"""`privrag erase`: end to end in local mode (CLI) and through the service (POST /v1/erase)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.container import Container
from app.service import create_app
from tests.conftest import make_settings
from tests.conftest import run_cli as run

MEMO = (
    "# Onboarding\n\nZorblax Quintrell joins the data team on Monday. "
    "Zorblax Quintrell will sit next to the window; ask Quintrell about the rota.\n"
)


def chunks(container: Container) -> list[str]:
    return [n.get_content() + json.dumps(n.metadata) for n in container.vector_store.get_nodes()]


def test_erase_in_local_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    home = tmp_path / "home"
    (tmp_path / "memo.md").write_text(MEMO)
    code, report = run(capsys, "--home", str(home), "ingest", str(tmp_path / "memo.md"), "--json")
    assert code == 0 and report["chunks"] >= 1

    container = Container(make_settings(home, None))
    surrogate = container.vault.find("PERSON", "Zorblax Quintrell")
    assert surrogate and any(surrogate in c for c in chunks(container))
    container.close()

    code, result = run(capsys, "--home", str(home), "erase", "--value", "zorblax  quintrell", "--json")
    assert code == 0
    assert result["chunks_changed"] >= 1 and result["vault_entries_removed"] == 1
    assert result["surrogates"] == [surrogate]

    container = Container(make_settings(home, None))
    try:
        texts = chunks(container)
        assert texts and not any(surrogate in t for t in texts)
        assert any("<PERSON_ERASED>" in t for t in texts)
        assert not any("Zorblax" in t or "Quintrell" in t for t in texts)
        assert container.vault.reveal(surrogate) is None
        assert container.vault.lookup_value("Zorblax Quintrell") == []
        assert container.audit.verify().ok
    finally:
        container.close()

    code, again = run(capsys, "--home", str(home), "erase", "--value", "Zorblax Quintrell", "--json")
    assert code == 0 and again["chunks_changed"] == 0 and again["vault_entries_removed"] == 0


@pytest.fixture(scope="module")
def erase_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Container]:
    home = tmp_path_factory.mktemp("erase_home")
    docs = tmp_path_factory.mktemp("erase_docs")
    (docs / "memo.md").write_text(MEMO)
    container = Container(make_settings(home, None))
    assert not container.ingestor.run([docs / "memo.md"]).failed
    yield container
    container.close()


def token_for(container: Container, role: str) -> dict[str, str]:
    name = f"{role}-{uuid.uuid4().hex[:8]}"
    container.users.add(name, role, ["all"], "a-long-enough-password")
    return {"Authorization": f"Bearer {container.users.issue_token(name)}"}


def test_erase_through_the_service(erase_home: Container) -> None:
    surrogate = erase_home.vault.find("PERSON", "Zorblax Quintrell")
    assert surrogate
    app = create_app(erase_home)
    with TestClient(app) as client:
        body = {"value": "Zorblax Quintrell", "type": "PERSON"}
        refused = client.post("/v1/erase", json=body, headers=token_for(erase_home, "employee"))
        assert refused.status_code == 403
        assert erase_home.vault.reveal(surrogate) == "Zorblax Quintrell"

        response = client.post("/v1/erase", json=body, headers=token_for(erase_home, "privacy_officer"))
        assert response.status_code == 200
        result = response.json()
        assert result["chunks_changed"] >= 1 and result["vault_entries_removed"] == 1
    app.state.service.jobs.stop()
    assert not any(surrogate in c for c in chunks(erase_home))
    assert erase_home.vault.reveal(surrogate) is None
    # a later ingestion of the same name does not get the erased number back
    (new,) = erase_home.pseudonymizer.run(["Zorblax Quintrell called."])
    assert surrogate not in new.text and "<PERSON_" in new.text
