"""Is a draft grounded? The checks after generation: its terms in its cited sources, then the calibrated
judge (retrieval.judge), whose decision is read from what generation already computed unless the
calibration weighs the second model call."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from retrieval.grounding import check
from retrieval.judge import Calibration, confidence, evidence, features, yes_probability
from retrieval.judge_tokens import DraftSignal
from retrieval.llm import ChatModel, Message
from retrieval.prompt import judge_messages_from
from retrieval.retriever import RetrievedChunk

# Without the draft's logits (a backend that shows none), the judge falls back to P(yes) alone.
_P_YES_ALONE = Calibration()


@dataclass(frozen=True)
class Judging:
    """What the judge needs of one draft: the model, its calibration, the answer's messages (the second call
    reuses their KV prefix) and the draft's token signal (None: the backend showed no logits)."""

    model: ChatModel
    calibration: Calibration
    messages: list[Message]
    signal: DraftSignal | None


def draft_checks(
    text: str,
    asked: str,
    sources: list[str],
    chunks: Sequence[RetrievedChunk],
    min_support: float,
    judging: Judging | None,
) -> dict:
    """Withheld when the draft's terms are missing from its cited sources (or it cites nothing, or only
    restates the question), or, with ``judging``, when the calibrated confidence falls below the threshold.
    The draft is never shown to the judge's second call (the model judges the sources)."""
    grounding = check(text, asked, sources)
    checks: dict = {
        "support": grounding.support,
        "coverage": grounding.coverage,
        "verified": None,
        "withheld": False,
        "reason": "",
    }
    if min_support > 0 and not sources:
        checks.update(withheld=True, reason="no source supports the answer")
    elif min_support > 0 and grounding.support is None:
        checks.update(withheld=True, reason="the answer only restates the question")
    elif min_support > 0 and grounding.support is not None and grounding.support < min_support:
        checks.update(withheld=True, reason="the cited sources do not contain the answer")
    elif judging is not None:
        checks.update(_judged(judging, asked, chunks, grounding.support))
    return checks


def _judged(judging: Judging, asked: str, chunks: Sequence[RetrievedChunk], support: float | None) -> dict:
    calibration = judging.calibration
    if judging.signal is None and calibration.reads_tokens:
        calibration = _P_YES_ALONE
    started = time.perf_counter()
    p_yes = (
        yes_probability(judging.model, judge_messages_from(judging.messages)) if calibration.asks else None
    )
    call_ms = round((time.perf_counter() - started) * 1000, 1)
    found = evidence(asked, chunks)
    values = features(found, judging.signal, p_yes, support)
    out: dict = {"evidence": found.to_json(), "features": values}
    if judging.signal is not None:
        out["draft_signal"] = judging.signal.to_json()
    if p_yes is not None:
        out.update(p_yes=p_yes, judge_call_ms=call_ms)
    sure = confidence(values, calibration)
    if sure is not None:
        kept = sure >= calibration.threshold
        out.update(confidence=sure, threshold=calibration.threshold, verified="yes" if kept else "no")
        if not kept:
            out.update(withheld=True, reason="the judge found that the sources do not state the answer")
    return out
