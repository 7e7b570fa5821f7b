"""Retrieval reports: ``report.json``, ``report.md``, ``chart.png`` in one folder per run; run diffs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eval.metrics import METRICS

REPORT = "report.json"


def _row(name: str, figures: dict[str, Any], metrics: list[str]) -> str:
    cells = [f"{figures[m]:.3f}" if isinstance(figures.get(m), int | float) else "" for m in metrics]
    latency = figures.get("latency_ms", {})
    lat = f"{latency.get('p50', 0):.1f} / {latency.get('p95', 0):.1f}" if latency else ""
    return f"| {name} | " + " | ".join(cells) + f" | {lat} |"


def metric_names(result: dict[str, Any]) -> list[str]:
    return [m for m in result.get("metrics", METRICS)]


def markdown(result: dict[str, Any]) -> str:
    metrics = metric_names(result)
    lines = [
        f"# Retrieval: {result['dataset']} ({result.get('split', '')}), {result['queries']} queries, "
        f"{result['docs']} documents",
        "",
        f"Anonymization {'on' if result['anonymize'] else 'off'}; backend {result['backend']}; "
        f"privrag mode: **{result['mode']}**. Ingest: {result['ingest']['seconds']:.0f} s, "
        f"{result['ingest']['chunks']} chunks.",
        "",
        "| | " + " | ".join(metrics) + " | latency p50 / p95 ms |",
        "|---|" + "---|" * (len(metrics) + 1),
    ]
    for mode, figures in result["modes"].items():
        lines.append(_row(f"privrag {mode}", figures, metrics))
    baseline = result.get("baseline")
    if baseline:
        lines.append(_row("baseline: BM25 (bm25s-style)", baseline["bm25"], metrics))
        lines.append(_row("baseline: exact MiniLM cosine", baseline["dense"], metrics))
        lines.append(_row("baseline: min-max fusion 0.5", baseline, metrics))
    lines += [
        "",
        f"Latency of a user's query ({result['latency_note']}): p50 {result['latency_ms']['p50']:.1f} ms, "
        f"p95 {result['latency_ms']['p95']:.1f} ms. Question pseudonymization: p50 "
        f"{result['pseudonymize_ms']['p50']:.1f} ms (not included).",
    ]
    if baseline:
        lines.append(f"\nBaseline: {baseline['name']}, on the raw (not pseudonymized) documents.")
    if result.get("sweep"):
        lines += ["", "Fusion sweep (nDCG@10 from the same dense and BM25 candidates):", ""]
        lines += [f"- {name}: {value:.4f}" for name, value in result["sweep"].items()]
    if result.get("no_anonymization"):
        plain = result["no_anonymization"]
        lines += ["", "Without anonymization: " + ", ".join(f"{m} {plain[m]:.4f}" for m in metrics)]
        lines.append(
            "Ratio anonymized / plain: " + ", ".join(f"{m} {v:.4f}" for m, v in result["ratio"].items())
        )
    if result.get("compare"):
        lines += ["", compare_markdown(result["compare"])]
    return "\n".join(lines) + "\n"


def chart(result: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    metrics = metric_names(result)
    series = {f"privrag {m}": f for m, f in result["modes"].items()}
    if result.get("baseline"):
        series["baseline fusion"] = result["baseline"]
        series["baseline BM25"] = result["baseline"]["bm25"]
    fig, ax = plt.subplots(figsize=(9, 4.5))
    width = 0.8 / max(len(series), 1)
    for i, (name, figures) in enumerate(series.items()):
        xs = [j + i * width for j in range(len(metrics))]
        ax.bar(xs, [figures.get(m, 0.0) for m in metrics], width, label=name)
    ax.set_xticks([j + width * (len(series) - 1) / 2 for j in range(len(metrics))])
    ax.set_xticklabels(metrics)
    ax.set_ylim(0, 1)
    ax.set_title(f"{result['dataset']} {result.get('split', '')}: {result['queries']} queries")
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write(result: dict[str, Any], folder: Path) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {"json": folder / REPORT, "markdown": folder / "report.md", "chart": folder / "chart.png"}
    result["report_files"] = {k: str(v) for k, v in files.items()}
    files["json"].write_text(json.dumps(result, indent=2, default=str))
    files["markdown"].write_text(markdown(result))
    chart(result, files["chart"])
    return result["report_files"]


def load_run(ref: str | Path, reports: Path) -> dict[str, Any]:
    """A saved run: a report.json, its folder, or a run name under ``reports``."""
    path = Path(ref).expanduser()
    for candidate in (path, path / REPORT, reports / str(ref), reports / str(ref) / REPORT):
        if candidate.is_file():
            return json.loads(candidate.read_text())
    raise FileNotFoundError(f"no retrieval run {ref!r} (looked for a report.json there and under {reports})")


def _figures(run: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out = {f"privrag {m}": f for m, f in run.get("modes", {}).items()}
    if run.get("baseline"):
        out["baseline fusion"] = run["baseline"]
    return out


def compare(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Metric deltas (b - a) per mode present in both runs, plus both runs' identities."""
    fa, fb = _figures(a), _figures(b)
    metrics = [m for m in METRICS if m in a and m in b]
    rows = {}
    for name in fa.keys() & fb.keys():
        rows[name] = {
            m: {"a": fa[name][m], "b": fb[name][m], "delta": round(fb[name][m] - fa[name][m], 4)}
            for m in metrics
            if m in fa[name] and m in fb[name]
        }
        la, lb = fa[name].get("latency_ms", {}), fb[name].get("latency_ms", {})
        if la and lb:
            rows[name]["latency_p95_ms"] = {
                "a": la["p95"],
                "b": lb["p95"],
                "delta": round(lb["p95"] - la["p95"], 2),
            }

    def ident(run: dict[str, Any]) -> dict[str, Any]:
        keys = ("dataset", "split", "queries", "anonymize", "mode", "run")
        return {k: run.get(k) for k in keys} | {"settings": run.get("settings", {})}

    return {"a": ident(a), "b": ident(b), "rows": dict(sorted(rows.items()))}


def compare_markdown(diff: dict[str, Any]) -> str:
    lines = [
        f"Compared with run {diff['a'].get('run')} (a) -> {diff['b'].get('run')} (b):",
        "",
        "| | metric | a | b | b - a |",
        "|---|---|---|---|---|",
    ]
    for name, row in diff["rows"].items():
        for metric, cell in row.items():
            lines.append(f"| {name} | {metric} | {cell['a']:.4f} | {cell['b']:.4f} | {cell['delta']:+.4f} |")
    return "\n".join(lines)
