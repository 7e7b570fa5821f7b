"""A second draft when the first is refused (retrieval.second_draft): asked on the best sentence windows of
the chunks already retrieved for the asker, judged like the first, kept only when nothing withholds it; an
insider gets no wider view of the documents from it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from retrieval.answer import Answerer
from retrieval.judge import Calibration
from retrieval.llm import Message
from retrieval.prompt import CLOSEST, REFUSAL, SECOND_LOOK, SYSTEM_PROMPT, WITHDRAWN
from retrieval.second_draft import SECOND_THRESHOLD, stricter, windows
from tests.retrieval.chunks import chunk
from tests.retrieval.lisbon_world import SECRET, lisbon_world

# No token probabilities from a scripted model: these weigh the retrieval evidence only (coverage <= 1).
KEEP = Calibration(bias=30.0, weights={"coverage": 1.0}, threshold=0.5)
WITHHOLD = Calibration(bias=-30.0, weights={"coverage": 1.0}, threshold=0.5)
QUESTION = "What is the minimum password length for company accounts?"


class Drafts:
    """A chat model answering each call with the next of ``drafts`` (in pieces), keeping what it was asked."""

    name = "drafts"

    def __init__(self, *drafts: list[str]) -> None:
        self.drafts = list(drafts)
        self.asked: list[list[Message]] = []

    def stream(self, messages: list[Message], max_tokens: int | None = None) -> Iterator[str]:
        self.asked.append(messages)
        yield from self.drafts[min(len(self.asked), len(self.drafts)) - 1]


def answerer(home, model: Drafts, calibration: Calibration = KEEP, verify: bool = True) -> Answerer:  # type: ignore[no-untyped-def]
    return Answerer(
        retriever=home.retriever,
        chat_model=model,
        pseudonymizer=home.pseudonymizer,
        vault=home.vault,
        passages=home.answerer.passages,
        verify=verify,
        calibration=calibration,
        second_draft=True,
    )


def test_windows_keep_the_best_sentences_with_their_neighbours_and_the_chunk_numbers() -> None:
    chunks = [
        chunk(1, "Badges open the front door. Visitors sign in at the desk. Parking is free on Fridays."),
        chunk(2, "Laptops are encrypted. Passwords must be at least 14 characters. They are changed yearly."),
        chunk(3, "The minimum notice period is two weeks. Contracts renew every May for all staff. Fine."),
    ]
    shown = windows("What is the minimum password length?", chunks, count=1, reach=1)
    assert shown[0] is None and shown[2] is None  # nothing of them kept: their numbers stay unused
    assert shown[1] is not None and shown[1].chunk_id == "chunk-2"
    assert shown[1].text == chunks[1].text  # the best sentence and one on each side: the whole chunk here
    two = windows("What is the minimum password length?", chunks, count=2, reach=0)
    kept = [c.text if c is not None else None for c in two]
    assert kept == [
        None,
        "… Passwords must be at least 14 characters. …",
        "The minimum notice period is two weeks. …",
    ]


def test_the_second_draft_clears_a_higher_bar_than_the_first() -> None:
    assert stricter(Calibration(threshold=0.55)).threshold == SECOND_THRESHOLD > 0.55
    assert stricter(Calibration(threshold=0.9)).threshold == 0.9  # a stricter setting stays


def test_a_refused_first_draft_is_asked_again_on_the_windows_and_the_second_kept(sample_home) -> None:  # type: ignore[no-untyped-def]
    model = Drafts([REFUSAL], ["14 characters", " [1]."])
    events = list(answerer(sample_home, model).stream(QUESTION, ["all"]))
    done = events[-1]["answer"]
    assert not done["refused"] and done["answer"].startswith("14 characters")
    assert done["checks"]["first_draft"] == {"withheld": False, "answer": REFUSAL}
    assert done["checks"]["second_draft"]["draft"] == "14 characters [1]."
    tokens = "".join(e["text"] for e in events if e["type"] == "token")
    assert tokens == done["answer"]  # the refusal (the rules' own words) is held, never shown
    assert len(model.asked) == 2 and model.asked[1][0]["content"] == SYSTEM_PROMPT  # the same fixed prefix
    first, second = (m[1]["content"] for m in model.asked)
    assert "password length raised to 14 characters" in second and second != first
    assert done["citations"][0]["source"].endswith("it_security_runbook.md")


def test_a_refusal_in_the_models_own_words_streamed_is_followed_by_the_second_answer(sample_home) -> None:  # type: ignore[no-untyped-def]
    model = Drafts(["The sources do not mention", " a password length."], ["14 characters [1]."])
    events = list(answerer(sample_home, model).stream(QUESTION, ["all"]))
    done = events[-1]["answer"]
    assert not done["refused"] and done["checks"]["first_draft"]["withheld"] is False
    tokens = "".join(e["text"] for e in events if e["type"] == "token")
    assert tokens == f"The sources do not mention a password length.\n\n{SECOND_LOOK} {done['answer']}"


def test_a_second_draft_the_judge_rejects_leaves_the_first_refusal(sample_home) -> None:  # type: ignore[no-untyped-def]
    model = Drafts(["Bananas are yellow [1]."], ["14 characters [1]."])
    events = list(answerer(sample_home, model, WITHHOLD).stream(QUESTION, ["all"]))
    done = events[-1]["answer"]
    assert done["refused"] and done["answer"] == CLOSEST.format(n=1)
    assert done["checks"]["withheld"] and "first_draft" not in done["checks"]
    assert done["checks"]["second_draft"]["refused"] is True and len(model.asked) == 2
    tokens = "".join(e["text"] for e in events if e["type"] == "token")
    assert tokens.endswith(f"\n\n{WITHDRAWN} {CLOSEST.format(n=1)}")


def test_no_second_draft_without_the_judge_or_after_a_kept_answer(sample_home) -> None:  # type: ignore[no-untyped-def]
    model = Drafts([REFUSAL], ["14 characters [1]."])
    done = answerer(sample_home, model, verify=False).ask(QUESTION, ["all"])
    assert done.refused and len(model.asked) == 1  # unjudged, a second chance would go unchecked
    model = Drafts(["14 characters [1]."], ["16 characters [1]."])
    done = answerer(sample_home, model).ask(QUESTION, ["all"])
    assert not done.refused and "14" in done.answer and len(model.asked) == 1


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, tiny_gguf: Path) -> Iterator:
    yield from lisbon_world(tmp_path_factory.mktemp("second_draft_world"), tiny_gguf)


def test_an_insider_refused_gets_no_other_groups_passage_from_the_second_draft(world) -> None:  # type: ignore[no-untyped-def]
    """eng asks for hr's code and is refused: the second draft is asked on eng's chunks only, and even a
    draft claiming the code is no answer, and reveals nothing of hr's document."""
    model = Drafts([REFUSAL], [f"The bonus approval code is {SECRET} [1]."])
    asked = "What is the bonus approval code for the Lisbon office?"
    events = list(answerer(world, model).stream(asked, ["eng"]))
    assert len(model.asked) == 2
    prompts = json.dumps(model.asked)
    assert SECRET not in prompts.replace(f"code is {SECRET}", "") and "approved each March" not in prompts
    for source in events[0]["sources"]:
        assert world.catalog.get(source["doc_id"]).groups == ["eng"]
    done = events[-1]["answer"]
    assert done["refused"]  # the invented code is in no source eng may read: the grounding check withholds it
    assert all(world.catalog.get(c["doc_id"]).groups == ["eng"] for c in done["citations"])
    assert "approved each March" not in json.dumps(events)


def test_an_insider_whose_bare_draft_is_another_groups_value_gets_no_source_for_it(world) -> None:  # type: ignore[no-untyped-def]
    """A one-word draft without a marker finds its source by that word alone (retrieval.passage_support):
    eng's draft "7781", hr's code, finds none among eng's chunks, so it is withheld, both drafts, and no
    citation points at hr's document."""
    model = Drafts([SECRET], [SECRET])
    asked = "What is the bonus approval code for the Lisbon office?"
    events = list(answerer(world, model).stream(asked, ["eng"]))
    done = events[-1]["answer"]
    assert done["refused"] and len(model.asked) == 2
    assert done["checks"]["reason"] == "no source supports the answer"
    assert done["checks"]["second_draft"]["reason"] == "no source supports the answer"
    assert all(world.catalog.get(c["doc_id"]).groups == ["eng"] for c in done["citations"])
    assert "approved each March" not in json.dumps(events)
