"""`privrag eval leakage`: raw values planted in a file and in a chunk are found; a clean home has none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from llama_index.core.schema import TextNode

from app.container import Container
from eval.leakage import scan_home
from tests.conftest import make_settings
from tests.conftest import run_cli as run


def test_clean_sample_home_has_no_raw_values(sample_home: Container) -> None:
    result = scan_home(sample_home)
    assert result["values_from"] == "vault" and result["values_checked"] > 20
    assert result["chunks_scanned"] > 0 and result["files_scanned"] > 0
    assert (result["raw_values_found"], result["where"]) == (0, [])


def test_planted_values_are_found_and_never_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    home = tmp_path / "home"
    (tmp_path / "memo.md").write_text("# Memo\n\nCall Zorblax Quintrell at zq@example.com about the audit.\n")
    code, _ = run(capsys, "--home", str(home), "ingest", str(tmp_path / "memo.md"), "--json")
    assert code == 0
    code, clean = run(capsys, "--home", str(home), "eval", "leakage", "--json")
    assert code == 0 and clean["raw_values_found"] == 0 and clean["values_checked"] >= 2

    container = Container(make_settings(home, None))
    surrogate = container.vault.find("EMAIL_ADDRESS", "zq@example.com")
    assert surrogate
    leaked = TextNode(
        id_="planted-chunk", text="Contact zq@example.com for details.", embedding=[0.0] * 383 + [1.0]
    )
    container.vector_store.add([leaked])
    container.close()
    (home / "notes.txt").write_text("reminder: zq@example.com owes a form\n")

    code, result = run(capsys, "--home", str(home), "eval", "leakage", "--json")
    assert code == 1 and result["raw_values_found"] == 1
    places = {w["where"] for w in result["where"] if w["value"] == surrogate}
    assert places == {"notes.txt", "store:planted-chunk"}
    assert "zq@example.com" not in json.dumps(result)

    values = tmp_path / "values.txt"
    values.write_text("Zorblax Quintrell\nzq@example.com\nnever-seen-value\n")
    code, listed = run(capsys, "--home", str(home), "eval", "leakage", "--values", str(values), "--json")
    assert code == 1 and listed["values_from"] == "list" and listed["raw_values_found"] == 1
    assert all(w["value"].startswith("sha256:") for w in listed["where"])
