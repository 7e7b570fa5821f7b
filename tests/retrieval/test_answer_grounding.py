"""Grounding checks after generation: support of the answer in its cited sources, re-pointed citations,
withheld answers (and the yes/no verification call through a llama.cpp grammar)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from retrieval.answer import Answerer, repoint
from retrieval.grounding import check, coverage, key_terms, question_coverage, question_terms, stem, support
from retrieval.judge import Calibration
from retrieval.llm import LlamaCppChat, Message, choose_option, option_grammar
from retrieval.prompt import (
    CLOSEST,
    REFUSAL,
    WITHDRAWN,
    build_judge_messages,
    build_messages,
    judge_messages_from,
)
from tests.retrieval.chunks import chunk

QUESTION = "How many days per week may employees work remotely?"


CHUNKS = [
    chunk(1, "Employees may work remotely up to three days per week. Managers approve schedules."),
    chunk(2, "Travel expenses must be filed within thirty days. Receipts are required from <PERSON_2>."),
    chunk(3, "The vote was 51.6% in favour of a Scottish Assembly, short of the 40% threshold."),
]


def answerer(**options: object) -> Answerer:
    """An answerer for checking drafts (``_finish`` needs neither retriever nor model unless it verifies)."""
    return Answerer(retriever=None, chat_model=None, pseudonymizer=None, vault=None, **options)  # type: ignore[arg-type]


def test_key_terms_keep_content_numbers_and_placeholders() -> None:
    terms = key_terms("The source states that <PERSON_2> filed 51.6% of the receipts [2].")
    assert terms == {"<PERSON_2>", "51.6", stem("filed"), stem("receipts")}
    assert stem("teachers") == stem("teacher") and stem("decided") == stem("decides")
    assert key_terms("what is it?") == set()


def test_support_counts_only_terms_the_question_does_not_already_hold() -> None:
    sources = [CHUNKS[0].text]
    assert support("Employees may work remotely three days per week.", QUESTION, sources) == (1.0, [])
    share, missing = support("Employees may work remotely five days, from the office.", QUESTION, sources)
    assert share == 0.0 and missing == sorted({"5", stem("office")})
    assert support("Employees may work remotely.", QUESTION, sources) == (None, [])  # restates the question
    assert support("It was 51.6%.", "What share voted?", [CHUNKS[2].text])[0] == 1.0
    assert support("It was 52.6%.", "What share voted?", [CHUNKS[2].text])[0] == 0.0


def test_a_number_written_out_supports_its_digits_and_no_other_number() -> None:
    question = "How many times did she win the cup?"
    assert support("4 [2]", question, ["She won the cup four times."]) == (1.0, [])
    assert support("She won it four times [1].", question, ["She won the cup 4 times."]) == (1.0, [])
    assert support("2 [1]", question, ["She won the cup two times."]) == (1.0, [])  # "two" in sources only
    assert support("40 [1]", question, ["Forty teams entered; she won the cup."]) == (1.0, [])
    assert support("4 [2]", question, ["She won the cup five times."]) == (0.0, ["4"])
    assert support("Six [1]", question, ["She won the cup seven times."]) == (0.0, ["6"])
    assert key_terms("one of them") == set()  # "one" and "two" in an answer or question stay no number
    assert key_terms("Three were hired.") == {"3", stem("hired")}


def test_check_finds_the_supporting_sentence_and_the_question_coverage() -> None:
    grounding = check("Managers approve the schedules [1].", "Who approves schedules?", [CHUNKS[0].text])
    assert grounding.best_sentence == "Managers approve schedules."
    assert grounding.support == 1.0 and grounding.coverage == 1.0
    assert coverage("Who approves holidays?", grounding.best_sentence) == 0.5
    assert coverage("What?", "anything") == 1.0


def test_question_coverage_is_the_best_single_chunk_share_of_the_question_terms() -> None:
    question = "When did <PERSON_3> found the Lisbon office?"  # terms: <PERSON_3>, found, lisbon, offic
    chunks = [
        "<PERSON_3> founded the company's first office.",  # 3 of 4
        "The Lisbon branch opened later.",  # 1 of 4
    ]
    assert question_coverage(question, chunks) == 0.75
    assert question_coverage(question, chunks[1:]) == 0.25
    assert question_coverage(question, []) == 0.0
    assert question_coverage("When?", chunks) == 1.0  # no term to look for


def test_question_terms_leave_out_framing_words_and_unseen_surrogates() -> None:
    question = "What type of award did <PERSON_4> and <PERSON_NEW1> win in the first year?"
    assert key_terms(question) >= {"typ", "award", "<PERSON_4>", "<PERSON_NEW1>", "win", "first", "year"}
    assert question_terms(question) == {"award", "<PERSON_4>", "win"}
    # No source can hold a surrogate made for the question alone: it does not count against the sources.
    assert question_coverage(question, ["<PERSON_4> may win the award twice."]) == 1.0


def test_citation_moves_to_the_source_that_supports_the_answer() -> None:
    text, cited = repoint(
        "Expenses are filed within thirty days [1].", "When are expenses filed?", CHUNKS, [1]
    )
    assert (text, cited) == ("Expenses are filed within thirty days [2].", [2])
    # A cited source holding none of the answer's terms is dropped while another one supports it.
    text, cited = repoint("Receipts are required [1][2]. From whom [1]?", "What?", CHUNKS, [1, 2])
    assert (text, cited) == ("Receipts are required [2]. From whom?", [2])
    # Supported as cited, or supported nowhere: left as it is (the grounding check decides).
    assert repoint("Three days per week [1].", QUESTION, CHUNKS, [1]) == ("Three days per week [1].", [1])
    assert repoint("Five days in the office [1].", QUESTION, CHUNKS, [1]) == (
        "Five days in the office [1].",
        [1],
    )
    assert repoint("anything", QUESTION, CHUNKS, []) == ("anything", [])


def test_repointed_citation_is_marked_repointed_and_renumbered() -> None:
    answer = answerer()._finish("Expenses are filed within thirty days [1].", "When?", CHUNKS, False, False)
    # The model cited [1]; privrag moved the citation to the second source, shown as [1] (the only card).
    assert answer.refused is False and answer.answer == "Expenses are filed within thirty days [1]."
    assert [(c.n, c.chunk_id, c.inferred, c.origin) for c in answer.citations] == [
        (1, CHUNKS[1].chunk_id, True, "repointed")
    ]
    assert answer.checks["draft_sources"] == ["/docs/file1.md"]
    assert answer.checks["support"] == 1.0 and answer.checks["withheld"] is False


def test_answer_the_sources_do_not_contain_is_withheld() -> None:
    draft = "Employees may work remotely five days a week from the office [1]."
    answer = answerer()._finish(draft, QUESTION, CHUNKS, reveal=False, refused=False)
    # Withheld: the passage holding most of the question's terms is shown, cited, instead of a bare refusal.
    assert answer.refused is True and answer.answer == CLOSEST.format(n=1)
    assert [(c.n, c.chunk_id, c.origin) for c in answer.citations] == [(1, CHUNKS[0].chunk_id, "closest")]
    assert answer.citations[0].highlight is not None  # the sentence closest to the question
    assert answer.checks["withheld"] is True and answer.checks["support"] < 0.5
    assert answer.checks["reason"] == "the cited sources do not contain the answer"
    kept = answerer(min_support=0.0)._finish(draft, QUESTION, CHUNKS, reveal=False, refused=False)
    assert kept.refused is False  # the check can be turned off; the fact the draft adds to the question first
    assert kept.answer == (
        "Five days a week from the office [1]. Employees may work remotely five days a week from the office."
    )


def test_uncited_answer_that_no_source_supports_is_withheld() -> None:
    answer = answerer()._finish("Bananas are yellow.", QUESTION, CHUNKS, reveal=False, refused=False)
    assert answer.refused is True and answer.checks["reason"] == "no source supports the answer"


def test_model_refusal_and_refusal_before_the_model_are_not_checked() -> None:
    assert answerer()._finish(REFUSAL, QUESTION, CHUNKS, False, False).checks == {}
    assert answerer()._finish(REFUSAL, QUESTION, [], False, True).checks == {}


def test_judge_prompt_is_the_answer_prompt_up_to_the_question() -> None:
    judge, answer = build_judge_messages(QUESTION, CHUNKS), build_messages(QUESTION, CHUNKS)
    assert judge_messages_from(answer) == judge  # the judge built from the answer's own messages
    assert judge[0] == answer[0] and "not instructions" in judge[0]["content"]
    prefix = judge[1]["content"][: judge[1]["content"].index(f"Question: {QUESTION}")]
    assert answer[1]["content"].startswith(prefix) and CHUNKS[0].text in prefix  # sources shared: KV reuse
    assert judge[1]["content"].endswith("Reply with one word: yes or no.")
    assert option_grammar(["yes", "no"]) == 'root ::= "yes" | "no"'


@pytest.fixture(scope="module")
def tiny_chat(tiny_gguf: Path) -> LlamaCppChat:
    return LlamaCppChat(str(tiny_gguf), n_ctx=8192, max_tokens=8)


def test_grammar_constrains_the_reply_to_the_options(tiny_chat: LlamaCppChat) -> None:
    messages = build_judge_messages(QUESTION, CHUNKS)
    assert tiny_chat.choose(messages, ["yes", "no"]) in ("yes", "no")  # even a random tiny model complies
    assert choose_option(tiny_chat, messages, ["yes", "no"]) in ("yes", "no")


class JudgedChat(LlamaCppChat):
    """The real tiny model, keeping the messages of its constrained (yes/no) calls."""

    def __init__(self, model_path: str) -> None:
        super().__init__(model_path, n_ctx=8192, max_tokens=8)
        self.judged: list[list[Message]] = []

    def option_probabilities(self, messages: list[Message], options: Sequence[str]) -> dict[str, float]:
        self.judged.append(messages)
        return super().option_probabilities(messages, options)


@pytest.mark.parametrize("threshold", [0.0, 1.0])
def test_verify_reads_the_judges_probability_and_withholds_below_the_threshold(
    tiny_gguf: Path, threshold: float
) -> None:
    chat = JudgedChat(str(tiny_gguf))
    verifying = Answerer(
        retriever=None,  # type: ignore[arg-type]
        chat_model=chat,
        pseudonymizer=None,
        vault=None,
        verify=True,
        calibration=Calibration(threshold=threshold),
    )
    draft = "Employees may work remotely three days per week [1]."
    answer = verifying._finish(draft, QUESTION, CHUNKS, reveal=False, refused=False)
    # One judgment, on every retrieved source and the question, worded like the answer prompt.
    assert chat.judged == [build_judge_messages(QUESTION, CHUNKS)]
    assert draft not in chat.judged[0][1]["content"]
    assert 0.0 <= answer.checks["p_yes"] <= 1.0  # the real tiny model's logits, normalized over yes/no
    assert set(answer.checks["evidence"]) == {"coverage", "dense", "fused", "agree"}
    # threshold 0 keeps every draft; 1 withholds every draft (confidence < 1 for any finite logit)
    withheld = threshold == 1.0
    assert answer.checks["verified"] == ("no" if withheld else "yes")
    assert answer.refused is withheld
    if withheld:  # the closest passage instead of a bare refusal
        assert answer.answer == CLOSEST.format(n=1) and [c.origin for c in answer.citations] == ["closest"]
    else:
        # the fact first (retrieval.answer_fact)
        assert answer.answer == "Three [1]. Employees may work remotely three days per week."
        assert [c.origin for c in answer.citations] == ["model"]


def test_withheld_answer_is_taken_back_in_the_stream(sample_home, tiny_chat: LlamaCppChat) -> None:  # type: ignore[no-untyped-def]
    strict = Answerer(
        retriever=sample_home.retriever,
        chat_model=tiny_chat,
        pseudonymizer=sample_home.pseudonymizer,
        vault=sample_home.vault,
        min_support=1.0,
    )
    events = list(strict.stream(QUESTION, ["all"]))
    answer = events[-1]["answer"]
    tokens = [e["text"] for e in events if e["type"] == "token"]
    # min_support=1.0: the tiny model's random words are never all in the sources (reproducible at temp. 0)
    assert answer["checks"]["withheld"] is True
    # What was streamed is taken back in the stream; the closest passage is shown instead.
    assert tokens[-1] == f"\n\n{WITHDRAWN} {CLOSEST.format(n=1)}"
    assert answer["answer"] == CLOSEST.format(n=1) and answer["refused"] is True
    assert [c["origin"] for c in answer["citations"]] == ["closest"] and answer["citations"][0]["n"] == 1
