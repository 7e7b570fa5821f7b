"""The calibrated judge: keep a grounded draft or withhold it, from what the model and retrieval say about it,
against a threshold chosen on a dev split.

Features (``features``), each a number:
- ``start``: logit of 1 - P(the refusal's first token) at the draft's first step, and ``fact_logp`` /
  ``fact_min``: the mean and least log-probability of the model's choices over the draft's first tokens. Read
  while the draft is generated (retrieval.judge_tokens): nothing runs after the last token.
- ``judge``: logit P(yes) that the sources state the answer, from a second, one-token model call on the answer
  prompt's KV prefix (``yes_probability``); only when the calibration weighs it (``Calibration.asks``).
- ``support``: the share of the draft's own terms its cited sources hold (retrieval.grounding).
- the retrieval evidence (``Evidence``): ``coverage``, ``dense``, ``fused``, ``agree``.
- where the draft's answer sits in the shown passages (retrieval.judge_sentences): ``fact_sentence``, the
  question's coverage of a sentence stating the leading fact, and ``answer_sentence``, the weighted share of
  the question's terms in the sentence holding the answer's new terms.
confidence = sigmoid(bias + sum of weight x feature). The fitted weights and thresholds live in
retrieval.judge_fitted (fitted by eval.rag_calibration on XQuAD seed 13, reported on seed 7).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field

from retrieval.grounding import question_coverage
from retrieval.judge_sentences import AnswerPlace
from retrieval.judge_tokens import DraftSignal
from retrieval.llm import ChatModel, Message, choose_option
from retrieval.retriever import RetrievedChunk

_YES = ("yes", "Yes")
_NO = ("no", "No")
TOKEN_FEATURES = ("start", "fact_logp", "fact_min")
PLACE_FEATURES = ("fact_sentence", "answer_sentence")  # retrieval.judge_sentences, from the draft
FEATURES = (*TOKEN_FEATURES, "judge", "support", "coverage", "dense", "fused", "agree", *PLACE_FEATURES)


@dataclass(frozen=True)
class Evidence:
    coverage: float  # the largest share of the question's terms in one retrieved chunk
    dense: float  # the best cosine similarity
    fused: float  # the top chunk's fused score
    agree: float  # 1.0 when the dense and the sparse leg rank the same chunk first

    def to_json(self) -> dict[str, float]:
        return asdict(self)


def _judge_only() -> dict[str, float]:
    return {"judge": 1.0}


@dataclass(frozen=True)
class Calibration:
    """confidence = sigmoid(bias + sum(weights[f] * features[f])); a draft is kept at confidence >=
    threshold. The default: P(yes) alone (the one-word judge as a probability)."""

    bias: float = 0.0
    weights: Mapping[str, float] = field(default_factory=_judge_only)
    threshold: float = 0.5

    def __post_init__(self) -> None:
        unknown = set(self.weights) - set(FEATURES)
        if unknown:
            raise ValueError(f"calibration weights: unknown features {sorted(unknown)} (known: {FEATURES})")

    @property
    def asks(self) -> bool:
        """Whether the second model call (P(yes)) is needed: the weights use it."""
        return bool(self.weights.get("judge"))

    @property
    def reads_tokens(self) -> bool:
        """Whether the weights use the draft's token probabilities (a backend without logits has none)."""
        return any(self.weights.get(name) for name in TOKEN_FEATURES)


def evidence(question: str, chunks: Sequence[RetrievedChunk]) -> Evidence:
    """The retrieval evidence for ``question`` from its retrieved ``chunks`` (in fused order)."""
    if not chunks:
        return Evidence(0.0, 0.0, 0.0, 0.0)
    dense = [c for c in chunks if c.dense_score is not None]
    sparse = [c for c in chunks if c.sparse_score is not None]
    top_dense = max(dense, key=lambda c: c.dense_score or 0.0).chunk_id if dense else None
    top_sparse = max(sparse, key=lambda c: c.sparse_score or 0.0).chunk_id if sparse else None
    return Evidence(
        coverage=question_coverage(question, [c.text for c in chunks]),
        dense=round(max((c.dense_score or 0.0 for c in dense), default=0.0), 4),
        fused=round(chunks[0].score, 4),
        agree=1.0 if top_dense is not None and top_dense == top_sparse else 0.0,
    )


def yes_probability(model: ChatModel, messages: list[Message]) -> float | None:
    """P(yes) / (P(yes) + P(no)) for the model's one-word reply to ``messages``: from the logits where the
    backend gives them (``option_probabilities``), else 1.0 or 0.0 from its constrained reply (None: no
    reply)."""
    probabilities = getattr(model, "option_probabilities", None)
    if probabilities is not None:
        p = probabilities(messages, [*_YES, *_NO])
        if p:
            return round(sum(p[o] for o in _YES) / max(1e-12, sum(p.values())), 4)
    verdict = choose_option(model, messages, [*_YES, *_NO])
    return None if verdict is None else float(verdict.lower() == "yes")


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def features(
    found: Evidence,
    signal: DraftSignal | None = None,
    p_yes: float | None = None,
    support: float | None = None,
    place: AnswerPlace | None = None,
) -> dict[str, float]:
    """The judge's features of one draft (those it has: no signal from a backend without logits, no
    ``judge`` unless the second call ran, no ``place`` without a draft)."""
    values = {**found.to_json(), "support": support if support is not None else 0.0}
    if place is not None:
        values.update(place.to_json())
    if signal is not None:
        values.update(
            start=_logit(1 - signal.refusal_start), fact_logp=signal.fact_logp, fact_min=signal.fact_min_logp
        )
    if p_yes is not None:
        values["judge"] = _logit(p_yes)
    return {k: round(v, 6) for k, v in values.items()}


def confidence(values: Mapping[str, float], calibration: Calibration) -> float | None:
    """The combined confidence that the draft is answered by its sources (0..1); None when a weighed
    feature is missing (the backend showed no logits)."""
    if any(name not in values for name, weight in calibration.weights.items() if weight):
        return None
    z = calibration.bias + sum(w * values[name] for name, w in calibration.weights.items() if w)
    return round(1 / (1 + math.exp(-max(-50.0, min(50.0, z)))), 4)
