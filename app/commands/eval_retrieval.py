"""`privrag eval retrieval` (BEIR, XQuAD) through the real ingestion and retrieval paths; `eval compare`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.settings import Settings


def register(groups: dict[str, Any], common: argparse.ArgumentParser) -> None:
    p = groups["eval"].add_parser(
        "retrieval",
        parents=[common],
        help="retrieval quality (nDCG@10, recall, MRR) and latency vs a plain-fusion baseline",
    )
    p.add_argument("--dataset", required=True, help="BEIR folder (corpus.jsonl...) or XQuAD folder")
    p.add_argument("--split", default="train", help="qrels split of a BEIR dataset (default train)")
    p.add_argument("--limit", type=int, default=0, help="first N judged queries only (0 = all)")
    p.add_argument(
        "--corpus-limit", type=int, default=0, help="first N documents plus every judged one (0 = all)"
    )
    p.add_argument("--no-anonymize", action="store_true", help="ingest and ask without pseudonymization")
    p.add_argument("--both", action="store_true", help="also run without anonymization and report the ratio")
    p.add_argument("--modes", default="dense,sparse,hybrid", help="comma-separated: dense, sparse, hybrid")
    p.add_argument(
        "--backend", choices=["edge", "qdrant"], default="edge", help="qdrant = qdrant-client in memory"
    )
    p.add_argument("--no-baseline", action="store_true", help="skip the plain-fusion baseline")
    p.add_argument("--index-dir", help="build the index here and reuse it on later runs (same data/settings)")
    p.add_argument("--compare", metavar="PREV", help="a previous run (folder, report.json or run name)")
    p.set_defaults(func=run)

    c = groups["eval"].add_parser("compare", parents=[common], help="compare two saved retrieval runs")
    c.add_argument("run_a", metavar="RUN_A")
    c.add_argument("run_b", metavar="RUN_B")
    c.set_defaults(func=run_compare)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from app.commands.base import CliError, emit
    from app.evaluations import evaluate_retrieval, retrieval_reports
    from eval import retrieval_report
    from eval.datasets import load_dataset
    from eval.retrieval import MODES, EvalOptions

    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    if not modes or any(m not in MODES for m in modes):
        raise CliError(f"--modes: choose from {', '.join(MODES)}")
    try:
        dataset = load_dataset(args.dataset, args.split, args.limit or None, args.corpus_limit or None)
    except (OSError, ValueError) as exc:
        raise CliError(str(exc)) from exc
    previous = None
    if args.compare:
        try:
            previous = retrieval_report.load_run(args.compare, retrieval_reports(settings))
        except FileNotFoundError as exc:
            raise CliError(str(exc)) from exc
    xquad = dataset.extra.get("format") == "xquad"
    options = EvalOptions(
        modes=modes,
        anonymize=not args.no_anonymize,
        baseline=not args.no_baseline,
        backend=args.backend,
        index_dir=Path(args.index_dir).expanduser().resolve() if args.index_dir else None,
        extra_metrics=("recall@5",) if xquad else (),
    )
    if options.index_dir is not None and args.both:
        raise CliError("--both builds two indexes: use it without --index-dir")
    result = evaluate_retrieval(settings, dataset, options, both=args.both, previous=previous)
    human = retrieval_report.markdown(result) + f"\nReport: {result['report_files']['markdown']}"
    emit(args, result, human)
    return 0


def run_compare(args: argparse.Namespace, settings: Settings) -> int:
    from app.commands.base import CliError, emit
    from app.evaluations import retrieval_reports
    from eval import retrieval_report

    try:
        a = retrieval_report.load_run(args.run_a, retrieval_reports(settings))
        b = retrieval_report.load_run(args.run_b, retrieval_reports(settings))
    except FileNotFoundError as exc:
        raise CliError(str(exc)) from exc
    diff = retrieval_report.compare(a, b)
    emit(args, diff, retrieval_report.compare_markdown(diff))
    return 0
