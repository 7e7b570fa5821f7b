"""``/healthz`` (alive) and ``/readyz`` (store, database, model and directory reachable; 503 naming what
failed)."""

from __future__ import annotations

from pathlib import Path

from app.container import Container
from app.directory import Directory, DirectoryConfig
from app.health import check_directory, readiness
from tests.app.conftest import serve
from tests.conftest import make_settings


def test_ready_when_every_part_answers(tmp_path: Path, tiny_gguf: Path) -> None:
    container = Container(make_settings(tmp_path / "home", tiny_gguf))
    for client in serve(container):
        assert client.get("/healthz").json() == {"ok": True}
        ready = client.get("/readyz")
        assert ready.status_code == 200, ready.json()
        body = ready.json()
        assert body["ready"] is True and body["failed"] == []
        assert set(body["checks"]) == {"store", "database", "model", "directory"}
        assert body["checks"]["store"] == {"ok": True}  # the details are for operators
        token = (container.settings.home / "keys" / "metrics.token").read_text().strip()
        detailed = client.get("/readyz", headers={"Authorization": f"Bearer {token}"}).json()
        assert detailed["checks"]["directory"]["detail"] == "not configured (local users only)"
        assert detailed["checks"]["database"]["detail"] == "sqlite"
    container.close()


def test_not_ready_names_the_missing_model(tmp_path: Path) -> None:
    container = Container(make_settings(tmp_path / "home", tmp_path / "no-such-model.gguf"))
    for client in serve(container):
        assert client.get("/healthz").status_code == 200  # alive all the same
        ready = client.get("/readyz")
        assert ready.status_code == 503
        assert ready.json()["failed"] == ["model"]
        assert "no-such-model.gguf" not in ready.text
        token = (container.settings.home / "keys" / "metrics.token").read_text().strip()
        detailed = client.get("/readyz", headers={"Authorization": f"Bearer {token}"})
        assert "no-such-model.gguf" in detailed.json()["checks"]["model"]["detail"]
    container.close()


def test_not_ready_when_the_database_or_the_openai_server_is_gone(tmp_path: Path) -> None:
    container = Container(
        make_settings(tmp_path / "home", None, llm__backend="openai", llm__url="http://127.0.0.1:9/v1")
    )
    container.engine.dispose()
    (tmp_path / "home" / "privrag.db").unlink()
    (tmp_path / "home" / "privrag.db").mkdir()  # a database file that cannot be opened
    result = readiness(container, None)
    assert not result.ready
    assert {"database", "model"} <= set(result.failed)
    container.close()


def test_an_unreachable_directory_fails_its_check() -> None:
    dead = Directory(DirectoryConfig(url="ldap://127.0.0.1:9", user_base="dc=x", timeout=1))
    check = check_directory(dead)
    assert not check.ok and "unreachable" in check.detail
