"""`privrag bench anonymize`: analysis throughput of privrag's batched detector vs stock Presidio per text."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from app.settings import Settings

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"


def register(groups: dict[str, Any], common: argparse.ArgumentParser) -> None:
    p = groups["bench"].add_parser(
        "anonymize",
        parents=[common],
        help="PII analysis words/s: privrag (batched) vs stock Presidio per text",
    )
    p.add_argument("--corpus", default=str(SAMPLE), help="folder of documents (default data/sample)")
    p.add_argument("--rounds", type=int, default=3, help="timed passes over the corpus (best one counts)")
    p.add_argument(
        "--workers",
        type=int,
        help="helper processes for the second privrag run (default: [anonymize] workers, else 1; 0 = none)",
    )
    p.set_defaults(func=run)


def load_texts(folder: Path) -> list[str]:
    """Every section (file or PDF page) of the supported documents under ``folder``."""
    from ingest.loaders import LoadError, LoadLimits, load_file

    texts: list[str] = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        try:
            texts.extend(s.text for s in load_file(path, path.read_bytes(), LoadLimits()) if s.text.strip())
        except LoadError:
            continue
    return texts


def run(args: argparse.Namespace, settings: Settings) -> int:
    import logging
    from dataclasses import replace

    from anonymize.detector import PiiDetector
    from anonymize.spacy_models import model_location
    from app.commands.base import CliError, emit
    from app.container import Container
    from eval.pii import Throughput, stock_presidio, timed_detect

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    folder = Path(args.corpus).expanduser()
    texts = load_texts(folder) if folder.is_dir() else []
    if not texts:
        raise CliError(f"--corpus: no readable documents under {folder}")
    if args.rounds < 1:
        raise CliError("--rounds: must be at least 1")
    workers = args.workers if args.workers is not None else (settings.anonymize.workers or 1)
    if workers < 0:
        raise CliError("--workers: must be 0 or more")
    container = Container(settings)
    helped: PiiDetector | None = None
    try:
        detector = container.detector
        baseline = stock_presidio(model_location(settings.anonymize.spacy_model))
        # One process: the helpers of [anonymize] workers stay off in this run.
        single = PiiDetector(replace(detector.config, workers=0), analyzer=detector.analyzer)
        single.analyze(texts[:1])  # load models and warm up outside the timing
        baseline(texts[:1])
        if workers:
            # The same detector with helper processes, started and loaded outside the timing; any batch is
            # split over them (the corpus is the batch).
            helped = PiiDetector(
                replace(detector.config, workers=workers, parallel_min_chars=0), analyzer=detector.analyzer
            )
            if not helped.start_helpers(wait=True):
                raise CliError("--workers: the helper processes did not start (see the log)")
        # the detector returns Presidio results, which carry the fields of eval.pii.Span (duck-typed)
        runs: dict[str, Callable[[Sequence[str]], Any]] = {"privrag": single.analyze, "baseline": baseline}
        if helped is not None:
            runs["privrag_helpers"] = helped.analyze
        best: dict[str, Throughput | None] = {name: None for name in runs}
        for _ in range(args.rounds):  # interleaved: a load change hits every run alike
            for name, analyze in runs.items():
                timing = timed_detect(analyze, texts)[1]
                current = best[name]
                if current is None or timing.seconds < current.seconds:
                    best[name] = timing
    finally:
        if helped is not None:
            helped.close()
        container.close()
    ours, theirs = best["privrag"], best["baseline"]
    assert ours is not None and theirs is not None  # --rounds >= 1: every run was timed
    result: dict[str, Any] = {
        "corpus": str(folder),
        "texts": len(texts),
        "words": ours.words,
        "rounds": args.rounds,
        "privrag": {
            "mode": f"batched nlp.pipe (batch {settings.anonymize.batch_size}), one process",
            **ours.to_json(),
        },
        "baseline": {"mode": "stock Presidio AnalyzerEngine, one call per text", **theirs.to_json()},
    }
    result["words_per_s"] = result["privrag"]["words_per_s"]
    result["baseline_words_per_s"] = result["baseline"]["words_per_s"]
    result["ratio"] = round(theirs.seconds / max(ours.seconds, 1e-9), 2)
    human = (
        f"privrag {result['words_per_s']:.0f} words/s in one process, stock Presidio "
        f"{result['baseline_words_per_s']:.0f} words/s: {result['ratio']}x"
    )
    if helped is not None:
        with_helpers = best["privrag_helpers"]
        assert with_helpers is not None
        result["privrag_helpers"] = {
            "mode": f"the same, the corpus split over this process and {workers} helper process(es)",
            "workers": workers,
            **with_helpers.to_json(),
        }
        result["helpers_ratio"] = round(theirs.seconds / max(with_helpers.seconds, 1e-9), 2)
        human += (
            f"; with {workers} helper(s) {result['privrag_helpers']['words_per_s']:.0f} words/s: "
            f"{result['helpers_ratio']}x"
        )
    emit(args, result, human + f" ({len(texts)} texts, {ours.words} words, best of {args.rounds})")
    return 0
