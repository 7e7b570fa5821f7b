"""The judge's verdict on real drafts (the tiny llama.cpp model) and, as an insider would probe it, what a
withheld answer shows: the closest passage the asker may read, never one of a group they lack."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from retrieval.answer import Answerer
from retrieval.judge import Calibration
from retrieval.judge_verdict import Judging, draft_checks
from retrieval.llm import LlamaCppChat, Message
from retrieval.prompt import CLOSEST, WITHDRAWN, build_messages
from tests.retrieval.chunks import chunk
from tests.retrieval.lisbon_world import SECRET, lisbon_world

QUESTION = "What is the bonus approval code for the Lisbon office?"
# Always withheld: start <= 9.3 and coverage <= 1, so the confidence of any draft is about 0 (< 0.5).
WITHHOLD = Calibration(bias=-30.0, weights={"start": 1.0, "coverage": 1.0}, threshold=0.5)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, tiny_gguf: Path) -> Iterator:
    """A home with one hr and one eng document on the Lisbon office, the tiny model."""
    yield from lisbon_world(tmp_path_factory.mktemp("verdict_world"), tiny_gguf)


def withholding(container, calibration: Calibration = WITHHOLD, chat=None, first: bool = True) -> Answerer:  # type: ignore[no-untyped-def]
    base = container.answerer
    return Answerer(
        retriever=base.retriever,
        chat_model=chat or base.chat_model,
        pseudonymizer=base.pseudonymizer,
        vault=base.vault,
        min_score=0.0,
        min_support=0.0,
        verify=True,
        calibration=calibration,
        judge_first=first,
    )


@pytest.mark.parametrize("groups", [["eng"], ["hr"]])
def test_a_withheld_answer_shows_only_a_passage_the_asker_may_read(world, groups: list[str]) -> None:  # type: ignore[no-untyped-def]
    events = list(withholding(world).stream(QUESTION, groups, reveal=True))
    done = events[-1]["answer"]
    assert done["checks"]["withheld"] and done["refused"]
    assert done["answer"] == CLOSEST.format(n=1)
    [closest] = done["citations"]
    assert closest["origin"] == "closest"
    assert world.catalog.get(closest["doc_id"]).groups == groups
    everything = json.dumps(events)
    for source in events[0]["sources"]:
        assert world.catalog.get(source["doc_id"]).groups == groups
    if groups == ["eng"]:  # the hr passage answers the question best, and is never shown to eng
        assert SECRET not in everything and "approved each March" not in everything
    else:
        assert "approved each March" in closest["text"]


def test_draft_checks_judge_grounded_drafts_and_fall_back_to_p_yes_without_logits(tiny_gguf: Path) -> None:
    chat = LlamaCppChat(str(tiny_gguf), n_ctx=8192, max_tokens=8)
    chunks = [chunk(1, "Employees may work remotely up to three days per week.")]
    question = "How many days per week may employees work remotely?"
    judging = Judging(chat, WITHHOLD, build_messages(question, chunks), signal=None)
    ungrounded = draft_checks("Bananas are yellow [1].", question, [chunks[0].text], chunks, 0.5, judging)
    assert ungrounded["withheld"] and "do not contain" in ungrounded["reason"]
    assert "confidence" not in ungrounded  # not judged: the grounding check withheld it
    # No draft logits (a backend without them): a calibration reading them falls back to P(yes) at 0.5.
    grounded = draft_checks("Up to three days [1].", question, [chunks[0].text], chunks, 0.5, judging)
    assert 0.0 <= grounded["p_yes"] <= 1.0 and grounded["threshold"] == 0.5
    assert grounded["verified"] == ("yes" if grounded["confidence"] >= 0.5 else "no")
    assert "draft_signal" not in grounded and "start" not in grounded["features"]


# P(yes) alone decides (as by default): logit P(yes) is within +-9.2, so these keep or withhold any draft.
KEEP_BY_P_YES = Calibration(bias=30.0, weights={"judge": 1.0}, threshold=0.5)
WITHHOLD_BY_P_YES = Calibration(bias=-30.0, weights={"judge": 1.0}, threshold=0.5)


class CallOrder(LlamaCppChat):
    """The real tiny model, recording the order of its calls: the draft's stream, the judge's P(yes)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.calls: list[str] = []

    def stream_watched(
        self, messages: list[Message], watch: Callable[[Any], None] | None, max_tokens: int | None = None
    ) -> Iterator[str]:
        self.calls.append("draft")
        yield from super().stream_watched(messages, watch, max_tokens)

    def option_probabilities(self, messages: list[Message], options: Sequence[str]) -> dict[str, float]:
        self.calls.append("judge")
        return super().option_probabilities(messages, options)


