"""The command line in local mode (no service running for the home), called in-process."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest
from sqlalchemy import update

from app.cli import build_parser
from app.commands.base import EXIT_PARTIAL
from app.db import make_engine
from app.stores.audit import audit_log
from app.stores.users import UserStore
from tests.conftest import run_cli as run

CONTRACT = {"files", "ingested", "unchanged", "failed", "chunks", "seconds"}


@pytest.fixture
def home(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # a stray ./.privrag would land here, not in the repository
    home = tmp_path / "home"
    code, _ = run(capsys, "--home", str(home), "setup", "--no-model", "--json")
    assert code == 0
    return home


def test_options_before_the_subcommand_are_kept() -> None:
    parser = build_parser()
    args = parser.parse_args(["--home", "/h", "--config", "/c.toml", "--json", "users", "list"])
    assert (args.home, args.config, args.json) == ("/h", "/c.toml", True)
    args = parser.parse_args(["ingest", "docs", "--home", "/h", "--json"])
    assert (args.home, args.config, args.json) == ("/h", None, True)
    args = parser.parse_args(["ask", "why?"])
    assert (args.home, args.config, args.json) == (None, None, False)


def test_setup_creates_the_admin_secret_and_cli_token(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    home = tmp_path / "home"
    code, result = run(capsys, "--home", str(home), "setup", "--no-model", "--json")
    assert code == 0
    assert result["home"] == str(home.resolve())
    assert result["admin_created"] is True
    secret = home / "admin-password.txt"
    assert result["admin_password_file"] == str(secret.resolve())
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert stat.S_IMODE((home / "keys" / "cli.token").stat().st_mode) == 0o600
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert not (tmp_path / ".privrag").exists()

    users = UserStore(make_engine(f"sqlite:///{home / 'privrag.db'}"))
    password = secret.read_text().strip()
    assert users.check_password("admin", password).role == "admin"
    token = (home / "keys" / "cli.token").read_text().strip()
    assert users.user_for_token(token).name == "admin"

    code, again = run(capsys, "setup", "--home", str(home), "--no-model", "--json")
    assert code == 0 and again["admin_created"] is False
    assert secret.read_text().strip() == password
    assert (home / "keys" / "cli.token").read_text().strip() == token


def test_ingest_ask_and_delete(
    home: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tiny_gguf: Path,
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "remote.md").write_text(
        "# Remote work\n\nEmployees may work remotely up to three days per week.\n"
    )
    (docs / "travel.txt").write_text("Travel expenses must be filed within thirty days of the trip.\n")
    (docs / "ignored.xyz").write_text("not an allowed extension\n")

    code, report = run(capsys, "--home", str(home), "ingest", str(docs), "--json")
    assert code == 0
    assert set(report) >= CONTRACT
    assert report["files"] == 2 and report["ingested"] == 2 and report["unchanged"] == 0
    assert report["failed"] == [] and report["chunks"] >= 2
    assert [(Path(f["path"]).name, f["reason"]) for f in report["skipped"]] == [
        ("ignored.xyz", "unsupported")
    ]

    code, second = run(capsys, "--home", str(home), "ingest", str(docs), "--json")
    assert code == 0
    assert second["unchanged"] == second["files"] == 2
    assert second["ingested"] == 0 and second["chunks"] == 0

    monkeypatch.setenv("PRIVRAG_LLM__MODEL_PATH", str(tiny_gguf))
    monkeypatch.setenv("PRIVRAG_LLM__MAX_TOKENS", "16")
    code, answer = run(
        capsys, "--home", str(home), "ask", "How many days per week may employees work remotely?", "--json"
    )
    assert code == 0
    assert {"answer", "citations", "revealed", "timings"} <= set(answer)
    assert isinstance(answer["answer"], str) and answer["answer"]
    assert isinstance(answer["citations"], list)
    assert answer["revealed"] is False
    stages = {"retrieve_ms", "select_ms", "first_token_ms", "total_ms", "after_last_token_ms"}
    assert set(answer["timings"]) == stages

    target = docs / "travel.txt"
    code, deleted = run(capsys, "--home", str(home), "delete", str(target), "--json")
    assert code == 0
    # The display name (the file name, pseudonymized like the text), never the real path.
    assert deleted["source"] == "travel.txt" and deleted["chunks"] >= 1 and deleted["deleted"]
    code, error = run(capsys, "--home", str(home), "delete", str(target), "--json")
    assert code == 2 and "not in the index" in error["error"]

    code, _ = run(capsys, "--home", str(home), "audit", "verify", "--json")
    assert code == 0


def test_ingest_reports_a_corrupt_pdf(home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "mixed"
    docs.mkdir()
    (docs / "good.md").write_text("# Good\n\nThe cafeteria opens at eight in the morning.\n")
    (docs / "corrupt.pdf").write_bytes(b"%PDF-1.7\nthis is not a real pdf at all\n%%EOF")
    code, report = run(capsys, "--home", str(home), "ingest", str(docs), "--json")
    assert code == EXIT_PARTIAL == 3
    assert set(report) >= CONTRACT
    assert report["files"] == 2 and report["ingested"] == 1
    assert len(report["failed"]) == 1
    failure = report["failed"][0]
    assert set(failure) == {"path", "error"}
    assert failure["path"].endswith("corrupt.pdf") and failure["error"]


def test_users_and_audit(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("bobs-long-password\n"))
    code, created = run(
        capsys,
        "--home",
        str(home),
        "users",
        "add",
        "bob",
        "--role",
        "employee",
        "--groups",
        "hr",
        "--password-stdin",
        "--json",
    )
    assert code == 0
    assert created == {"name": "bob", "role": "employee", "groups": ["hr"]}  # no password echoed

    code, listed = run(capsys, "--json", "--home", str(home), "users", "list")
    assert code == 0
    assert {"name": "bob", "role": "employee", "groups": ["hr"]} in listed["users"]
    assert "admin" in [u["name"] for u in listed["users"]]
    users = UserStore(make_engine(f"sqlite:///{home / 'privrag.db'}"))
    assert users.check_password("bob", "bobs-long-password") is not None

    code, generated = run(
        capsys, "--home", str(home), "users", "add", "carol", "--role", "evaluator", "--json"
    )
    assert code == 0 and len(generated["password"]) >= 8
    assert users.check_password("carol", generated["password"]) is not None

    code, error = run(capsys, "--home", str(home), "users", "add", "dave", "--role", "wizard", "--json")
    assert code == 2 and "role" in error["error"]

    code, verified = run(capsys, "--home", str(home), "audit", "verify", "--json")
    assert code == 0
    assert verified["ok"] is True and verified["rows"] >= 3 and verified["first_bad_row"] is None

    with users._engine.begin() as conn:
        conn.execute(update(audit_log).where(audit_log.c.id == 2).values(actor="mallory"))
    code, broken = run(capsys, "--home", str(home), "audit", "verify", "--json")
    assert code == 1
    assert broken["ok"] is False and broken["first_bad_row"] == 2
