"""PII detection benchmark on presidio-research JSON, scored with presidio-evaluator's SpanEvaluator.

Dataset: a JSON list of ``{"full_text", "spans": [{"entity_type", "entity_value", "start_position",
"end_position"}]}`` (end exclusive, code-point offsets); CoNLL files: ``eval.conll``. Type mapping: gold
labels and predicted types are both mapped onto one scoring label set:

* GPE, LOCATION, STREET_ADDRESS and ADDRESS are one class, ``LOCATION`` (gold and predicted);
* NORP (spaCy) is NRP; PREFIX (the older label of Mr./Dr., folded into TITLE by newer data) is TITLE;
* predicted URL is DOMAIN_NAME; predicted ZIP_CODE is ZIP_CODE when the dataset labels ZIP codes,
  else LOCATION (older data labels ZIP codes as part of the address);
* a predicted type with no counterpart in the dataset's labels (US_BANK_NUMBER, CRYPTO, ...) is not scored:
  it is listed under ``unscored_predictions`` (the usual "entities to keep" restriction of presidio-research).

Matching rule (presidio-evaluator 0.3.2 ``SpanEvaluator``): texts are tokenized with spaCy's English
tokenizer; gold spans and predictions become IO token tags (overlapping predictions: the higher score wins a
token); consecutive tokens of one type, also across skip words and punctuation, form one span; spans are
normalized (lower case, skip words such as "the", "street", "apt", "mr." and punctuation removed). A
prediction matches a gold span of the same type when their character-level IoU over the normalized spans is
at least ``iou_threshold`` (0.75 here; several predictions of the gold type covering it together count).
Everything else is a false negative (gold) or a false positive (prediction). Precision, recall and F2 per
type; overall = micro-average over every labeled type except TITLE, AGE and NRP.
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from eval.extra import require_eval_extra
from eval.pii_clear import clear_json, left_in_clear

logger = logging.getLogger("privrag.eval.pii")

LOCATION_LABELS = ("GPE", "LOCATION", "STREET_ADDRESS", "ADDRESS")
GOLD_MAP = {**dict.fromkeys(LOCATION_LABELS, "LOCATION"), "NORP": "NRP", "PREFIX": "TITLE"}
# Predicted type -> candidate scoring labels, the first one the dataset labels wins.
PREDICTION_MAP: dict[str, tuple[str, ...]] = {
    **{label: ("LOCATION",) for label in LOCATION_LABELS},
    "NORP": ("NRP",),
    "URL": ("DOMAIN_NAME",),
    "ZIP_CODE": ("ZIP_CODE", "LOCATION"),
}
EXCLUDED_FROM_OVERALL = ("TITLE", "AGE", "NRP")
DEFAULT_IOU = 0.75
BETA = 2.0


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    entity_type: str
    score: float = 1.0


@dataclass
class Sample:
    text: str
    spans: list[Span]
    ignored: list[Span] = field(default_factory=list)  # not scored (CoNLL's MISC), nor predictions over them


Detect = Callable[[Sequence[str]], list[list[Span]]]


@dataclass
class TypeScore:
    precision: float
    recall: float
    f2: float
    support: int
    predicted: int
    true_positives: int


@dataclass
class Score:
    overall: TypeScore
    per_entity: dict[str, TypeScore]
    unscored_predictions: dict[str, int] = field(default_factory=dict)
    ignored_predictions: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "overall": asdict(self.overall),
            "per_entity": {k: asdict(v) for k, v in sorted(self.per_entity.items())},
            "unscored_predictions": dict(sorted(self.unscored_predictions.items())),
            "ignored_predictions": self.ignored_predictions,
        }


def load_dataset(path: Path, limit: int | None = None) -> list[Sample]:
    """Read presidio-research JSON; ``limit`` keeps the first N samples."""
    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(rows, list):
        raise ValueError(f"{path}: expected a JSON list of samples")
    if limit:
        rows = rows[:limit]
    samples = []
    for index, row in enumerate(rows):
        try:
            spans = [
                Span(int(s["start_position"]), int(s["end_position"]), str(s["entity_type"]))
                for s in row.get("spans") or []
            ]
            samples.append(Sample(str(row["full_text"]), spans))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}: sample {index} is malformed ({exc})") from exc
    return samples


def gold_label(label: str) -> str:
    return GOLD_MAP.get(label, label)


def label_set(samples: Iterable[Sample]) -> set[str]:
    return {gold_label(s.entity_type) for sample in samples for s in sample.spans}


def prediction_label(entity_type: str, labels: set[str]) -> str | None:
    """The scoring label of a predicted type, or None when the dataset has no such label."""
    for candidate in PREDICTION_MAP.get(entity_type, (entity_type,)):
        if candidate in labels:
            return candidate
    return None


def _safe(value: float) -> float:
    return 0.0 if value is None or (isinstance(value, float) and math.isnan(value)) else round(value, 4)


def _type_score(tp: int, predicted: int, annotated: int) -> TypeScore:
    precision = tp / predicted if predicted else 0.0
    recall = tp / annotated if annotated else 0.0
    denominator = BETA**2 * precision + recall
    f2 = (1 + BETA**2) * precision * recall / denominator if denominator else 0.0
    return TypeScore(_safe(precision), _safe(recall), _safe(f2), annotated, predicted, tp)


def score(
    samples: Sequence[Sample], predictions: Sequence[Sequence[Span]], iou: float = DEFAULT_IOU
) -> Score:
    """Score predictions against the gold spans with presidio-evaluator's span matching (see module doc)."""
    import pandas as pd
    import spacy
    from presidio_evaluator import span_to_tag
    from presidio_evaluator.evaluation import SpanEvaluator

    if len(samples) != len(predictions):
        raise ValueError(f"{len(samples)} samples but {len(predictions)} prediction lists")
    labels = label_set(samples)
    tokenizer = spacy.blank("en")
    unscored: Counter[str] = Counter()
    ignored = 0
    rows: list[dict[str, Any]] = []
    for sentence_id, (sample, predicted) in enumerate(zip(samples, predictions, strict=True)):
        tokens = tokenizer(sample.text)
        gold = span_to_tag(
            scheme="IO",
            text=sample.text,
            starts=[s.start for s in sample.spans],
            ends=[s.end for s in sample.spans],
            tags=[gold_label(s.entity_type) for s in sample.spans],
            tokens=tokens,
        )
        kept = []
        for span in predicted:
            if any(span.start < i.end and i.start < span.end for i in sample.ignored):
                ignored += 1
                continue
            mapped = prediction_label(span.entity_type, labels)
            if mapped is None:
                unscored[span.entity_type] += 1
            else:
                kept.append((span, mapped))
        guess = span_to_tag(
            scheme="IO",
            text=sample.text,
            starts=[s.start for s, _ in kept],
            ends=[s.end for s, _ in kept],
            tags=[m for _, m in kept],
            scores=[s.score for s, _ in kept] or None,
            tokens=tokens,
        )
        rows.extend(
            {
                "sentence_id": sentence_id,
                "token": token.text,
                "annotation": gold[i],
                "prediction": guess[i],
                "start_indices": token.idx,
            }
            for i, token in enumerate(tokens)
        )
    frame = pd.DataFrame(rows, columns=["sentence_id", "token", "annotation", "prediction", "start_indices"])
    evaluator = SpanEvaluator(iou_threshold=iou, skip_words=None)
    logging.getLogger("presidio_evaluator").setLevel(logging.ERROR)
    result = evaluator.calculate_score_on_df(frame, beta=BETA, level="entity")
    per_entity: dict[str, TypeScore] = {}
    totals: Counter[str] = Counter()
    for entity_type, metrics in result.per_type.items():
        if entity_type == "O":
            continue
        tp, n_predicted, n_annotated = (
            int(metrics.true_positives),
            int(metrics.num_predicted),
            int(metrics.num_annotated),
        )
        per_entity[entity_type] = _type_score(tp, n_predicted, n_annotated)
        if entity_type not in EXCLUDED_FROM_OVERALL and entity_type in labels:
            totals.update(tp=tp, predicted=n_predicted, annotated=n_annotated)
    overall = _type_score(totals["tp"], totals["predicted"], totals["annotated"])
    return Score(
        overall=overall,
        per_entity=per_entity,
        unscored_predictions=dict(unscored),
        ignored_predictions=ignored,
    )


