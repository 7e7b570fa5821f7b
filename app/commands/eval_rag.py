"""`privrag eval rag`: the end-to-end answer benchmark (XQuAD)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
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

    dataset = Path(args.dataset).expanduser()
    try:
        check_dataset(dataset)
    except ValueError as exc:
        raise CliError(f"--dataset: {exc}") from exc
    if not 0 <= args.unanswerable < 1:
        raise CliError("--unanswerable: must be in [0, 1)")
    with Progress(console=stderr_console(), disable=args.json, transient=True) as bar:
        task = bar.add_task("questions", total=None)
        data = evaluate(
            settings,
            dataset,
            limit=args.limit or None,
            unanswerable=args.unanswerable,
            seed=args.seed,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    latency = data["latency_ms"]
    human = (
        f"EM {data['exact_match']:.3f}  F1 {data['f1']:.3f}  contains {data['contains_answer']:.3f}  "
        f"citation accuracy {data['citation_accuracy']:.3f}  "
        f"refusal accuracy {data['refusal_accuracy']:.3f}  "
        f"answerable refused {data['false_refusal_rate']:.3f}  clause F1 {data['clause_f1']:.3f}\n"
        f"first token p50 {latency['first_token_p50']} ms, "
        f"total p50 {latency['total_p50']} ms"
        f"\nreport: {data['report_dir']}"
    )
    emit(args, data, human)
    return 0


def check_dataset(dataset: Path) -> None:
    """ValueError unless ``dataset`` is an XQuAD folder."""
    if not (dataset / "passages.jsonl").is_file() or not (dataset / "questions_dev.jsonl").is_file():
        raise ValueError(f"{dataset} must hold passages.jsonl and questions_dev.jsonl (XQuAD layout)")


def evaluate(
    settings: Settings,
    dataset: Path,
    limit: int | None = 50,
    unanswerable: float = 0.2,
    seed: int = 13,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """Run the answer benchmark; the report lands in <home>/reports/rag/<run>/.

    The same run for `privrag eval rag` and the service's benchmark jobs; returns the command's JSON.
    """
    from eval.rag import run_rag_benchmark
    from eval.reports import bar_chart, markdown_table, report_dir, write_json

    report = run_rag_benchmark(
        settings,
        dataset,
        limit=limit,
        unanswerable_fraction=unanswerable,
        seed=seed,
        progress=progress,
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
        "answerable_refused": report.false_refusal_rate,
        "clause_f1": report.clause_f1,
    }
    bar_chart(out / "rag.png", f"privrag answers on XQuAD ({report.questions} questions)", headline)
    (out / "report.md").write_text(
        f"# Answer benchmark\n\nModel: `{report.model}`; {report.answerable} answerable and "
        f"{report.unanswerable} unanswerable questions (gold passage held out).\n\n"
        + markdown_table([headline])
        + "\n\nLatency (ms): "
        + ", ".join(f"{k} {v}" for k, v in report.latency_ms.items())
        + f"\n\nRefused before any model call (relevance gate): {report.gate_refusal_accuracy:.3f} of the "
        f"unanswerable and {report.gate_false_refusal_rate:.3f} of the answerable questions."
        + "\n\n![chart](rag.png)\n"
    )
    return data
