"""The judge's fitted calibrations, one per mode (``[retrieval] judge``):

- ``draft``: the draft's own token probabilities, its support and the retrieval evidence; nothing runs after
  the last token.
- ``question``: the same plus P(yes) of a second, one-token model call on the answer's KV prefix.

Not fitted yet: P(yes) alone at 0.5 (the earlier judge). Fitted by ``python -m eval.rag_calibration`` on the
``report.json`` of ``privrag eval rag --seed 13`` (the dev split), reported on seed 7: docs/evaluation.md,
"Direct answers, the calibrated judge and the answer cache".
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from retrieval.judge import Calibration

JudgeMode = Literal["draft", "question"]

FITTED: dict[str, Calibration] = {
    "draft": Calibration(),
    "question": Calibration(),
}


def judge_calibration(mode: JudgeMode = "draft", threshold: float | None = None) -> Calibration:
    """The fitted calibration of ``mode``, its threshold replaced by ``threshold`` when given (the setting
    ``[retrieval] judge_threshold``; None: the one chosen on the dev split)."""
    if mode not in FITTED:
        raise ValueError(f"judge mode {mode!r}: not one of {sorted(FITTED)}")
    fitted = FITTED[mode]
    return fitted if threshold is None else replace(fitted, threshold=threshold)
