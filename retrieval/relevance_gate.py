"""The relevance gate: whether the retrieved chunks bear on the question enough to call the model at all.

Relevant: the best cosine similarity reaches ``min_score`` and one chunk holds ``min_coverage`` of the
question's terms, or is ``confident_score`` similar whatever its wording (a paraphrase), or holds
``agreed_coverage`` of them while the dense and the sparse leg rank the same chunk first (``Evidence.agree``:
two independent retrievals point at one passage). Below the gate the answer is refused before any draft; above
it the model may still refuse and the calibrated judge still decides (retrieval.judge), so the gate only
spares the model questions the documents plainly do not address.

``agreed_coverage`` (issue 23, session 20), off by default: on the dev set (208 XQuAD questions disjoint
from the test seeds) the gate refused 9 answerable questions (7 with the gold answer in a retrieved chunk) at
coverage 0.40-0.44, 7 of them with both legs agreeing, against 1 of the 30 unanswerable ones it refused. At
0.4 those 8 reached the model: 3 answerable ones were answered (cited right), 4 still refused, and the
unanswerable one was answered wrongly at confidence 0.81, above the 3 right ones (0.64-0.72): a trade of 3
answerable for 1 unanswerable that no judge threshold separates (docs/evaluation.md, "Session 20").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from retrieval.grounding import question_coverage
from retrieval.judge import evidence
from retrieval.retriever import RetrievedChunk


@dataclass(frozen=True)
class Gate:
    min_score: float = 0.15
    min_coverage: float = 0.0
    confident_score: float = 1.0
    agreed_coverage: float = 2.0  # > 1: never (the legs' agreement alone lets nothing through)


@dataclass(frozen=True)
class Relevance:
    best: float  # the best cosine similarity
    coverage: float  # the largest share of the question's terms in one chunk
    agree: bool  # the dense and the sparse leg rank the same chunk first
    relevant: bool

    def to_json(self) -> dict[str, float | bool]:
        return {
            "best_score": round(self.best, 4),
            "question_coverage": self.coverage,
            "relevant": self.relevant,
        }


def relevance(question: str, chunks: Sequence[RetrievedChunk], gate: Gate) -> Relevance:
    """The gate's verdict on ``chunks`` retrieved for ``question`` (in pseudonym space)."""
    best = max((c.dense_score for c in chunks if c.dense_score is not None), default=0.0)
    covered = question_coverage(question, [c.text for c in chunks])
    agree = bool(evidence(question, chunks).agree)
    relevant = best >= gate.min_score and (
        covered >= gate.min_coverage
        or best >= gate.confident_score
        or (agree and covered >= gate.agreed_coverage)
    )
    return Relevance(best, covered, agree, relevant)
