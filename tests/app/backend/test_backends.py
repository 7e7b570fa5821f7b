"""The two ``Backend`` implementations, run through the same scenario: the local one on a temporary home,
the HTTP one against a real service (uvicorn in a background thread, found through the home's
``service.json`` and the CLI token, as ``privrag`` commands find it). Each command is written once against
the protocol, so both must give the same answers and refuse the same requests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import cli_token
from app.backend.base import Backend, BackendError, IngestRequest
from app.backend.choose import open_backend
from app.backend.http import HttpBackend
from app.backend.local import LocalBackend
from app.client import service_file
from app.container import Container
from app.service import create_app
from app.settings import Settings
from tests.conftest import TEST_PASSWORD, make_settings
from tests.service_thread import serving

EMAIL = "maria.schneider@example.com"
DOCUMENT = (
    "Travel policy\n\nMaria Schneider approves every trip abroad. Write to her at "
    f"{EMAIL} at least two weeks before the journey. Train travel is preferred under 600 km.\n"
)


def _prepare_home(home: Path, model: Path) -> Settings:
    """A home with a first admin and the CLI's token, as `privrag setup` leaves it."""
    settings = make_settings(home, model)
    container = Container(settings)
    try:
        container.users.add("admin", "admin", ["all"], TEST_PASSWORD)
        cli_token.ensure(container)
    finally:
        container.close()
    return settings


@pytest.fixture
def local_settings(tmp_path: Path, tiny_gguf: Path) -> Settings:
    return _prepare_home(tmp_path / "home", tiny_gguf)


@pytest.fixture
def service_settings(tmp_path: Path, tiny_gguf: Path) -> Iterator[Settings]:
    """The home's service running, announced in ``<home>/service.json`` as `privrag serve` does."""
    settings = _prepare_home(tmp_path / "home", tiny_gguf)
    container = Container(settings)
    with serving(create_app(container)) as url:
        service_file(settings.home).write_text(json.dumps({"url": url, "pid": 0}))
        yield settings
        service_file(settings.home).unlink(missing_ok=True)
    container.close()


def _documents(folder: Path) -> Path:
    folder.mkdir()
    (folder / "travel.txt").write_text(DOCUMENT, encoding="utf-8")
    return folder


def _answer(backend: Backend, question: str, user: str | None = None) -> dict:
    events = list(backend.ask(question, user, reveal=False))
    assert events[-1]["type"] == "done"
    return events[-1]["answer"]


def _scenario(backend: Backend, docs: Path) -> None:
    """Everything the CLI asks of a backend, with what both implementations must answer."""
    report = backend.ingest(IngestRequest([str(docs)], ["all"], quiet=True))
    assert report["files"] == 1 and report["ingested"] == 1 and report["failed"] == []
    assert report["chunks"] >= 1

    answer = _answer(backend, "Who approves trips abroad?")
    assert isinstance(answer["answer"], str) and answer["answer"] and answer["revealed"] is False
    assert isinstance(answer["citations"], list)  # the tiny model's words are random: it may cite nothing
    stages = {"retrieve_ms", "select_ms", "first_token_ms", "total_ms", "after_last_token_ms"}
    assert set(answer["timings"]) == stages
    assert EMAIL not in json.dumps(answer)  # no reveal asked for: pseudonyms only
    with pytest.raises(BackendError):
        _answer(backend, "Who approves trips abroad?", user="nobody")

    created = backend.add_user("ana", "employee", ["hr"], TEST_PASSWORD)
    assert {k: created[k] for k in ("name", "role", "groups")} == {
        "name": "ana",
        "role": "employee",
        "groups": ["hr"],
    }
    with pytest.raises(BackendError, match="role"):
        backend.add_user("bob", "emperor", [], TEST_PASSWORD)
    assert {u["name"] for u in backend.users()} == {"admin", "ana"}
    changed = backend.change_user("ana", None, ["hr", "all"], None)
    assert sorted(changed["groups"]) == ["all", "hr"] and changed["role"] == "employee"
    assert _answer(backend, "Who approves trips abroad?", user="ana")["revealed"] is False

    issued = backend.issue_token("ana")
    assert issued["token"] and issued["id"] in {t["id"] for t in backend.tokens("ana")}
    assert backend.revoke_token("ana", issued["id"]) == {"revoked": issued["id"]}
    assert not next(t for t in backend.tokens("ana") if t["id"] == issued["id"])["active"]
    with pytest.raises(BackendError):
        backend.revoke_token("ana", "no-such-token")
    assert backend.remove_user("ana") == {"removed": "ana"}
    with pytest.raises(BackendError):
        backend.change_user("ana", "admin", None, None)

    erased = backend.erase(EMAIL, "EMAIL_ADDRESS")
    assert erased["vault_entries_removed"] >= 1 and erased["chunks_changed"] >= 1
    leaks = backend.leakage([EMAIL, "Maria Schneider"])
    assert leaks["raw_values_found"] == 0 and leaks["values_checked"] == 2

    deleted = backend.delete(str(docs / "travel.txt"))
    assert deleted["chunks"] == report["chunks"]
    with pytest.raises(BackendError, match="not in the index"):
        backend.delete(str(docs / "travel.txt"))

    verified = backend.audit_verify()
    assert verified["ok"] is True and verified["rows"] > 0


def test_local_backend_on_a_home(local_settings: Settings, tmp_path: Path) -> None:
    with open_backend(local_settings) as backend:
        assert isinstance(backend, LocalBackend) and backend.kind == "local"
        _scenario(backend, _documents(tmp_path / "docs"))
    container = Container(local_settings)
    try:
        actions = [r["action"] for r in container.audit.rows()]
    finally:
        container.close()
    for action in ("ingest", "user_added", "user_removed", "token_revoked", "leakage_scan"):
        assert action in actions  # the local backend audits as the service does, "cli" as the actor


def test_http_backend_against_the_running_service(service_settings: Settings, tmp_path: Path) -> None:
    with open_backend(service_settings) as backend:
        assert isinstance(backend, HttpBackend) and backend.kind == "service"
        _scenario(backend, _documents(tmp_path / "docs"))


def test_http_backend_refuses_what_only_the_home_can_do(service_settings: Settings, tmp_path: Path) -> None:
    from ingest.sharding import Shard

    docs = _documents(tmp_path / "docs")
    with open_backend(service_settings) as backend:
        with pytest.raises(BackendError, match="--rebuild: stop the service first"):
            backend.ingest(IngestRequest([str(docs)], [], rebuild=True, quiet=True))
        with pytest.raises(BackendError, match="--shard runs in this process"):
            backend.ingest(IngestRequest([str(docs)], [], shard=Shard.parse("1/2"), quiet=True))


def test_an_expired_cli_token_is_renewed_when_the_service_is_found(service_settings: Settings) -> None:
    cli_token.token_path(service_settings.home).write_text("not-a-valid-token\n")
    with open_backend(service_settings) as backend:
        assert isinstance(backend, HttpBackend)
        assert {u["name"] for u in backend.users()} == {"admin"}
    assert cli_token.read(service_settings.home) != "not-a-valid-token"


def test_the_local_backend_refuses_a_shard_with_sequential_surrogates(local_settings: Settings) -> None:
    from ingest.sharding import Shard

    local_settings.anonymize.surrogate_numbers = "sequential"
    with open_backend(local_settings) as backend, pytest.raises(BackendError, match="keyed"):
        backend.ingest(IngestRequest(["/nowhere"], [], shard=Shard.parse("1/2"), quiet=True))
