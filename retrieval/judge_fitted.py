"""The judge's fitted calibrations, one per mode (``[retrieval] judge``):

- ``draft``: the draft's own token probabilities, its support and the retrieval evidence; nothing runs after
  the last token.
- ``question``: the same plus P(yes) of a second, one-token model call on the answer's KV prefix.

``draft`` fitted (session 8) by ``python -m eval.rag_calibration --dev dev13.jsonl --mode draft`` on the first
73 questions of ``privrag eval rag --limit 100 --seed 13`` (58 answerable, 15 unanswerable; the run was
stopped there for time; citations scored by document id), Qwen2.5-Coder-1.5B Q4_K_M: on those questions
refusal accuracy 0.933, answerable refused 0.19 (P(yes) >= 0.5, the earlier default: 1.0 and 0.53). It weighs
no P(yes), so no judge call is made. Seed 7 (all 100, session 9, not used to fit): refusal accuracy
0.80, answerable refused 0.21 (the judge withheld 1 unanswerable and 1 answerable draft).
``question`` is not fitted: P(yes) alone at 0.5.
Figures: docs/evaluation.md, "Direct answers, the calibrated judge and the answer cache".
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from retrieval.judge import Calibration

JudgeMode = Literal["draft", "question"]

FITTED: dict[str, Calibration] = {
    "draft": Calibration(
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