def test_the_judge_asked_first_gives_the_verdict_it_gives_after_the_draft(world, tiny_gguf: Path) -> None:  # type: ignore[no-untyped-def]
    chat = CallOrder(str(tiny_gguf), n_ctx=8192, max_tokens=8)
    first = withholding(world, KEEP_BY_P_YES, chat).ask(QUESTION, ["hr"])
    assert chat.calls == ["judge", "draft"]  # nothing runs after the last token
    chat.calls.clear()
    after = withholding(world, KEEP_BY_P_YES, chat, first=False).ask(QUESTION, ["hr"])
    assert chat.calls == ["draft", "judge"]
    assert first.checks["judge_first"] is True and after.checks["judge_first"] is False
    # The same prompt either way: the same P(yes) (the KV prefix is reused in another order only).
    assert first.checks["p_yes"] == pytest.approx(after.checks["p_yes"], abs=2e-3)
    assert first.checks["verified"] == after.checks["verified"] == "yes"
    assert first.answer_pseudonymized == after.answer_pseudonymized


@pytest.mark.parametrize("groups", [["eng"], ["hr"]])
def test_a_judge_asked_first_withholds_before_any_draft(world, tiny_gguf: Path, groups: list[str]) -> None:  # type: ignore[no-untyped-def]
    chat = CallOrder(str(tiny_gguf), n_ctx=8192, max_tokens=8)
    events = list(withholding(world, WITHHOLD_BY_P_YES, chat).stream(QUESTION, groups, reveal=True))
    assert chat.calls == ["judge"]  # no draft was generated, so none is streamed and taken back
    tokens = [e["text"] for e in events if e["type"] == "token"]
    done = events[-1]["answer"]
    assert tokens == [done["answer"]] and done["answer"] == CLOSEST.format(n=1)
    assert not any(WITHDRAWN in t for t in tokens)
    checks = done["checks"]
    assert done["refused"] and checks["withheld"] and checks["judged_first"] and checks["verified"] == "no"
    assert checks["confidence"] < checks["threshold"] and 0.0 <= checks["p_yes"] <= 1.0
    [closest] = done["citations"]
    assert closest["origin"] == "closest" and world.catalog.get(closest["doc_id"]).groups == groups
    if groups == ["eng"]:  # the insider: the hr passage that answers best is never shown to eng
        assert SECRET not in json.dumps(events)


def test_a_calibration_weighing_the_draft_is_decided_after_it(world, tiny_gguf: Path) -> None:  # type: ignore[no-untyped-def]
    chat = CallOrder(str(tiny_gguf), n_ctx=8192, max_tokens=8)
    weighs_draft = Calibration(bias=-30.0, weights={"judge": 1.0, "start": 1.0}, threshold=0.5)
    answer = withholding(world, weighs_draft, chat).ask(QUESTION, ["hr"])
    assert chat.calls == ["judge", "draft"]  # P(yes) first all the same, the decision after the draft
    assert answer.checks["judge_first"] and "judged_first" not in answer.checks
    assert "draft_signal" in answer.checks


class BanRecorder(LlamaCppChat):
    """The real tiny model, recording whether each draft's watch bans the refusal's first token."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.bans: list[bool] = []

    def stream_watched(
        self, messages: list[Message], watch: Callable[[Any], None] | None, max_tokens: int | None = None
    ) -> Iterator[str]:
        self.bans.append(getattr(watch, "refusal_penalty", 0.0) == math.inf)
        yield from super().stream_watched(messages, watch, max_tokens)


@pytest.mark.parametrize(
    ("answer_coverage", "verify", "banned"), [(1.0, True, True), (1.01, True, False), (1.0, False, False)]
)
def test_a_source_holding_every_term_of_the_question_bans_the_opening_refusal(  # type: ignore[no-untyped-def]
    world, tiny_gguf: Path, answer_coverage: float, verify: bool, banned: bool
) -> None:
    """The hr document holds every term of the question: with the judge on, the draft may not open with the
    refusal (the judge still decides); above 1.0, or without the judge, the model may refuse as it likes."""
    chat = BanRecorder(str(tiny_gguf), n_ctx=8192, max_tokens=8)
    base = world.answerer
    answerer = Answerer(
        retriever=base.retriever,
        chat_model=chat,
        pseudonymizer=base.pseudonymizer,
        vault=base.vault,
        min_score=0.0,
        verify=verify,
        judge_first=False,
        answer_coverage=answer_coverage,
        calibration=Calibration(weights={"start": 1.0}, threshold=0.0),
    )
    answer = answerer.ask(QUESTION, ["hr"])
    assert answer.relevance["shown_coverage"] == 1.0
    assert answer.relevance["refusal_banned"] is banned
    assert chat.bans == [banned]  # the one draft's watch (without the judge: none, the plain stream)
