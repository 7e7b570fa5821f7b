"""Answering with the real retriever over the sample and the real tiny llama.cpp model."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from retrieval.answer import Answerer, cited_numbers, content_words, infer_source, supporting_span
from retrieval.llm import LlamaCppChat, Message
from retrieval.prompt import REFUSAL
from retrieval.retriever import RetrievedChunk
from tests.retrieval.chunks import chunk as make_chunk

QUESTION = "How many days per week may employees work remotely?"


class CountingChat(LlamaCppChat):
    """The real tiny llama.cpp model, counting how often it is asked to generate."""

    def __init__(self, model_path: str) -> None:
        super().__init__(model_path, n_ctx=8192, max_tokens=16)
        self.calls = 0
        self.messages: list[list[Message]] = []

    def stream(self, messages: list[Message], max_tokens: int | None = None) -> Iterator[str]:
        self.calls += 1
        self.messages.append(messages)
        yield from super().stream(messages, max_tokens)


@pytest.fixture(scope="module")
def chat(tiny_gguf: Path) -> CountingChat:
    return CountingChat(str(tiny_gguf))


@pytest.fixture
def answerer(sample_home, chat: CountingChat) -> Answerer:  # type: ignore[no-untyped-def]
    chat.calls = 0
    chat.messages.clear()
    return Answerer(
        retriever=sample_home.retriever,
        chat_model=chat,
        pseudonymizer=sample_home.pseudonymizer,
        vault=sample_home.vault,
        min_score=sample_home.settings.retrieval.min_score,
        min_support=0.0,  # the tiny model's words are random: grounding is tested in test_answer_grounding.py
    )


def chunk(n: int, text: str) -> RetrievedChunk:
    """Sources from the second on carry a page number (for the citation tests)."""
    return make_chunk(n, text, page=n if n > 1 else None)


CHUNKS = [
    chunk(1, "Employees may work remotely up to three days per week. Managers approve schedules."),
    chunk(2, "Travel expenses must be filed within thirty days. Receipts are required."),
]


def test_cited_numbers() -> None:
    assert cited_numbers("no citations here", 3) == ([], [])
    assert cited_numbers("A [1] B [3] C [1] D [0] E [12]", 3) == ([1, 3], [0, 12])
    assert cited_numbers("[2][2] and [4]", 2) == ([2], [4])
    assert cited_numbers("[1]", 0) == ([], [1])
    assert cited_numbers("[a] [ 1 ] [-1]", 3) == ([], [])


def test_helpers() -> None:
    assert content_words("The Employees and the week") == {"employees", "week"}
    text = CHUNKS[0].text
    span = supporting_span("remote work three days", text)
    assert span is not None and text[span[0] : span[1]].startswith("Employees may work remotely")
    assert supporting_span("zzz", text) is None
    assert infer_source("Receipts and expenses are filed within thirty days", CHUNKS) == 2
    assert infer_source("unrelated words entirely", CHUNKS) is None
    assert infer_source("anything", []) is None
    # one content word is the whole answer ("Who ...?" -> a surrogate): it alone finds its source
    assert infer_source("Receipts.", CHUNKS) == 2
    passes = [*CHUNKS, chunk(3, "The pass went to <PERSON_7> for two points.")]
    assert infer_source("<PERSON_7>", passes) == 3
    assert infer_source("<PERSON_8>", passes) is None
    assert infer_source("the and", CHUNKS) is None  # no content word: nothing to match


def test_nothing_relevant_refuses_without_calling_the_model(answerer: Answerer, chat: CountingChat) -> None:
    answerer.min_score = 1.01
    events = list(answerer.stream(QUESTION, ["all"]))
    assert [e["type"] for e in events] == ["sources", "token", "done"]
    assert events[0]["sources"] == []
    assert events[1]["text"] == REFUSAL
    answer = events[-1]["answer"]
    assert answer["answer"] == REFUSAL
    assert answer["refused"] is True
    assert answer["citations"] == []
    assert set(answer["timings"]) >= {"retrieve_ms", "first_token_ms", "total_ms"}
    assert chat.calls == 0


def test_sources_lacking_the_question_terms_refuse_without_calling_the_model(
    answerer: Answerer, chat: CountingChat
) -> None:
    """On topic (remote work) but not the asked fact: too few of the question's terms in any chunk."""
    answerer.min_coverage = 0.5
    answerer.confident_score = 1.01
    question = "Which remote employees received the 2019 ergonomics stipend from payroll?"
    answer = answerer.ask(question, ["all"])
    assert answer.refused is True and answer.answer == REFUSAL and answer.citations == []
    assert answer.relevance["relevant"] is False
    assert 0 <= answer.relevance["question_coverage"] < 0.5
    assert chat.calls == 0
    # The same sources, asked what they state: half or more of the terms are there, the model is called.
    answer = answerer.ask(QUESTION, ["all"])
    assert answer.relevance["relevant"] is True and answer.relevance["question_coverage"] >= 0.5
    assert chat.calls == 1


