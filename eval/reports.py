"""Benchmark reports: a timestamped folder under the home with JSON, markdown and a PNG chart."""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from pathlib import Path


def report_dir(home: Path, kind: str) -> Path:
    path = home / "reports" / kind / time.strftime("%Y%m%d-%H%M%S")
    path.mkdir(parents=True, exist_ok=True)
    return path


def write_json(path: Path, data: Mapping) -> Path:
    path.write_text(json.dumps(data, indent=2, default=str) + "\n")
    return path


def markdown_table(rows: list[Mapping[str, object]]) -> str:
    if not rows:
        return ""
    headers = list(rows[0])
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for row in rows:
        lines.append("| " + " | ".join(_cell(row.get(h)) for h in headers) + " |")
    return "\n".join(lines)


def _cell(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def bar_chart(path: Path, title: str, values: Mapping[str, float], ylabel: str = "") -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, 3.5))
    names = list(values)
    ax.bar(names, [values[n] for n in names], color="#4a78a8")
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    ax.set_ylim(0, max(1.0, max(values.values(), default=1.0) * 1.1))
    for i, name in enumerate(names):
        ax.text(i, values[name], f"{values[name]:.2f}", ha="center", va="bottom", fontsize=8)
    plt.setp(ax.get_xticklabels(), rotation=20, ha="right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
