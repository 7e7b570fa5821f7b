"""Is a draft grounded? The checks after generation: its terms in its cited sources, then the calibrated
judge (retrieval.judge), whose decision is read from what generation already computed unless the
calibration weighs the second model call.

That call (P(yes)) does not depend on the draft (the draft is never shown to it), so ``judge_first`` makes it
before generation, on the answer prompt's prefix up to the question: its verdict is ready at the last token.
When the calibration decides from P(yes) and the retrieval evidence alone (the default), a verdict below the
threshold withholds the answer without generating a draft at all (the closest passage is shown at once)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from retrieval.absent_name import absent_name
from retrieval.grounding import check
from retrieval.judge import PLACE_FEATURES, Calibration, confidence, evidence, features, yes_probability
from retrieval.judge_sentences import answer_place
from retrieval.judge_tokens import DraftSignal
from retrieval.llm import ChatModel, Message
from retrieval.premise import inverted_premise
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
    first: EarlyVerdict | None = None  # P(yes) asked before generation (``judge_first``)
    # The passages as the model was shown them (``shown[i]`` is ``[i + 1]``, None: left out); None: the
    # retrieved chunks whole (no passage selection)
    passages: Sequence[str | None] | None = None


@dataclass(frozen=True)
class EarlyVerdict:
    """P(yes), asked before the draft; ``withheld``: the calibration needs nothing of the draft (P(yes) and
    the retrieval evidence only) and its confidence is below the threshold, so no draft is generated."""

    p_yes: float | None
    call_ms: float
    withheld: bool = False
    checks: dict | None = None  # the verdict's checks when ``withheld``

    def __post_init__(self) -> None:
        if self.withheld and self.checks is None:
            raise ValueError("a withheld early verdict needs its checks")


_DRAFT_FEATURES = ("start", "fact_logp", "fact_min", "support", *PLACE_FEATURES)


def judge_first(
    model: ChatModel,
    calibration: Calibration,
    messages: list[Message],
    asked: str,
    chunks: Sequence[RetrievedChunk],
) -> EarlyVerdict | None:
    """P(yes) before generation on the answer prompt's shared prefix (None: the calibration does not ask)."""
    if not calibration.asks:
        return None
    started = time.perf_counter()
    p_yes = yes_probability(model, judge_messages_from(messages))
    call_ms = round((time.perf_counter() - started) * 1000, 1)
    if p_yes is None or any(calibration.weights.get(name) for name in _DRAFT_FEATURES):
        return EarlyVerdict(p_yes, call_ms)  # the draft's features are needed: decided after it
    early = EarlyVerdict(p_yes, call_ms)
    out = _judged(Judging(model, calibration, messages, None, early), asked, chunks, None)
    if not out.get("withheld"):
        return early
    checks = {"support": None, "coverage": None, "verified": None, "withheld": False, "reason": "", **out}
    return EarlyVerdict(p_yes, call_ms, withheld=True, checks={**checks, "judged_first": True})


def draft_checks(
    text: str,
    asked: str,
    sources: list[str],
    chunks: Sequence[RetrievedChunk],
    min_support: float,
    judging: Judging | None,
) -> dict:
    """Withheld when the draft's terms are missing from its cited sources (or it cites nothing, or only
    restates the question), when it claims the question's extreme where the sources state only the opposite
    one (retrieval.premise: "the maximum is 14" from "at least 14"), when it repeats a name of the question
    that no retrieved source holds (retrieval.absent_name), or, with ``judging``, when the calibrated
    confidence falls below the threshold. The draft is never shown to the judge's second call (the model
    judges the sources)."""
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
    elif min_support > 0 and (premise := inverted_premise(text, asked, [c.text for c in chunks])):
        reason = f"the answer claims the {premise.asked} where the sources state only the {premise.stated}"
        checks.update(withheld=True, reason=reason, inverted=premise.asked)
    elif min_support > 0 and absent_name(text, asked, [t for c in chunks for t in (c.text, c.title)]):
        checks.update(withheld=True, reason="the answer names what the question names, but no source does")
    elif judging is not None:
        checks.update(_judged(judging, asked, chunks, grounding.support, text))
    return checks


def _judged(
    judging: Judging,
    asked: str,
    chunks: Sequence[RetrievedChunk],
    support: float | None,
    draft: str | None = None,
) -> dict:
    calibration = judging.calibration
    if judging.signal is None and calibration.reads_tokens:
        calibration = _P_YES_ALONE
    started = time.perf_counter()
    if judging.first is not None:  # asked before generation: nothing runs after the last token
        p_yes, call_ms = judging.first.p_yes, judging.first.call_ms
    else:
        p_yes = (
            yes_probability(judging.model, judge_messages_from(judging.messages))
            if calibration.asks
            else None
        )
        call_ms = round((time.perf_counter() - started) * 1000, 1)
    found = evidence(asked, chunks)
    shown = judging.passages if judging.passages is not None else [c.text for c in chunks]
    place = answer_place(asked, shown, draft) if draft is not None else None
    values = features(found, judging.signal, p_yes, support, place)
    out: dict = {"evidence": found.to_json(), "features": values}
    if judging.signal is not None:
        out["draft_signal"] = judging.signal.to_json()
    if p_yes is not None:
        out.update(p_yes=p_yes, judge_call_ms=call_ms, judge_first=judging.first is not None)
    sure = confidence(values, calibration)
    if sure is not None:
        kept = sure >= calibration.threshold
        out.update(confidence=sure, threshold=calibration.threshold, verified="yes" if kept else "no")
        if not kept:
            out.update(withheld=True, reason="the judge found that the sources do not state the answer")
    return out
