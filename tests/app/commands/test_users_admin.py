"""``privrag users set|remove|token|tokens|revoke`` on a home without a running service."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from app.db import make_engine
from app.stores.users import UserStore
from tests.conftest import run_cli as run


@pytest.fixture
def home(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    home = tmp_path / "home"
    assert run(capsys, "--home", str(home), "setup", "--no-model", "--json")[0] == 0
    assert run(capsys, "--home", str(home), "users", "add", "bob", "--role", "employee", "--json")[0] == 0
    return home


def test_set_role_groups_and_password(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    h = ("--home", str(home), "--json")
    code, changed = run(capsys, *h, "users", "set", "bob", "--role", "evaluator", "--groups", "hr,legal")
    assert code == 0 and changed == {"name": "bob", "role": "evaluator", "groups": ["hr", "legal"]}
    monkeypatch.setattr("sys.stdin", io.StringIO("bobs-new-password\n"))
    assert run(capsys, *h, "users", "set", "bob", "--password-stdin")[0] == 0
    users = UserStore(make_engine(f"sqlite:///{home / 'privrag.db'}"))
    assert users.check_password("bob", "bobs-new-password") is not None

    code, error = run(capsys, *h, "users", "set", "bob")
    assert code != 0 and "nothing to change" in error["error"]
    code, error = run(capsys, *h, "users", "set", "nobody", "--role", "admin")
    assert code != 0 and "nobody" in error["error"]
    code, error = run(capsys, *h, "users", "set", "admin", "--role", "employee")
    assert code != 0 and "last admin" in error["error"]


def test_tokens_and_removal(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    h = ("--home", str(home), "--json")
    code, issued = run(capsys, *h, "users", "token", "bob")
    assert code == 0 and issued["user"] == "bob" and len(issued["token"]) > 20
    users = UserStore(make_engine(f"sqlite:///{home / 'privrag.db'}"))
    assert users.user_for_token(issued["token"]).name == "bob"

    code, listed = run(capsys, *h, "users", "tokens", "bob")
    assert [t["id"] for t in listed["tokens"]] == [issued["id"]] and listed["tokens"][0]["active"]

    code, _ = run(capsys, *h, "users", "revoke", "bob", issued["id"])
    assert code == 0 and users.user_for_token(issued["token"]) is None
    code, error = run(capsys, *h, "users", "revoke", "bob", issued["id"][::-1])
    assert code != 0 and "token_id" in error["error"]

    second = run(capsys, *h, "users", "token", "bob")[1]
    assert run(capsys, *h, "users", "remove", "bob")[0] == 0
    assert users.get("bob") is None and users.user_for_token(second["token"]) is None
    code, error = run(capsys, *h, "users", "remove", "admin")
    assert code != 0 and "last admin" in error["error"]

    code, verified = run(capsys, *h, "audit", "verify")
    assert verified["ok"]