def test_a_very_similar_chunk_counts_as_relevant_whatever_its_wording(
    answerer: Answerer, chat: CountingChat
) -> None:
    answerer.min_coverage = 1.0  # no chunk holds every term of this question...
    question = "How many days per week may staff telecommute from their homes?"
    assert answerer.ask(question, ["all"]).relevance["question_coverage"] < 1.0
    assert chat.calls == 0
    answerer.confident_score = 0.0  # ...but a close enough paraphrase is relevant all the same
    answer = answerer.ask(question, ["all"])
    assert answer.relevance["relevant"] is True and chat.calls == 1


def test_no_chat_model_refuses(sample_home) -> None:  # type: ignore[no-untyped-def]
    answerer = Answerer(retriever=sample_home.retriever, chat_model=None, pseudonymizer=None, vault=None)
    answer = answerer.ask(QUESTION, ["all"])
    assert answer.answer == REFUSAL and answer.refused is True


def test_relevant_sources_call_the_model_once_and_stream(answerer: Answerer, chat: CountingChat) -> None:
    events = list(answerer.stream(QUESTION, ["all"]))
    kinds = [e["type"] for e in events]
    assert kinds[0] == "sources" and kinds[-1] == "done"
    tokens = [e["text"] for e in events if e["type"] == "token"]
    assert len(tokens) >= 2
    assert chat.calls == 1
    sources = events[0]["sources"]
    assert sources and Path(sources[0]["source"]).name == "remote_work_policy.md"
    prompt = "\n".join(m["content"] for m in chat.messages[0])
    assert sources[0]["text"][:40] in prompt  # the retrieved passages reach the model
    answer = events[-1]["answer"]
    assert answer["refused"] is False
    expected = "".join(tokens).strip()
    for bad in answer["invalid_citations"]:
        expected = expected.replace(f"[{bad}]", "")
    assert answer["answer"] == expected  # the streamed text, less unsupported citations
    for citation in answer["citations"]:
        assert 1 <= citation["n"] <= len(sources)


def test_ask_returns_an_answer_object(answerer: Answerer, chat: CountingChat) -> None:
    answer = answerer.ask(QUESTION, ["all"])
    assert chat.calls == 1
    assert answer.question_pseudonymized == QUESTION
    assert all(c.chunk_id for c in answer.citations)


def test_question_is_pseudonymized_before_the_model_sees_it(answerer: Answerer, chat: CountingChat) -> None:
    events = list(answerer.stream("What is Jane Doe's role in the remote work policy?", ["all"]))
    asked = events[0]["question"]
    assert "Jane Doe" not in asked and "<PERSON_" in asked
    assert all("Jane Doe" not in m["content"] for call in chat.messages for m in call)


def test_invalid_citations_are_dropped_and_reported(answerer: Answerer) -> None:
    answer = answerer._finish("Foo [1] bar [9]", "q", CHUNKS, reveal=False, refused=False)
    assert "[9]" not in answer.answer
    assert "[1]" in answer.answer
    assert answer.invalid_citations == [9]
    assert [c.n for c in answer.citations] == [1]
    citation = answer.citations[0]
    assert (citation.doc_id, citation.source, citation.chunk_id) == ("doc-1", "/docs/file1.md", "chunk-1")
    assert citation.text == CHUNKS[0].text
    assert citation.inferred is False
    assert answer.refused is False and answer.revealed is False


