"""Benchmark reports under ``<home>/reports/<kind>/<run>/`` (JSON, markdown, PNG), read for the web UI."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")
MAX_LIST_ITEMS = 100  # per-question results are left out of what the UI receives
CHART_SUFFIXES = (".png", ".svg")


class ReportError(LookupError):
    """No such report, or a name that is not a plain file name."""


def _checked(name: str) -> str:
    if not _NAME.match(name) or ".." in name:
        raise ReportError(f"{name!r} is not a report name")
    return name


def flatten_numbers(data: Any, prefix: str = "") -> dict[str, float]:
    """Every number in nested dicts as ``a.b.c -> value`` (lists and booleans are skipped)."""
    out: dict[str, float] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            out.update(flatten_numbers(value, f"{prefix}{key}."))
    elif isinstance(data, int | float) and not isinstance(data, bool):
        out[prefix.rstrip(".")] = float(data)
    return out


def _trimmed(data: Any) -> Any:
    if isinstance(data, dict):
        return {
            k: _trimmed(v) for k, v in data.items() if not (isinstance(v, list) and len(v) > MAX_LIST_ITEMS)
        }
    return data


def _report_json(folder: Path) -> dict:
    for candidate in [folder / "report.json", *sorted(folder.glob("*.json"))]:
        if candidate.is_file():
            try:
                data = json.loads(candidate.read_text())
            except (OSError, ValueError):
                continue
            return data if isinstance(data, dict) else {"value": data}
    return {}


def list_runs(home: Path, limit: int = 100) -> list[dict]:
    """Report runs, newest first: kind, run, headline numbers."""
    root = home / "reports"
    runs = []
    for folder in root.glob("*/*"):
        if folder.is_dir() and _NAME.match(folder.name) and _NAME.match(folder.parent.name):
            runs.append(folder)
    runs.sort(key=lambda f: (f.name, f.parent.name), reverse=True)
    return [
        {
            "kind": f.parent.name,
            "run": f.name,
            "metrics": flatten_numbers(_trimmed(_report_json(f))),
        }
        for f in runs[:limit]
    ]


def read_run(home: Path, kind: str, run: str) -> dict:
    folder = home / "reports" / _checked(kind) / _checked(run)
    if not folder.is_dir():
        raise ReportError(f"report {kind}/{run} does not exist")
    markdown = next((p.read_text() for p in sorted(folder.glob("*.md"))), "")
    data = _trimmed(_report_json(folder))
    return {
        "kind": kind,
        "run": run,
        "report": data,
        "metrics": flatten_numbers(data),
        "markdown": markdown,
        "charts": sorted(p.name for p in folder.iterdir() if p.suffix in CHART_SUFFIXES),
    }


def chart_path(home: Path, kind: str, run: str, name: str) -> Path:
    path = home / "reports" / _checked(kind) / _checked(run) / _checked(name)
    if path.suffix not in CHART_SUFFIXES or not path.is_file():
        raise ReportError(f"chart {kind}/{run}/{name} does not exist")
    return path
