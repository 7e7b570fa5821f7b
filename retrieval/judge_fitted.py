"""The judge's fitted calibrations, one per mode (``[retrieval] judge``):

- ``draft``: the draft's own token probabilities, its support, the retrieval evidence and where its answer
  sits in the shown passages (retrieval.judge_sentences); nothing runs after the last token but arithmetic
  on the shown sentences (a few ms).
- ``question``: the same plus P(yes) of a second, one-token model call on the answer's KV prefix.

``draft`` (session 13): session 8's combination (``SESSION_8_DRAFT``) kept as one term, scaled, plus
``fact_sentence`` and ``answer_sentence``: the bias, the scale and the two new weights fitted by
``python -m eval.rag_calibration --dev DEV --mode draft --offset`` (``fit_offset``) on 298 XQuAD dev drafts
of the answer-phrase prompt (the seed-13 sample and 198 pool questions, Qwen2.5-Coder-1.5B Q4_K_M, refusal
ban from coverage 0.5). A full refit of every weight on one half of these ranked the other half worse than
session 8's weights; this fit ranked either half better (AUC) when fitted on the other. Threshold 0.55: the
middle of the plateau (0.53-0.57) where dev refusal accuracy stays at the session-8 judge's (0.898) with the
fewest answerable questions refused (0.165 -> 0.145, F1 0.502 -> 0.512).
``question`` is not fitted: P(yes) alone at 0.5.
Figures: docs/evaluation.md, "Direct answers, the calibrated judge and the answer cache", Session 13.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from retrieval.judge import Calibration

JudgeMode = Literal["draft", "question"]

# Fitted (session 8) by ``python -m eval.rag_calibration --mode draft`` on the first 73 questions of
# ``eval rag --limit 100 --seed 13`` with the old, long-answer prompt; the fixed term of today's ``draft``.
SESSION_8_DRAFT = Calibration(
    bias=-9.2532,
    weights={
        "start": 1.073,
        "fact_logp": 3.0295,
        "fact_min": 0.2565,
        "support": 4.4561,
        "coverage": 7.5054,
        "dense": 0.0922,
        "agree": 1.6204,
    },
    threshold=0.5205,
)

FITTED: dict[str, Calibration] = {
    "draft": Calibration(
        bias=-4.2879,
        weights={
            "start": 0.4741,
            "fact_logp": 1.3386,
            "fact_min": 0.1133,
            "support": 1.969,
            "coverage": 3.3164,
            "dense": 0.0407,
            "agree": 0.716,
            "fact_sentence": 1.7954,
            "answer_sentence": 1.5188,
        },
        threshold=0.55,
    ),
    "question": Calibration(),
}


def judge_calibration(mode: JudgeMode = "draft", threshold: float | None = None) -> Calibration:
    """The fitted calibration of ``mode``, its threshold replaced by ``threshold`` when given (the setting
    ``[retrieval] judge_threshold``; None: the one chosen on the dev split)."""
    if mode not in FITTED:
        raise ValueError(f"judge mode {mode!r}: not one of {sorted(FITTED)}")
    fitted = FITTED[mode]
    return fitted if threshold is None else replace(fitted, threshold=threshold)
