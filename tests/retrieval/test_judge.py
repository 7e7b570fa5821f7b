"""The calibrated judge: retrieval evidence, the combined confidence, P(yes) from the real model's logits."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from retrieval.answer import Answerer
from retrieval.judge import Calibration, Evidence, confidence, evidence, features, yes_probability
from retrieval.judge_fitted import FITTED, judge_calibration
from retrieval.judge_tokens import DraftSignal, DraftWatch, stream_draft, watch_for
from retrieval.llm import LlamaCppChat, Message
from retrieval.prompt import build_judge_messages
from tests.retrieval.chunks import chunk

QUESTION = "How many days per week may employees work remotely?"


def scored(n: int, text: str, dense: float | None, sparse: float | None, fused: float):  # type: ignore[no-untyped-def]
    c = chunk(n, text)
    c.dense_score, c.sparse_score, c.score = dense, sparse, fused
    return c


def test_evidence_reads_coverage_scores_and_agreement() -> None:
    chunks = [
        scored(1, "Employees may work remotely up to three days per week.", 0.71, 9.0, 0.9),
        scored(2, "Travel expenses are filed within thirty days.", 0.30, 2.0, 0.4),
    ]
    found = evidence(QUESTION, chunks)
    assert found == Evidence(coverage=1.0, dense=0.71, fused=0.9, agree=1.0)
    chunks[1].sparse_score = 12.0  # the sparse leg now ranks another chunk first
    assert evidence(QUESTION, chunks).agree == 0.0
    assert evidence(QUESTION, []) == Evidence(0.0, 0.0, 0.0, 0.0)


def test_confidence_is_the_judges_probability_by_default_and_moves_with_the_evidence() -> None:
    found = Evidence(coverage=1.0, dense=0.7, fused=0.9, agree=1.0)
    assert confidence(features(found, p_yes=0.8), Calibration()) == pytest.approx(0.8, abs=1e-3)
    weighted = Calibration(weights={"judge": 1.0, "coverage": 2.0})
    weak = Evidence(coverage=0.0, dense=0.7, fused=0.9, agree=1.0)
    strong_c = confidence(features(found, p_yes=0.5), weighted)
    weak_c = confidence(features(weak, p_yes=0.5), weighted)
    assert strong_c is not None and weak_c is not None and strong_c > weak_c == pytest.approx(0.5)
    assert confidence(features(found, p_yes=1.0), Calibration()) < 1.0  # type: ignore[operator]
    assert confidence(features(found, p_yes=0.0), Calibration()) > 0.0  # type: ignore[operator]
    # A weighed feature the draft lacks (no P(yes) asked, no logits): no confidence, never a guess.
    assert confidence(features(found), Calibration()) is None


def test_features_from_the_draft_signal_and_what_each_mode_needs() -> None:
    found = Evidence(coverage=0.5, dense=0.6, fused=0.7, agree=0.0)
    signal = DraftSignal(refusal_start=0.2, fact_logp=-0.3, fact_min_logp=-1.5, tokens=12)
    values = features(found, signal, support=0.8)
    assert values["start"] == pytest.approx(math.log(0.8 / 0.2), abs=1e-4)
    assert values["fact_logp"] == -0.3 and values["fact_min"] == -1.5 and values["support"] == 0.8
    assert "judge" not in values and values["coverage"] == 0.5
    draft = Calibration(bias=-1.0, weights={"start": 0.5, "support": 2.0}, threshold=0.6)
    assert not draft.asks and draft.reads_tokens and Calibration().asks and not Calibration().reads_tokens
    z = -1.0 + 0.5 * values["start"] + 2.0 * 0.8
    assert confidence(values, draft) == pytest.approx(1 / (1 + math.exp(-z)), abs=1e-4)
    with pytest.raises(ValueError, match="unknown features"):
        Calibration(weights={"cosine": 1.0})


def test_judge_calibration_per_mode_and_threshold() -> None:
    assert judge_calibration("draft") == FITTED["draft"]
    assert judge_calibration("question", 0.3).threshold == 0.3
    assert judge_calibration("draft", 0.0).weights == FITTED["draft"].weights
    with pytest.raises(ValueError, match="judge mode"):
        judge_calibration("oracle")  # type: ignore[arg-type]


def test_draft_watch_reads_the_choice_and_the_refusals_probability() -> None:
    watch = DraftWatch(refusal_token=2, window=2)
    assert watch.signal() is None  # nothing seen: no signal
    first = np.log(np.array([0.1, 0.6, 0.3], dtype=np.float32)) + 5.0  # logits: any offset
    watch(first)
    watch(np.log(np.array([0.05, 0.05, 0.9], dtype=np.float32)))
    watch(np.log(np.array([0.98, 0.01, 0.01], dtype=np.float32)))  # past the window: counted, not read
    signal = watch.signal()
    assert signal is not None and signal.tokens == 3
    assert signal.refusal_start == pytest.approx(0.3, abs=1e-5)
    assert signal.fact_logp == pytest.approx((math.log(0.6) + math.log(0.9)) / 2, abs=1e-5)
    assert signal.fact_min_logp == pytest.approx(math.log(0.6), abs=1e-5)


def test_a_banned_refusal_cannot_open_the_draft_and_its_probability_is_still_read() -> None:
    watch = DraftWatch(refusal_token=1, window=4, refusal_penalty=math.inf)
    first = np.log(np.array([0.1, 0.6, 0.3], dtype=np.float32))  # the model would open refusing
    watch(first)
    assert first[1] == -np.inf and int(np.argmax(first)) == 2  # llama.cpp's array: the best other token
    second = np.log(np.array([0.2, 0.7, 0.1], dtype=np.float32))
    watch(second)
    assert second[1] == pytest.approx(math.log(0.7))  # only the first step: later tokens are the model's
    signal = watch.signal()
    assert signal is not None and signal.refusal_start == pytest.approx(0.6, abs=1e-5)  # read before the ban
    assert signal.fact_logp == pytest.approx((math.log(0.3) + math.log(0.7)) / 2, abs=1e-5)
    assert not DraftWatch(refusal_token=None, refusal_penalty=math.inf).refusal_penalty  # no token to ban


@pytest.mark.parametrize(("penalty", "chosen"), [(1.0, 2), (0.5, 1), (0.0, 1)])
def test_a_refusal_penalty_opens_with_the_best_answer_unless_the_refusal_leads_by_more(
    penalty: float, chosen: int
) -> None:
    """The refusal (token 1) leads the best answer (token 2) by log(0.6 / 0.3) = 0.69 at the first step: a
    penalty above that opens the draft with the answer, one below it leaves the refusal first."""
    watch = DraftWatch(refusal_token=1, window=4, refusal_penalty=penalty)
    first = np.log(np.array([0.1, 0.6, 0.3], dtype=np.float32))
    watch(first)
    assert int(np.argmax(first)) == chosen
    second = np.log(np.array([0.2, 0.7, 0.1], dtype=np.float32))
    watch(second)
    assert second[1] == pytest.approx(math.log(0.7))  # later steps are the model's own
    signal = watch.signal()
    assert signal is not None and signal.refusal_start == pytest.approx(0.6, abs=1e-5)  # read before


def test_yes_probability_comes_from_the_real_models_logits(tiny_gguf: Path) -> None:
    chat = LlamaCppChat(str(tiny_gguf), n_ctx=8192, max_tokens=8)
    messages = build_judge_messages(QUESTION, [chunk(1, "Employees may work remotely up to three days.")])
    probabilities = chat.option_probabilities(messages, ["yes", "no"])
    assert set(probabilities) == {"yes", "no"} and sum(probabilities.values()) == pytest.approx(1.0)
    p = yes_probability(chat, messages)
    assert p is not None and 0.0 < p < 1.0  # a probability, not a sampled verdict
    assert yes_probability(chat, messages) == p  # the same prompt, the same logits


def test_the_draft_is_watched_while_generated_at_no_extra_call(tiny_gguf: Path) -> None:
    """The fast judge path on the real model: the watched stream is the plain stream token for token, and
    its signal is the model's own probabilities (as the one-token judge reads them from the logits)."""
    chat = LlamaCppChat(str(tiny_gguf), n_ctx=8192, max_tokens=8)
    messages = build_judge_messages(QUESTION, [chunk(1, "Employees may work remotely up to three days.")])
    plain = "".join(chat.stream(messages))
    watch = watch_for(chat, "yes")
    assert watch is not None
    watched = "".join(stream_draft(chat, messages, watch))
    assert watched == plain  # watching changes nothing of the draft
    signal = watch.signal()
    assert signal is not None and 1 <= signal.tokens <= 8
    assert signal.fact_min_logp <= signal.fact_logp <= 0.0
    # The first step's probabilities are the model's own: normalized over the options, they are what the
    # one-token judge reads from the logits of the same prompt.
    options = ["yes", "Yes", "no", "No"]
    first: dict[str, float] = {}
    for option in options:
        option_watch = watch_for(chat, option)
        assert option_watch is not None
        "".join(stream_draft(chat, messages, option_watch))
        option_signal = option_watch.signal()
        assert option_signal is not None
        first[option] = option_signal.refusal_start
    total = sum(first.values())
    assert 0.0 < total <= 1.0
    judged = chat.option_probabilities(messages, options)
    assert {o: first[o] / total for o in options} == pytest.approx(judged, abs=1e-3)