@dataclass
class Throughput:
    texts: int
    words: int
    seconds: float

    def to_json(self) -> dict[str, float]:
        seconds = max(self.seconds, 1e-9)
        return {
            "texts": self.texts,
            "words": self.words,
            "seconds": round(self.seconds, 3),
            "texts_per_s": round(self.texts / seconds, 1),
            "words_per_s": round(self.words / seconds, 1),
        }


def timed_detect(detect: Detect, texts: Sequence[str]) -> tuple[list[list[Span]], Throughput]:
    started = time.perf_counter()
    predictions = detect(texts)
    seconds = time.perf_counter() - started
    words = sum(len(t.split()) for t in texts)
    return predictions, Throughput(len(texts), words, seconds)


def stock_presidio(spacy_model: str, score_threshold: float | None = None) -> Detect:
    """Presidio's default AnalyzerEngine (default recognizers) on ``spacy_model``, one call per text."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": spacy_model}],
        }
    )
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])

    def detect(texts: Sequence[str]) -> list[list[Span]]:
        return [
            [
                Span(r.start, r.end, r.entity_type, r.score)
                for r in analyzer.analyze(text=text, language="en", score_threshold=score_threshold)
            ]
            for text in texts
        ]

    return detect


def spans_of(results: Iterable[Any]) -> list[Span]:
    """Presidio ``RecognizerResult``s as spans."""
    return [Span(r.start, r.end, r.entity_type, r.score) for r in results]


def run(
    samples: Sequence[Sample],
    detect: Detect,
    baseline: Detect | None = None,
    iou: float = DEFAULT_IOU,
    pseudonymized: Collection[str] | None = None,
) -> dict[str, Any]:
    """Detect with privrag (and the baseline), score both; the result is the command's JSON.

    With ``pseudonymized`` (the entity types the pseudonymizer replaces), ``left_in_clear`` says which
    labeled values of those types keep a word no replaced span covers (``eval.pii_clear``)."""
    require_eval_extra("privrag eval pii")
    texts = [s.text for s in samples]
    predictions, speed = timed_detect(detect, texts)
    scored = score(samples, predictions, iou)
    result: dict[str, Any] = {
        "samples": len(samples),
        "spans": sum(len(s.spans) for s in samples),
        **scored.to_json(),
        "throughput": speed.to_json(),
        "iou_threshold": iou,
        "excluded_from_overall": list(EXCLUDED_FROM_OVERALL),
        "gold_label_map": GOLD_MAP,
        "prediction_label_map": {k: list(v) for k, v in PREDICTION_MAP.items()},
    }
    if pseudonymized is not None:
        result["left_in_clear"] = clear_json(
            left_in_clear(samples, predictions, pseudonymized), pseudonymized
        )
    if baseline is not None:
        base_predictions, base_speed = timed_detect(baseline, texts)
        result["baseline"] = {
            **score(samples, base_predictions, iou).to_json(),
            "throughput": base_speed.to_json(),
        }
        if pseudonymized is not None:
            clear = left_in_clear(samples, base_predictions, pseudonymized)
            result["baseline"]["left_in_clear"] = clear_json(clear, pseudonymized)
    return result
