"""`privrag eval pii`: PII detection quality of privrag's detector next to stock Presidio."""

from __future__ import annotations

import argparse
from contextlib import closing
from pathlib import Path
from typing import Any

from app.settings import Settings


def register(groups: dict[str, Any], common: argparse.ArgumentParser) -> None:
    p = groups["eval"].add_parser(
        "pii", parents=[common], help="PII detection: precision, recall, F2 per type vs stock Presidio"
    )
    p.add_argument(
        "--dataset",
        required=True,
        help="presidio-research JSON (full_text, spans) or a CoNLL-2003 column file (TOKEN POS CHUNK NER)",
    )
    p.add_argument(
        "--half",
        choices=("dev", "score", "all"),
        default="all",
        help="dev = even-numbered documents (CoNLL) or samples (presidio-research JSON), "
        "score = odd-numbered (default: all)",
    )
    p.add_argument("--limit", type=int, default=0, help="first N samples only (0 = all)")
    p.add_argument("--iou", type=float, default=None, help="span match threshold (default 0.75)")
    p.add_argument("--no-baseline", action="store_true", help="skip stock Presidio")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    import logging

    from app.commands.base import CliError, emit
    from app.container import Container
    from app.evaluations import evaluate_pii, load_samples
    from eval import pii

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)  # one warning per unmapped spaCy label
    dataset = Path(args.dataset).expanduser()
    try:
        samples = load_samples(dataset, args.limit or None, args.half)
    except ValueError as exc:
        raise CliError(f"--dataset: {exc}") from exc
    iou = args.iou if args.iou is not None else pii.DEFAULT_IOU
    if not 0 < iou <= 1:
        raise CliError("--iou: must be in (0, 1]")
    with closing(Container(settings)) as container:
        detector = container.detector
        result = evaluate_pii(settings, dataset, samples, detector, iou, baseline=not args.no_baseline)
    result["half"] = args.half
    overall = result["overall"]
    human = (
        f"privrag: precision {overall['precision']:.3f} recall {overall['recall']:.3f} f2 {overall['f2']:.3f}"
    )
    if "baseline" in result:
        base = result["baseline"]["overall"]
        human += (
            f"\nstock Presidio: precision {base['precision']:.3f} recall {base['recall']:.3f} "
            f"f2 {base['f2']:.3f}"
        )
    human += f"\nreport: {result['report_dir']}"
    emit(args, result, human)
    return 0