class OneCallChat(LlamaCppChat):
    """The real tiny model; a second (judge) call fails the test."""

    def option_probabilities(self, messages: list[Message], options: Sequence[str]) -> dict[str, float]:
        raise AssertionError("the draft judge made a second model call")


@pytest.mark.parametrize("threshold", [0.0, 0.5])
def test_the_draft_judge_decides_from_the_stream_alone(
    sample_home, tiny_gguf: Path, threshold: float
) -> None:  # type: ignore[no-untyped-def]
    chat = OneCallChat(str(tiny_gguf), n_ctx=8192, max_tokens=12)
    # bias -30: a confidence of about 0 for any draft (start <= 9.3), kept at threshold 0 only
    weights = {"start": 0.5, "fact_logp": 0.5, "coverage": 1.0}
    calibration = Calibration(bias=-30.0, weights=weights, threshold=threshold)
    answerer = Answerer(
        retriever=sample_home.retriever,
        chat_model=chat,
        pseudonymizer=sample_home.pseudonymizer,
        vault=sample_home.vault,
        min_support=0.0,  # the tiny model's words are random: only the judge decides here
        verify=True,
        calibration=calibration,
    )
    answer = answerer.ask(QUESTION, None)
    checks = answer.checks
    assert checks["draft_signal"]["tokens"] >= 1 and "p_yes" not in checks
    assert set(checks["features"]) >= {"start", "fact_logp", "fact_min", "coverage", "support"}
    assert checks["confidence"] == confidence(checks["features"], calibration)
    assert checks["verified"] == ("yes" if threshold == 0.0 else "no")
    assert answer.refused is (threshold == 0.5)
