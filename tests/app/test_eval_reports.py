"""Benchmark reports read for the UI: runs listed newest first, names checked, long lists left out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.eval_reports import ReportError, chart_path, flatten_numbers, list_runs, read_run


def make_run(home: Path, kind: str, run: str, data: dict) -> Path:
    folder = home / "reports" / kind / run
    folder.mkdir(parents=True)
    (folder / "report.json").write_text(json.dumps(data))
    (folder / "report.md").write_text(f"# {kind}\n")
    (folder / f"{kind}.png").write_bytes(b"\x89PNG")
    return folder


def test_runs_reports_and_charts(tmp_path: Path) -> None:
    make_run(tmp_path, "pii", "20250101-000000", {"overall": {"f2": 0.8}, "ok": True})
    make_run(tmp_path, "rag", "20250102-000000", {"f1": 0.5, "results": list(range(500))})
    runs = list_runs(tmp_path)
    assert [(r["kind"], r["run"]) for r in runs] == [("rag", "20250102-000000"), ("pii", "20250101-000000")]
    assert runs[1]["metrics"] == {"overall.f2": 0.8}
    report = read_run(tmp_path, "rag", "20250102-000000")
    assert (
        report["report"] == {"f1": 0.5}
        and report["charts"] == ["rag.png"]
        and report["markdown"] == "# rag\n"
    )
    assert chart_path(tmp_path, "rag", "20250102-000000", "rag.png").name == "rag.png"


@pytest.mark.parametrize(
    ("kind", "run", "name"),
    [
        ("..", "x", "a.png"),
        ("rag", "..", "a.png"),
        ("rag", "20250102-000000", "report.json"),
        ("rag", "20250102-000000", "../../x.png"),
        ("rag", "missing", "rag.png"),
    ],
)
def test_bad_names_are_not_found(tmp_path: Path, kind: str, run: str, name: str) -> None:
    make_run(tmp_path, "rag", "20250102-000000", {})
    with pytest.raises(ReportError):
        chart_path(tmp_path, kind, run, name)


def test_no_reports_folder(tmp_path: Path) -> None:
    assert list_runs(tmp_path) == []
    with pytest.raises(ReportError):
        read_run(tmp_path, "rag", "nope")


def test_flatten_numbers_skips_lists_and_booleans() -> None:
    assert flatten_numbers({"a": 1, "b": {"c": 2.5, "d": [1]}, "e": True, "f": "x"}) == {"a": 1.0, "b.c": 2.5}
