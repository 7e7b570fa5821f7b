"""`privrag eval rag`: the end-to-end answer benchmark (XQuAD)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.settings import Settings


def register(groups: dict[str, Any], common: argparse.ArgumentParser) -> None:
    p = groups["eval"].add_parser(
        "rag", parents=[common], help="answer benchmark: EM, F1, citations, refusals"
    )
    p.add_argument("--dataset", required=True, help="XQuAD folder (passages.jsonl, questions_dev.jsonl)")
    p.add_argument("--limit", type=int, default=50, help="questions sampled (0 = all)")
    p.add_argument(
        "--unanswerable", type=float, default=0.2, help="share of questions whose passage is held out"
    )
    p.add_argument("--seed", type=int, default=13)
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from rich.progress import Progress

    from app.cli import CliError, emit, stderr_console
    from eval.rag import run_rag_benchmark
    from eval.reports import bar_chart, markdown_table, report_dir, write_json

    dataset = Path(args.dataset).expanduser()
    if not (dataset / "passages.jsonl").exists() or not (dataset / "questions_dev.jsonl").exists():
        raise CliError(
            f"--dataset: {dataset} must hold passages.jsonl and questions_dev.jsonl (XQuAD layout)"
        )
    if not 0 <= args.unanswerable < 1:
        raise CliError("--unanswerable: must be in [0, 1)")
    with Progress(console=stderr_console(), disable=args.json, transient=True) as bar:
        task = bar.add_task("questions", total=None)
        report = run_rag_benchmark(
            settings,
            dataset,
            limit=args.limit or None,
            unanswerable_fraction=args.unanswerable,
            seed=args.seed,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    out = report_dir(settings.home, "rag")
    data = report.to_json()
    data["report_dir"] = str(out)
    write_json(out / "report.json", report.to_json(with_results=True))
    headline = {
        "exact_match": report.exact_match,
        "f1": report.f1,
        "contains_answer": report.contains_answer,
        "citation_accuracy": report.citation_accuracy,
        "refusal_accuracy": report.refusal_accuracy,
    }
    bar_chart(out / "rag.png", f"privrag answers on XQuAD ({report.questions} questions)", headline)
    (out / "report.md").write_text(
        f"# Answer benchmark\n\nModel: `{report.model}`; {report.answerable} answerable and "
        f"{report.unanswerable} unanswerable questions (gold passage held out).\n\n"
        + markdown_table([headline])
        + "\n\nLatency (ms): "
        + ", ".join(f"{k} {v}" for k, v in report.latency_ms.items())
        + "\n\n![chart](rag.png)\n"
    )
    human = (
        f"EM {report.exact_match:.3f}  F1 {report.f1:.3f}  contains {report.contains_answer:.3f}  "
        f"citation accuracy {report.citation_accuracy:.3f}  refusal accuracy {report.refusal_accuracy:.3f}\n"
        f"first token p50 {report.latency_ms['first_token_p50']} ms, "
        f"total p50 {report.latency_ms['total_p50']} ms"
        f"\nreport: {out}"
    )
    emit(args, data, human)
    return 0
