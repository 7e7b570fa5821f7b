"""`privrag ingest`: an index mismatch refused until --rebuild, and the bad-input summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.commands.base import EXIT_PARTIAL


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:
    capsys.readouterr()
    code = main(list(argv))
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1, lines  # --json: exactly one JSON object
    return code, json.loads(lines[0])


def test_mismatched_index_is_refused_until_rebuilt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "menu.html").write_text("<title>Menu</title><p>Soup of the day: tomato.</p>")
    (docs / "broken.json").write_text('{"oops": ')
    home = str(tmp_path / "home")
    code, report = run(capsys, "ingest", str(docs), "--home", home, "--json")
    assert code == EXIT_PARTIAL and report["ingested"] == 1
    assert report["failed_kinds"] == {"corrupt": 1} and report["failed"][0]["error"].startswith("corrupt: ")

    monkeypatch.setenv("PRIVRAG_EMBEDDING__CHUNK_TOKENS", "128")
    code, error = run(capsys, "ingest", str(docs), "--home", home, "--json")
    assert code == 1
    assert "chunker" in error["error"] and "privrag ingest --rebuild" in error["error"]

    code, report = run(capsys, "ingest", str(docs), "--rebuild", "--home", home, "--json")
    assert code == EXIT_PARTIAL and report["ingested"] == 1 and report["unchanged"] == 0
