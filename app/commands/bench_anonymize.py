"""`privrag bench anonymize`: analysis throughput of privrag's batched detector vs stock Presidio per text."""

from __future__ import annotations

import argparse
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

    from anonymize.spacy_models import model_location
    from app.cli import CliError, emit
    from app.container import Container
    from eval.pii import stock_presidio, timed_detect

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    folder = Path(args.corpus).expanduser()
    texts = load_texts(folder) if folder.is_dir() else []
    if not texts:
        raise CliError(f"--corpus: no readable documents under {folder}")
    if args.rounds < 1:
        raise CliError("--rounds: must be at least 1")
    container = Container(settings)
    try:
        detector = container.detector
        baseline = stock_presidio(model_location(settings.anonymize.spacy_model))
        detector.analyze(texts[:1])  # load models and warm up outside the timing
        baseline(texts[:1])
        ours = min(
            (timed_detect(detector.analyze, texts)[1] for _ in range(args.rounds)), key=lambda t: t.seconds
        )
        theirs = min((timed_detect(baseline, texts)[1] for _ in range(args.rounds)), key=lambda t: t.seconds)
    finally:
        container.close()
    result = {
        "corpus": str(folder),
        "texts": len(texts),
        "words": ours.words,
        "rounds": args.rounds,
        "privrag": {"mode": f"batched nlp.pipe (batch {settings.anonymize.batch_size})", **ours.to_json()},
        "baseline": {"mode": "stock Presidio AnalyzerEngine, one call per text", **theirs.to_json()},
    }
    result["words_per_s"] = result["privrag"]["words_per_s"]
    result["baseline_words_per_s"] = result["baseline"]["words_per_s"]
    result["ratio"] = round(theirs.seconds / max(ours.seconds, 1e-9), 2)
    human = (
        f"privrag {result['words_per_s']:.0f} words/s, stock Presidio {result['baseline_words_per_s']:.0f} "
        f"words/s: {result['ratio']}x ({len(texts)} texts, {ours.words} words, best of {args.rounds})"
    )
    emit(args, result, human)
    return 0
