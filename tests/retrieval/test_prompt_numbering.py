"""Surrogates numbered afresh in each prompt (retrieval.prompt_numbering): the model sees 1, 2, ... per type
in reading order, the answer is mapped back to the vault's surrogates before the checks and the reveal; an
insider cannot use a prompt's number to reach a value of another group's document."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from retrieval.answer import Answerer
from retrieval.prompt import build_messages
from retrieval.prompt_numbering import (
    AS_IS,
    VaultStream,
    number_afresh,
    numbered_messages,
    renumbered_prompt,
)
from tests.conftest import make_settings
from tests.retrieval.chunks import chunk
from tests.retrieval.scripted import ScriptedDraft


def test_each_type_is_numbered_from_one_in_reading_order() -> None:
    numbering = number_afresh(
        ["<PERSON_12> met <PERSON_7> at <LOCATION_40>.", "<PERSON_7> called <US_SSN_3>"]
    )
    assert numbering.to_prompt_map == {
        "<PERSON_12>": "<PERSON_1>",
        "<PERSON_7>": "<PERSON_2>",
        "<LOCATION_40>": "<LOCATION_1>",
        "<US_SSN_3>": "<US_SSN_1>",
    }
    shown = numbering.to_prompt("<PERSON_7> and <PERSON_12>, not <PERSON_NEW1>")
    assert shown == "<PERSON_2> and <PERSON_1>, not <PERSON_NEW1>"  # unseen surrogates stay as they are
    assert numbering.to_vault(shown) == "<PERSON_7> and <PERSON_12>, not <PERSON_NEW1>"


def test_a_surrogate_the_prompt_never_showed_becomes_unseen_never_the_vaults_number() -> None:
    numbering = number_afresh(["<PERSON_12> leads.", "Who is <PERSON_NEW1>?"])
    # The model invents <PERSON_2> and <PERSON_5>: no value stands behind them, and the vault's <PERSON_2>
    # (maybe a person of another group's document) is never what they become.
    back = numbering.to_vault("<PERSON_1> and <PERSON_2>, then <PERSON_5> and <PERSON_2> again")
    assert back == "<PERSON_12> and <PERSON_NEW2>, then <PERSON_NEW3> and <PERSON_NEW2> again"


def test_the_prompt_holds_the_question_and_the_sources_under_one_map() -> None:
    shown = [
        replace(chunk(1, "<PERSON_40> founded the firm with <PERSON_9>."), title="History of <PERSON_40>"),
        None,  # a chunk passage selection left out keeps its number unused
        chunk(3, "<PERSON_9> retired in 1990."),
    ]
    numbering, question, chunks = renumbered_prompt("When did <PERSON_9> retire?", shown)
    assert question == "When did <PERSON_2> retire?"
    assert chunks[0] is not None and chunks[0].title == "History of <PERSON_1>"
    assert chunks[0].text == "<PERSON_1> founded the firm with <PERSON_2>."
    assert chunks[1] is None and chunks[2] is not None and chunks[2].text == "<PERSON_2> retired in 1990."
    assert chunks[2].chunk_id == shown[2].chunk_id  # type: ignore[union-attr]  # the same chunk, renumbered
    _numbering, messages = numbered_messages("When did <PERSON_9> retire?", shown)
    prompt = "\n".join(m["content"] for m in messages)
    assert "<PERSON_9>" not in prompt and "<PERSON_40>" not in prompt and "[3]" in prompt
    assert numbering.to_vault("<PERSON_2> retired in 1990 [3].") == "<PERSON_9> retired in 1990 [3]."
    # Off: the prompt as before, the draft read as written.
    same, messages = numbered_messages("When did <PERSON_9> retire?", shown, afresh=False)
    assert same is AS_IS and messages == build_messages("When did <PERSON_9> retire?", shown)
    assert AS_IS.to_vault("<PERSON_2>") == "<PERSON_2>"


def test_a_stream_never_shows_a_prompt_number_split_across_pieces() -> None:
    numbering = number_afresh(["<PERSON_31> and <PERSON_8> signed."])
    stream = VaultStream(numbering)
    pieces = ["Signed by <", "PER", "SON_", "2", "> and <PERSON_1", ">", " and <PERSON_3> [1", "]. a < b"]
    shown = [stream.feed(piece) for piece in pieces] + [stream.flush()]
    assert "".join(shown) == "Signed by <PERSON_8> and <PERSON_31> and <PERSON_NEW1> [1]. a < b"
    assert all("<PERSON_1>" not in s and "<PERSON_2>" not in s for s in shown)
    assert shown[:4] == ["Signed by ", "", "", ""]  # held while it may still be a surrogate
    # The whole draft read at once maps the same way as its pieces did.
    assert numbering.to_vault("".join(pieces)) == "".join(shown)


HR = "Margaret Okonkwo-Hale"
ENG = "Dmitri Vasquez-Lindqvist"
DOCS = {  # hr is ingested first: its person takes the vault's first PERSON number
    "hr": f"The payroll review is chaired by {HR}. Reviews close each March.",
    "eng": f"The on-call schedule is kept by {ENG}. Deploys happen on Tuesdays.",
}


@pytest.fixture(scope="module")
def two_groups(tmp_path_factory: pytest.TempPathFactory, tiny_gguf: Path) -> Iterator:
    from app.container import Container

    root = tmp_path_factory.mktemp("numbering")
    staff = {"PERSON": [HR, ENG]}  # known to the vault whatever the detector makes of them
    container = Container(make_settings(root / "home", tiny_gguf, anonymize__deny_list=staff))
    for group, text in DOCS.items():
        (root / group).mkdir()
        (root / group / f"{group}_schedule.md").write_text(f"# {group} schedule\n\n{text}\n")
        assert not container.ingestor.run([root / group], groups=[group]).failed
    yield container
    container.close()


def ask_as_eng(container, draft: list[str]) -> tuple[ScriptedDraft, list[dict]]:  # type: ignore[no-untyped-def]
    model = ScriptedDraft(draft)
    answerer = Answerer(
        retriever=container.retriever,
        chat_model=model,
        pseudonymizer=container.pseudonymizer,
        vault=container.vault,
        min_support=0.0,  # the draft is scripted: the numbering and the reveal are under test
    )
    return model, list(answerer.stream("Who keeps the on-call schedule?", ["eng"], reveal=True))


def test_an_insider_cannot_reveal_another_groups_value_through_a_prompt_number(two_groups) -> None:  # type: ignore[no-untyped-def]
    hr_surrogate, eng_surrogate = (two_groups.vault.lookup_value(name)[0] for name in (HR, ENG))
    assert hr_surrogate == "<PERSON_1>" and eng_surrogate != "<PERSON_1>"
    # The eng reader's prompt shows eng's person as <PERSON_1>, the vault's number of hr's person; the model
    # answers with it, and with <PERSON_2>, which the prompt never showed.
    model, events = ask_as_eng(
        two_groups, ["<PERSON_1>", " keeps the on-call schedule [1].", " Ask <PERSON_2>."]
    )
    prompt = "\n".join(m["content"] for m in model.asked[0])
    assert "<PERSON_1>" in prompt and eng_surrogate not in prompt and ENG not in prompt and HR not in prompt
    answer = events[-1]["answer"]
    # "<PERSON_2> [1]. <PERSON_2> keeps the on-call schedule. Ask <PERSON_NEW1>." (the name asked for first)
    assert f"{eng_surrogate} keeps the on-call schedule" in answer["answer_pseudonymized"]
    assert "<PERSON_NEW1>" in answer["answer_pseudonymized"]  # the invented one stands for no value
    assert f"{ENG} keeps the on-call schedule" in answer["answer"] and "<PERSON_NEW1>" in answer["answer"]
    assert answer["revealed_surrogates"] == [eng_surrogate]
    streamed = "".join(e["text"] for e in events if e["type"] == "token")
    for text in (streamed, str(answer)):
        assert HR not in text and hr_surrogate not in text  # nothing of hr's person, by value or surrogate
    assert [two_groups.catalog.get(c["doc_id"]).groups for c in answer["citations"]] == [["eng"]]


def test_the_vaults_numbers_reach_the_model_when_numbering_afresh_is_off(two_groups) -> None:  # type: ignore[no-untyped-def]
    eng_surrogate = two_groups.vault.lookup_value(ENG)[0]
    model = ScriptedDraft([eng_surrogate, " keeps the on-call schedule [1]."])
    answerer = Answerer(
        retriever=two_groups.retriever,
        chat_model=model,
        pseudonymizer=two_groups.pseudonymizer,
        vault=two_groups.vault,
        min_support=0.0,
        number_afresh=False,
    )
    answer = answerer.ask("Who keeps the on-call schedule?", ["eng"], reveal=True)
    assert eng_surrogate in "\n".join(m["content"] for m in model.asked[0])
    assert f"{ENG} keeps the on-call schedule" in answer.answer