def test_uncited_answer_gets_an_inferred_source(answerer: Answerer) -> None:
    answer = answerer._finish(
        "Expenses must be filed within thirty days with receipts.", "q", CHUNKS, reveal=False, refused=False
    )
    # The second source, matched by its words: its marker is added after the claim and numbered [1].
    assert answer.answer == "Expenses must be filed within thirty days with receipts [1]."
    assert [(c.n, c.chunk_id, c.inferred, c.origin) for c in answer.citations] == [
        (1, CHUNKS[1].chunk_id, True, "matched")
    ]
    assert answer.citations[0].page == 2
    assert answer.citations[0].highlight is not None


def test_refusal_text_is_not_cited(answerer: Answerer) -> None:
    answer = answerer._finish(REFUSAL, "q", CHUNKS, reveal=False, refused=False)
    assert answer.refused is True and answer.citations == []


def test_reveal_replaces_surrogates_with_vault_values(answerer: Answerer, sample_home) -> None:  # type: ignore[no-untyped-def]
    surrogates = sample_home.vault.lookup_value("Jane Doe")
    assert surrogates, "the sample mentions Jane Doe"
    surrogate = surrogates[0]
    chunks = [chunk(1, f"The onboarding buddy is {surrogate}. Laptops ship on day one.")]
    text = f"The onboarding buddy is {surrogate} [1]."

    hidden = answerer._finish(text, "q", chunks, reveal=False, refused=False)
    assert surrogate in hidden.answer and "Jane Doe" not in hidden.answer
    assert hidden.revealed is False

    # No scope given: nothing is known, nothing revealed (the safe default); an admin's scope knows all.
    unscoped = answerer._finish(text, "q", chunks, reveal=True, refused=False)
    assert unscoped.answer == text and unscoped.revealed_surrogates == []
    typed = answerer._finish(
        text, "q", chunks, reveal=True, refused=False, scope=answerer.scope(None), typed={surrogate}
    )
    assert typed.answer == text  # a surrogate the asker typed is never revealed

    shown = answerer._finish(text, "q", chunks, reveal=True, refused=False, scope=answerer.scope(None))
    assert shown.revealed is True and shown.revealed_surrogates == [surrogate]
    assert shown.answer == "The onboarding buddy is Jane Doe [1]."
    assert surrogate not in shown.answer
    assert shown.citations[0].text == "The onboarding buddy is Jane Doe. Laptops ship on day one."
    start, end = shown.citations[0].highlight
    assert "Jane Doe" in shown.citations[0].text[start:end]


def test_unknown_surrogate_is_left_alone_on_reveal(answerer: Answerer) -> None:
    answer = answerer._finish("Ask <PERSON_999999> [1].", "q", CHUNKS, reveal=True, refused=False)
    assert answer.answer == "Ask <PERSON_999999> [1]."
    assert answer.revealed is True


def test_follow_up_is_condensed_in_pseudonym_space_before_retrieval(
    answerer: Answerer, chat: CountingChat
) -> None:
    history = [
        {"role": "user", "content": "What does Jane Doe say about parental leave for employees?"},
        {"role": "assistant", "content": "Jane Doe says primary caregivers get 16 weeks [1]."},
    ]
    # The tiny model's condensed question is random words: relevance is not what this test checks.
    answerer.min_score = 0.0
    events = list(answerer.stream("and for contractors?", ["all"], history=history))
    assert chat.calls == 2  # one call condenses the follow-up, one answers
    condense_call = chat.messages[0]
    assert "Follow-up question: and for contractors?" in condense_call[-1]["content"]
    assert all("Jane Doe" not in m["content"] for call in chat.messages for m in call)
    assert "<PERSON_" in condense_call[-1]["content"]
    assert events[0]["question"] != "and for contractors?"  # retrieval used the condensed question


def test_no_history_means_no_condensation_call(answerer: Answerer, chat: CountingChat) -> None:
    list(answerer.stream("How many days per week may employees work remotely?", ["all"], history=[]))
    assert chat.calls == 1
