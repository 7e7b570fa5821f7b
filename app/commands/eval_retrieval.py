"""`privrag eval retrieval` (BEIR, XQuAD) through the real ingestion and retrieval paths; `eval compare`."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.settings import Settings

if TYPE_CHECKING:
    from eval.datasets import RetrievalDataset
    from eval.retrieval import EvalOptions


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


def _reports(settings: Settings) -> Path:
    return settings.home / "reports" / "retrieval"


def run(args: argparse.Namespace, settings: Settings) -> int:
    from app.cli import CliError, emit
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
            previous = retrieval_report.load_run(args.compare, _reports(settings))
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
    result = evaluate(settings, dataset, options, both=args.both, previous=previous)
    human = retrieval_report.markdown(result) + f"\nReport: {result['report_files']['markdown']}"
    emit(args, result, human)
    return 0


def evaluate(
    settings: Settings,
    dataset: RetrievalDataset,
    options: EvalOptions,
    both: bool = False,
    previous: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Ingest ``dataset`` into a temporary home, score every query; the report lands in
    <home>/reports/retrieval/<run>/. The same run for `privrag eval retrieval` and the service's benchmark
    jobs; returns the command's JSON."""
    import logging

    from eval import retrieval_report
    from eval.retrieval import run_eval

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)  # one warning per unsupported language
    name = time.strftime("%Y%m%d-%H%M%S")
    # Libraries print progress notes to stdout (llama-index's splitter): keep stdout for the one JSON object.
    with tempfile.TemporaryDirectory(prefix="privrag-eval-") as tmp, contextlib.redirect_stdout(sys.stderr):
        result = run_eval(settings, dataset, options, Path(tmp) / "on")
        if both:
            plain_options = dataclasses.replace(options, anonymize=not options.anonymize, baseline=False)
            plain = run_eval(settings, dataset, plain_options, Path(tmp) / "off")
            anonymized, raw = (result, plain) if options.anonymize else (plain, result)
            keys = [m for m in ("recall@5", "ndcg@10", "recall@10", "recall@100", "mrr@10") if m in raw]
            result["no_anonymization" if options.anonymize else "with_anonymization"] = {
                k: plain[k] for k in (*keys, "modes", "latency_ms")
            }
            result["ratio"] = {m: round(anonymized[m] / raw[m], 4) if raw[m] else 0.0 for m in keys}
    result["run"] = name
    result["metrics"] = list(
        dict.fromkeys(["ndcg@10", "recall@10", "recall@100", "mrr@10", *options.extra_metrics])
    )
    if previous is not None:
        result["compare"] = retrieval_report.compare(previous, result)
    retrieval_report.write(result, _reports(settings) / name)
    return result


def run_compare(args: argparse.Namespace, settings: Settings) -> int:
    from app.cli import CliError, emit
    from eval import retrieval_report

    try:
        a = retrieval_report.load_run(args.run_a, _reports(settings))
        b = retrieval_report.load_run(args.run_b, _reports(settings))
    except FileNotFoundError as exc:
        raise CliError(str(exc)) from exc
    diff = retrieval_report.compare(a, b)
    emit(args, diff, retrieval_report.compare_markdown(diff))
    return 0
