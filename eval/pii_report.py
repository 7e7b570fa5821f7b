"""The report files of `privrag eval pii`: result.json, a markdown table and a bar chart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def markdown_report(result: dict[str, Any]) -> str:
    base = result.get("baseline")
    lines = [
        f"# PII detection: {result.get('dataset', '')}",
        "",
        f"{result['samples']} samples, {result['spans']} labeled spans; matching: presidio-evaluator "
        f"SpanEvaluator, character IoU >= {result['iou_threshold']} on normalized spans; "
        "overall = micro-average over every labeled type except "
        f"{', '.join(result['excluded_from_overall'])}.",
        "",
        "| type | support | privrag P | privrag R | privrag F2 |"
        + (" stock P | stock R | stock F2 |" if base else ""),
        "|---|---:|---:|---:|---:|" + ("---:|---:|---:|" if base else ""),
    ]

    def row(name: str, ours: dict[str, Any], theirs: dict[str, Any] | None, support: int) -> str:
        cells = [name, str(support), *(f"{ours[k]:.3f}" for k in ("precision", "recall", "f2"))]
        if base:
            cells += [f"{theirs[k]:.3f}" if theirs else "-" for k in ("precision", "recall", "f2")]
        return "| " + " | ".join(cells) + " |"

    overall_support = sum(
        v["support"] for k, v in result["per_entity"].items() if k not in result["excluded_from_overall"]
    )
    lines.append(row("**overall**", result["overall"], base["overall"] if base else None, overall_support))
    for name, ours in result["per_entity"].items():
        theirs = base["per_entity"].get(name) if base else None
        lines.append(row(name, ours, theirs, ours["support"]))
    lines += ["", "Throughput (words/s):", f"- privrag: {result['throughput']['words_per_s']}"]
    if base:
        lines.append(f"- stock Presidio: {base['throughput']['words_per_s']}")
    lines += clear_lines(result)
    if result.get("unscored_predictions") or (base and base.get("unscored_predictions")):
        lines += ["", "Predicted types with no label in the dataset (not scored):"]
        lines.append(f"- privrag: {result.get('unscored_predictions') or {}}")
        if base:
            lines.append(f"- stock Presidio: {base.get('unscored_predictions') or {}}")
    return "\n".join(lines) + "\n"


def clear_lines(result: dict[str, Any]) -> list[str]:
    """The ``left_in_clear`` table: labeled values of replaced types with a word no replaced span covers."""
    clear = result.get("left_in_clear")
    if not clear:
        return []
    base = (result.get("baseline") or {}).get("left_in_clear")
    lines = [
        "",
        "Left in clear (a labeled value with a word that no span of a replaced type covers; what the index "
        "would store):",
        "",
        "| type | support | privrag covered | privrag spans in clear | privrag words in clear |"
        + (" stock covered | stock spans in clear |" if base else ""),
        "|---|---:|---:|---:|---:|" + ("---:|---:|" if base else ""),
    ]
    for name, ours in clear["per_entity"].items():
        cells = [name, str(ours["support"]), f"{ours['covered_rate']:.3f}", str(ours["spans_in_clear"])]
        cells.append(f"{ours['words_in_clear']} of {ours['words']}")
        if base:
            theirs = base["per_entity"].get(name)
            cells += (
                [f"{theirs['covered_rate']:.3f}", str(theirs["spans_in_clear"])] if theirs else ["-", "-"]
            )
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def bar_chart(result: dict[str, Any], path: Path) -> None:
    """Recall and precision per type, privrag next to stock Presidio (PNG, Agg backend)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = ["overall", *result["per_entity"]]
    base = result.get("baseline")

    def values(source: dict[str, Any] | None, key: str) -> list[float]:
        if source is None:
            return []
        return [source["overall"][key]] + [
            source["per_entity"].get(n, {}).get(key, 0.0) for n in result["per_entity"]
        ]

    fig, axes = plt.subplots(2, 1, figsize=(max(8, 0.7 * len(names)), 7), sharex=True)
    width = 0.4 if base else 0.8
    positions = range(len(names))
    for ax, key in zip(axes, ("recall", "precision"), strict=True):
        ax.bar(
            [p - (width / 2 if base else 0) for p in positions], values(result, key), width, label="privrag"
        )
        if base:
            ax.bar([p + width / 2 for p in positions], values(base, key), width, label="stock Presidio")
        ax.set_ylabel(key)
        ax.set_ylim(0, 1.05)
        ax.grid(axis="y", alpha=0.3)
    axes[0].legend(loc="lower right")
    axes[0].set_title(f"PII detection: {Path(str(result.get('dataset', ''))).name}")
    axes[1].set_xticks(list(positions))
    axes[1].set_xticklabels(names, rotation=45, ha="right")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def write_reports(result: dict[str, Any], directory: Path) -> dict[str, str]:
    """``result.json``, ``report.md`` and ``chart.png`` in ``directory``; returns their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = {
        "json": directory / "result.json",
        "markdown": directory / "report.md",
        "chart": directory / "chart.png",
    }
    paths["json"].write_text(json.dumps(result, indent=2) + "\n")
    paths["markdown"].write_text(markdown_report(result))
    bar_chart(result, paths["chart"])
    return {k: str(v) for k, v in paths.items()}
