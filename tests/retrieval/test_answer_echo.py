"""A draft that copies the prompt's rules is never shown as an answer (retrieval.answer_echo)."""

from __future__ import annotations

from retrieval.answer import Answerer
from retrieval.answer_echo import EchoHold, echo_share, echoes_rules
from retrieval.prompt import CLOSEST, SYSTEM_PROMPT, build_messages
from tests.retrieval.chunks import chunk
from tests.retrieval.scripted import ScriptedDraft

QUESTION = "What is the minimum password length for company accounts?"
CHUNKS = [
    chunk(1, "Passwords must be at least 14 characters long. Rotate them every 90 days."),
    chunk(2, "Laptops use AES-256 full-disk encryption."),
]
# Copies of the rules' wording, as small models produced them (the 1.5B model and SmolLM2-135M copied the
# instruction that followed the question; the 1.5B model opened 10 of 200 XQuAD dev answers with "a short
# phrase copied word for word from the source (a date, ...)" of a rule tried in session 12; these copy the
# rules kept).
ECHOES = [
    "Give the answer first, copied word for word from the source.",
    "Copied word for word from the source, then the number of its source [1].",
    "Then copy the sentence of that source that states it [1].",
]
ANSWERS = [
    "14 characters [1]. Passwords must be at least 14 characters long.",
    "The minimum is 14 characters [1].",
    "Employees may work remotely up to 3 days per week [1].",
    "You call the IT Security Lead at <PHONE_NUMBER_14> within 1 hour [1].",
]


def test_copies_of_the_rules_are_echoes_and_answers_are_not() -> None:
    assert all(echoes_rules(e) for e in ECHOES)
    assert [round(echo_share(a), 2) for a in ANSWERS] == [0.0] * len(ANSWERS)
    # a copied rule with a real fact after it is mostly the rules' words: still no answer
    assert echoes_rules("Give the answer first, copied word for word from the source: 14 characters.")
    assert not echoes_rules("The fact: passwords need 14 characters, in the words of the runbook [1].")


def test_words_the_sources_share_with_the_rules_are_an_answer() -> None:
    """A policy that itself says "put the number of the source in square brackets" may be quoted."""
    source = "Reports must put the number of the source in square brackets after each claim."
    draft = "Put the number of the source in square brackets [1]."
    assert echoes_rules(draft) and not echoes_rules(draft, [source])
    assert not echoes_rules(draft, [QUESTION, source])


def test_hold_releases_an_answer_at_its_first_word_the_rules_do_not_continue() -> None:
    def fed(pieces: list[str]) -> tuple[list[str], EchoHold]:
        hold = EchoHold()
        return [hold.feed(p) for p in pieces], hold

    shown, hold = fed(["14", " characters", " [1]."])
    assert shown == ["14", " characters", " [1]."] and hold.shown  # "14" starts no word of the rules
    shown, hold = fed(["The", " minimum", " is", " 14"])
    assert shown == ["", "The minimum", " is", " 14"]  # held one piece: "The" could begin a rule
    shown, hold = fed(["Give", " the", " answer", " first", ",", " copied word", " for word", " from the"])
    assert shown == [""] * 8 and not hold.shown and hold.echoing  # nothing of a copied rule is shown
    shown, hold = fed(["", " ", "Employees"])
    assert shown == ["", "", " Employees"]


def test_an_echoed_draft_is_never_shown_and_the_closest_passage_is(sample_home) -> None:  # type: ignore[no-untyped-def]
    echo = ["Give", " the", " answer", " first", ",", " copied", " word", " for", " word", " from", " the"]
    echo += [" source", ",", " then", " the", " number", " of", " its", " source", "."]
    answerer = Answerer(
        retriever=sample_home.retriever,
        chat_model=ScriptedDraft(echo),
        pseudonymizer=sample_home.pseudonymizer,
        vault=sample_home.vault,
        min_support=0.0,  # the grounding check would also withhold it: the echo check alone is tested
    )
    events = list(answerer.stream(QUESTION, ["all"]))
    tokens = [e["text"] for e in events if e["type"] == "token"]
    answer = events[-1]["answer"]
    assert answer["checks"]["echo"] is True and answer["checks"]["withheld"] is True
    assert answer["refused"] is True and answer["answer"] == CLOSEST.format(n=1)
    assert tokens == [CLOSEST.format(n=1)]  # no word of the copied rule reached the stream
    assert [c["origin"] for c in answer["citations"]] == ["closest"]
    assert answer["timings"]["first_token_ms"] > 0


def test_a_real_answer_streams_as_it_comes_and_is_kept(sample_home) -> None:  # type: ignore[no-untyped-def]
    draft = ["14", " characters", " [1]", "."]
    model = ScriptedDraft(draft)
    answerer = Answerer(
        retriever=sample_home.retriever,
        chat_model=model,
        pseudonymizer=sample_home.pseudonymizer,
        vault=sample_home.vault,
        min_support=0.0,
    )
    events = list(answerer.stream(QUESTION, ["all"]))
    tokens = [e["text"] for e in events if e["type"] == "token"]
    assert tokens == draft and "echo" not in events[-1]["answer"]["checks"]
    assert events[-1]["answer"]["refused"] is False and "14" in events[-1]["answer"]["answer"]
    # the prompt ends with the question: no instruction after it that a model could copy
    assert model.asked[0][1]["content"].endswith(f"Question: {QUESTION}")
    assert model.asked[0][0]["content"] == SYSTEM_PROMPT


def test_the_answer_prompt_ends_with_the_question() -> None:
    user = build_messages(QUESTION, CHUNKS)[1]["content"]
    assert user.endswith(f"Question: {QUESTION}") and CHUNKS[0].text in user
