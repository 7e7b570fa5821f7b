"""`privrag eval pii`: PII detection quality of privrag's detector next to stock Presidio."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from app.settings import Settings


def register(groups: dict[str, Any], common: argparse.ArgumentParser) -> None:
    p = groups["eval"].add_parser(
        "pii", parents=[common], help="PII detection: precision, recall, F2 per type vs stock Presidio"
    )
    p.add_argument("--dataset", required=True, help="presidio-research JSON (full_text, spans)")
    p.add_argument("--limit", type=int, default=0, help="first N samples only (0 = all)")
    p.add_argument("--iou", type=float, default=None, help="span match threshold (default 0.75)")
    p.add_argument("--no-baseline", action="store_true", help="skip stock Presidio")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    import logging

    from app.cli import CliError, emit
    from app.container import Container
    from eval import pii

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)  # one warning per unmapped spaCy label
    dataset = Path(args.dataset).expanduser()
    if not dataset.is_file():
        raise CliError(f"--dataset: {dataset} is not a file")
    try:
        samples = pii.load_dataset(dataset, args.limit or None)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    iou = args.iou if args.iou is not None else pii.DEFAULT_IOU
    if not 0 < iou <= 1:
        raise CliError("--iou: must be in (0, 1]")
    container = Container(settings)
    try:
        detector = container.detector

        def detect(texts: list[str]) -> list[list[pii.Span]]:
            return [pii.spans_of(results) for results in detector.analyze(texts)]

        baseline = None if args.no_baseline else pii.stock_presidio(settings.anonymize.spacy_model)
        result = pii.run(samples, detect, baseline, iou=iou)
    finally:
        container.close()
    result = {"dataset": str(dataset), "detector": detector.version, **result}
    if baseline is not None:
        result["baseline"] = {
            "name": "stock Presidio AnalyzerEngine, one call per text",
            **result["baseline"],
        }
    out = settings.home / "reports" / "pii" / time.strftime("%Y%m%d-%H%M%S")
    result["report_files"] = pii.write_reports(result, out)
    result["report_dir"] = str(out)
    pii.write_reports(result, out)  # again, so result.json lists the report files too
    overall = result["overall"]
    human = (
        f"privrag: precision {overall['precision']:.3f} recall {overall['recall']:.3f} f2 {overall['f2']:.3f}"
    )
    if baseline is not None:
        base = result["baseline"]["overall"]
        human += (
            f"\nstock Presidio: precision {base['precision']:.3f} recall {base['recall']:.3f} "
            f"f2 {base['f2']:.3f}"
        )
    human += f"\nreport: {out}"
    emit(args, result, human)
    return 0
