"""`privrag eval pii`: PII detection quality of privrag's detector next to stock Presidio."""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.settings import Settings

if TYPE_CHECKING:
    from eval.pii import Sample


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
        help="CoNLL files: dev = even-numbered documents, score = odd-numbered (default: all)",
    )
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
    try:
        samples = load_samples(dataset, args.limit or None, args.half)
    except ValueError as exc:
        raise CliError(f"--dataset: {exc}") from exc
    iou = args.iou if args.iou is not None else pii.DEFAULT_IOU
    if not 0 < iou <= 1:
        raise CliError("--iou: must be in (0, 1]")
    container = Container(settings)
    try:
        result = evaluate(settings, dataset, samples, container.detector, iou, baseline=not args.no_baseline)
    finally:
        container.close()
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


def load_samples(dataset: Path, limit: int | None = None, half: str = "all") -> list[Sample]:
    """The dataset's samples (presidio-research JSON or CoNLL columns, told apart by content); ValueError
    (naming the problem) when it is neither. ``half`` (dev, score, all) splits CoNLL files by document."""
    from eval import conll, pii

    if not dataset.is_file():
        raise ValueError(f"{dataset} is not a file")
    try:
        if conll.looks_like_conll(dataset):
            return conll.load_conll(dataset, half, limit)
        if half != "all":
            raise ValueError("--half applies to CoNLL files only")
        return pii.load_dataset(dataset, limit)
    except OSError as exc:
        raise ValueError(f"{dataset} cannot be read ({type(exc).__name__})") from exc
    except UnicodeDecodeError as exc:
        raise ValueError(f"{dataset} is not UTF-8") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"{dataset} is not JSON ({exc.msg})") from exc


def evaluate(
    settings: Settings,
    dataset: Path,
    samples: list[Sample],
    detector: Any,
    iou: float | None = None,
    baseline: bool = True,
    stage: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Score ``detector`` (and stock Presidio) on ``samples``; the report lands in <home>/reports/pii/<run>/.

    The same run for `privrag eval pii` and the service's benchmark jobs; returns the command's JSON.
    """
    import logging

    from anonymize.spacy_models import model_location
    from eval import pii

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)  # one warning per unmapped spaCy label
    say = stage or (lambda _message: None)

    def detect(texts: list[str]) -> list[list[pii.Span]]:
        return [pii.spans_of(results) for results in detector.analyze(texts)]

    stock = None
    if baseline:
        say("loading stock Presidio")
        stock = pii.stock_presidio(model_location(settings.anonymize.spacy_model))
    say(f"detecting in {len(samples)} samples" + (" (privrag, then stock Presidio)" if stock else ""))
    result = pii.run(samples, detect, stock, iou=pii.DEFAULT_IOU if iou is None else iou)
    result = {"dataset": str(dataset), "detector": detector.version, **result}
    if stock is not None:
        result["baseline"] = {
            "name": "stock Presidio AnalyzerEngine, one call per text",
            **result["baseline"],
        }
    say("writing the report")
    out = settings.home / "reports" / "pii" / time.strftime("%Y%m%d-%H%M%S")
    result["report_files"] = pii.write_reports(result, out)
    result["report_dir"] = str(out)
    pii.write_reports(result, out)  # again, so result.json lists the report files too
    return result
