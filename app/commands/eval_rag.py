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
    p.add_argument("--results", help="also append each result, as it comes, to this JSONL file")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from rich.progress import Progress

    from app.commands.base import CliError, emit, stderr_console
    from app.evaluations import check_rag_dataset, evaluate_rag

    dataset = Path(args.dataset).expanduser()
    try:
        check_rag_dataset(dataset)
    except ValueError as exc:
        raise CliError(f"--dataset: {exc}") from exc
    if not 0 <= args.unanswerable < 1:
        raise CliError("--unanswerable: must be in [0, 1)")
    with Progress(console=stderr_console(), disable=args.json, transient=True) as bar:
        task = bar.add_task("questions", total=None)
        data = evaluate_rag(
            settings,
            dataset,
            limit=args.limit or None,
            unanswerable=args.unanswerable,
            seed=args.seed,
            results_log=Path(args.results).expanduser() if args.results else None,
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
