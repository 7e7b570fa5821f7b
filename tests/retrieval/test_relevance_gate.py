"""The relevance gate (retrieval.relevance_gate): a chunk holding ``agreed_coverage`` of the question's terms
is relevant when the dense and the sparse leg rank it first; never another group's chunk."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from retrieval.answer import Answerer
from retrieval.relevance_gate import Gate, relevance
from tests.retrieval.chunks import chunk
from tests.retrieval.lisbon_world import SECRET, lisbon_world
from tests.retrieval.scripted import ScriptedDraft

# Five terms asked (award, engineer, received, 2019, prize); the first chunk holds two of them: 0.4.
QUESTION = "Which award did the engineer receive in 2019 with the prize?"
HOLDS_TWO = "The engineer received several honours over the years."
ELSEWHERE = "The office opened in spring and hired twelve people."


def ranked(dense: tuple[float, float], sparse: tuple[float, float]) -> list:
    """The two chunks as retrieved, with the legs' scores given."""
    texts = (HOLDS_TWO, ELSEWHERE)
    return [
        replace(chunk(n + 1, t), dense_score=d, sparse_score=s)
        for n, (t, d, s) in enumerate(zip(texts, dense, sparse, strict=True))
    ]


def test_two_fifths_of_the_terms_pass_only_when_both_legs_rank_the_chunk_first() -> None:
    agreeing = ranked((0.5, 0.3), (7.0, 2.0))
    disagreeing = ranked((0.5, 0.3), (2.0, 7.0))
    gate = Gate(min_score=0.15, min_coverage=0.5, confident_score=0.7, agreed_coverage=0.4)
    found = relevance(QUESTION, agreeing, gate)
    assert found.coverage == 0.4 and found.agree and found.relevant
    assert not relevance(QUESTION, disagreeing, gate).relevant  # the sparse leg prefers another chunk
    assert not relevance(QUESTION, agreeing, replace(gate, agreed_coverage=2.0)).relevant  # off
    assert not relevance(QUESTION, agreeing, replace(gate, agreed_coverage=0.5)).relevant  # 0.4 < 0.5
    assert not relevance(QUESTION, agreeing, replace(gate, min_score=0.6)).relevant  # too dissimilar
    assert relevance(QUESTION, disagreeing, replace(gate, min_coverage=0.4)).relevant  # enough terms alone
    assert relevance(QUESTION, disagreeing, replace(gate, confident_score=0.5)).relevant  # a paraphrase
    assert relevance(QUESTION, [], gate).to_json() == {
        "best_score": 0.0,
        "question_coverage": 0.0,
        "relevant": False,
    }


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, tiny_gguf: Path) -> Iterator:
    yield from lisbon_world(tmp_path_factory.mktemp("relevance_gate_world"), tiny_gguf)


def test_an_insider_let_through_by_the_agreeing_legs_sees_only_their_own_groups_chunks(world) -> None:  # type: ignore[no-untyped-def]
    """eng asks for hr's code with the gate as open as it goes (any agreement passes): retrieval ran
    within eng's groups, so the chunks the legs agree on, the prompt and every event hold nothing of hr's
    document."""
    model = ScriptedDraft(["The deploys are on Tuesdays [1]."])
    answerer = Answerer(
        retriever=world.retriever,
        chat_model=model,
        pseudonymizer=world.pseudonymizer,
        vault=world.vault,
        passages=world.answerer.passages,
        min_coverage=1.0,
        agreed_coverage=0.0,
    )
    for asked in ("What is the bonus approval code for the Lisbon office?", "BONUS APPROVAL CODE lisbon?"):
        events = list(answerer.stream(asked, ["eng"]))
        assert events[0]["sources"], "the legs agree on eng's only chunk: the gate lets it through"
        for source in events[0]["sources"]:
            assert world.catalog.get(source["doc_id"]).groups == ["eng"]
        assert SECRET not in json.dumps(model.asked) and "approved each March" not in json.dumps(model.asked)
        assert SECRET not in json.dumps(events) and "approved each March" not in json.dumps(events)
