"""One benchmark run from its parameters: the same code for `privrag eval retrieval|pii|rag` and for the
service's benchmark jobs (``app/service_eval.py``). Each returns the command's JSON and writes its report
under ``<home>/reports/<kind>/<run>/``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.eval_homes import EvalHomes
from app.settings import Settings

if TYPE_CHECKING:
    from anonymize.detector import PiiDetector
    from eval.datasets import RetrievalDataset
    from eval.pii import Sample
    from eval.retrieval import EvalOptions


def retrieval_reports(settings: Settings) -> Path:
    return settings.home / "reports" / "retrieval"


def evaluate_retrieval(
    settings: Settings,
    dataset: RetrievalDataset,
    options: EvalOptions,
    both: bool = False,
    previous: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Ingest ``dataset`` into a temporary home, score every query; the report lands in
    <home>/reports/retrieval/<run>/."""
    from eval import retrieval_report
    from eval.retrieval import run_eval

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)  # one warning per unsupported language
    name = time.strftime("%Y%m%d-%H%M%S")
    homes = EvalHomes(settings)
    cache = retrieval_reports(settings) / "cache"
    # Libraries print progress notes to stdout (llama-index's splitter): keep stdout for the one JSON object.
    with tempfile.TemporaryDirectory(prefix="privrag-eval-") as tmp, contextlib.redirect_stdout(sys.stderr):
        result = run_eval(homes, dataset, options, Path(tmp) / "on", cache)
        if both:
            plain_options = dataclasses.replace(options, anonymize=not options.anonymize, baseline=False)
            plain = run_eval(homes, dataset, plain_options, Path(tmp) / "off", cache)
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
    retrieval_report.write(result, retrieval_reports(settings) / name)
    return result


def load_samples(dataset: Path, limit: int | None = None, half: str = "all") -> list[Sample]:
    """The dataset's samples (presidio-research JSON or CoNLL columns, told apart by content); ValueError
    (naming the problem) when it is neither. ``half`` (dev, score, all) splits CoNLL files by document and
    presidio-research files by sample (even, odd)."""
    from eval import conll, pii

    if not dataset.is_file():
        raise ValueError(f"{dataset} is not a file")
    try:
        if conll.looks_like_conll(dataset):
            return conll.load_conll(dataset, half, limit)
        samples = conll.half(pii.load_dataset(dataset), half)  # even-numbered samples (dev) or odd (score)
        return samples[:limit] if limit else samples
    except OSError as exc:
        raise ValueError(f"{dataset} cannot be read ({type(exc).__name__})") from exc
    except UnicodeDecodeError as exc:
        raise ValueError(f"{dataset} is not UTF-8") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"{dataset} is not JSON ({exc.msg})") from exc


def evaluate_pii(
    settings: Settings,
    dataset: Path,
    samples: list[Sample],
    detector: PiiDetector,
    iou: float | None = None,
    baseline: bool = True,
    stage: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Score ``detector`` (and stock Presidio) on ``samples``; the report lands in
    <home>/reports/pii/<run>/."""
    from anonymize.spacy_models import model_location
    from eval import pii, pii_report

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)  # one warning per unmapped spaCy label
    say = stage or (lambda _message: None)

    def detect(texts: Sequence[str]) -> list[list[pii.Span]]:
        return [pii.spans_of(results) for results in detector.analyze(texts)]

    stock = None
    if baseline:
        say("loading stock Presidio")
        stock = pii.stock_presidio(model_location(settings.anonymize.spacy_model))
    say(f"detecting in {len(samples)} samples" + (" (privrag, then stock Presidio)" if stock else ""))
    result = pii.run(
        samples,
        detect,
        stock,
        iou=pii.DEFAULT_IOU if iou is None else iou,
        pseudonymized=settings.anonymize.pseudonymize,
    )
    result = {"dataset": str(dataset), "detector": detector.version, **result}
    if stock is not None:
        result["baseline"] = {
            "name": "stock Presidio AnalyzerEngine, one call per text",
            **result["baseline"],
        }
    say("writing the report")
    out = settings.home / "reports" / "pii" / time.strftime("%Y%m%d-%H%M%S")
    result["report_files"] = pii_report.write_reports(result, out)
    result["report_dir"] = str(out)
    pii_report.write_reports(result, out)  # again, so result.json lists the report files too
    return result


def check_rag_dataset(dataset: Path) -> None:
    """ValueError unless ``dataset`` is an XQuAD folder."""
    if not (dataset / "passages.jsonl").is_file() or not (dataset / "questions_dev.jsonl").is_file():
        raise ValueError(f"{dataset} must hold passages.jsonl and questions_dev.jsonl (XQuAD layout)")


def _appender(path: Path) -> Callable[[Any], None]:
    """Append each result (a dataclass) to ``path`` as one JSON line."""

    def append(result: Any) -> None:
        with path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(dataclasses.asdict(result)) + "\n")

    return append


def evaluate_rag(
    settings: Settings,
    dataset: Path,
    limit: int | None = 50,
    unanswerable: float = 0.2,
    seed: int = 13,
    progress: Callable[[int, int], None] | None = None,
    results_log: Path | None = None,
) -> dict[str, Any]:
    """Run the answer benchmark on a fresh home; the report lands in <home>/reports/rag/<run>/ (and each
    result, as it comes, in ``results_log``: JSON lines)."""
    from eval.rag import run_rag_benchmark
    from eval.reports import bar_chart, markdown_table, report_dir, write_json

    homes = EvalHomes(settings)
    report = run_rag_benchmark(
        homes,
        homes.model_name(),
        dataset,
        limit=limit,
        unanswerable_fraction=unanswerable,
        seed=seed,
        progress=progress,
        on_result=_appender(results_log) if results_log else None,
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
