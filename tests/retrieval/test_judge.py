"""The calibrated judge: retrieval evidence, the combined confidence, P(yes) from the real model's logits."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.judge import Calibration, Evidence, confidence, evidence, judge_calibration, yes_probability
from retrieval.llm import LlamaCppChat
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
    assert confidence(0.8, found, Calibration()) == pytest.approx(0.8, abs=1e-3)
    weighted = Calibration(w_coverage=2.0)
    weak = Evidence(coverage=0.0, dense=0.7, fused=0.9, agree=1.0)
    assert confidence(0.5, found, weighted) > confidence(0.5, weak, weighted) == pytest.approx(0.5)
    assert confidence(1.0, found, Calibration()) < 1.0 and confidence(0.0, found, Calibration()) > 0.0
    assert judge_calibration(0.3).threshold == 0.3


def test_yes_probability_comes_from_the_real_models_logits(tiny_gguf: Path) -> None:
    chat = LlamaCppChat(str(tiny_gguf), n_ctx=8192, max_tokens=8)
    messages = build_judge_messages(QUESTION, [chunk(1, "Employees may work remotely up to three days.")])
    probabilities = chat.option_probabilities(messages, ["yes", "no"])
    assert set(probabilities) == {"yes", "no"} and sum(probabilities.values()) == pytest.approx(1.0)
    p = yes_probability(chat, messages)
    assert p is not None and 0.0 < p < 1.0  # a probability, not a sampled verdict
    assert yes_probability(chat, messages) == p  # the same prompt, the same logits
