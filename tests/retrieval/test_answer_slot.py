"""What a draft puts in place of the question word, when it holds nothing but the question's words: the claim
the grounding check measures and the fact put first (retrieval.answer_slot)."""

from __future__ import annotations

from eval.rag import leading_fact
from retrieval.answer import Answerer
from retrieval.answer_fact import fact_first
from retrieval.answer_slot import slot_filler
from retrieval.grounding import stated_filler, support
from tests.retrieval.chunks import chunk

DESIGNED = "Who designed the lighting that Hartwell Electric installed?"
DESIGNED_DRAFT = "Hartwell designed the lighting that Hartwell Electric installed [1]."
FOREST = "What forest covers most of the Dunmore valley?"
FOREST_DRAFT = "The Dunmore forest covers most of the Dunmore valley [2]."
SOURCES = [
    chunk(
        1, "Hartwell designed the lighting that Hartwell Electric installed in the mills of the town in 1886."
    ),
    chunk(2, "The Dunmore forest covers most of the Dunmore valley. It is home to red deer."),
]


def answerer() -> Answerer:
    return Answerer(retriever=None, chat_model=None, pseudonymizer=None, vault=None)  # type: ignore[arg-type]


def test_the_name_in_place_of_the_question_word_is_the_filler() -> None:
    assert slot_filler(DESIGNED_DRAFT, DESIGNED) == "Hartwell"
    assert (
        slot_filler(
            "<PERSON_3> chaired the board of <PERSON_3> Holdings.",
            "Who chaired the board of <PERSON_3> Holdings?",
        )
        == "<PERSON_3>"
    )


def test_a_what_or_which_asking_a_kind_keeps_the_kind_after_its_filler() -> None:
    assert slot_filler(FOREST_DRAFT, FOREST) == "The Dunmore forest"
    assert slot_filler(
        "The Green party won the seat in Dunmore.", "Which party won the seat in Dunmore?"
    ) == ("The Green party")


def test_a_reordered_question_a_pronoun_or_a_dropped_question_word_fill_nothing() -> None:
    # The verb moved, nothing stands where "Who" stood.
    assert (
        slot_filler(
            "The Normans' main enemy in Italy was the Byzantine Empire.",
            "Who was the Normans' main enemy in Italy, the Byzantine Empire?",
        )
        == ""
    )
    assert (
        slot_filler(
            "He also describes the distillation of sea water for drinking [1].",
            "Who wrote about the distillation of drinking water from sea water?",
        )
        == ""
    )
    assert (
        slot_filler(
            "<PERSON_NEW1> CEO is an alumnus of the university.",
            "What <PERSON_NEW1> CEO is an alumnus of the university?",
        )
        == ""
    )
    assert (
        slot_filler(
            "The tapes were restored in colour.", "Were the tapes restored in colour or in black and white?"
        )
        == ""
    )
    assert slot_filler("", DESIGNED) == "" and slot_filler(DESIGNED_DRAFT, "") == ""


def test_support_of_a_filled_restatement_is_measured_on_its_filler() -> None:
    assert support(DESIGNED_DRAFT, DESIGNED, [SOURCES[0].text]) == (1.0, [])
    # The filler is a word of the question: only a sentence stating it with the question's terms makes it the
    # answer; without one the draft restates the question.
    assert support(DESIGNED_DRAFT, DESIGNED, [SOURCES[1].text]) == (None, [])
    elsewhere = "Hartwell Electric was founded in 1880. The lighting of the mills was installed in 1886."
    assert support(DESIGNED_DRAFT, DESIGNED, [elsewhere]) == (None, [])
    assert stated_filler(DESIGNED_DRAFT, DESIGNED, [elsewhere]) == set()
    assert stated_filler(DESIGNED_DRAFT, DESIGNED, [SOURCES[0].text]) == {"hartwel"}
    # A pure restatement is still no answer at all.
    assert support(
        "The lighting that Hartwell Electric installed was designed [1].", DESIGNED, [SOURCES[0].text]
    ) == (
        None,
        [],
    )


def test_a_filled_restatement_reaches_the_judge_and_leads_with_its_filler() -> None:
    kept = answerer()._finish(DESIGNED_DRAFT, DESIGNED, SOURCES, reveal=False, refused=False)
    assert kept.refused is False and kept.checks["withheld"] is False and kept.checks["support"] == 1.0
    assert kept.answer.startswith("Hartwell [1]. Hartwell designed the lighting")
    assert leading_fact(kept.answer) == "Hartwell"  # what eval rag scores
    forest = answerer()._finish(FOREST_DRAFT, FOREST, SOURCES, reveal=False, refused=False)
    assert forest.refused is False and leading_fact(forest.answer) == "The Dunmore forest"


def test_a_filler_the_sources_do_not_hold_is_withheld_and_the_closest_passage_shown() -> None:
    # Insider: the model names something of the question in the answer's place that no source states there.
    draft = "<PERSON_NEW1> designed the lighting that <PERSON_NEW1> Electric installed [1]."
    question = "Who designed the lighting that <PERSON_NEW1> Electric installed?"
    withheld = answerer()._finish(draft, question, SOURCES, reveal=False, refused=False)
    assert withheld.refused is True and withheld.checks["withheld"] is True
    assert withheld.checks["reason"] == "the answer only restates the question"
    assert [c.origin for c in withheld.citations] == ["closest"]
    restated = answerer()._finish(
        "The lighting that Hartwell Electric installed was designed [1].", DESIGNED, SOURCES, False, False
    )
    assert restated.refused is True and restated.checks["reason"] == "the answer only restates the question"


def test_the_fact_first_of_a_sentence_of_the_questions_words_is_its_filler() -> None:
    assert fact_first(DESIGNED_DRAFT, DESIGNED) == (
        "Hartwell [1]. Hartwell designed the lighting that Hartwell Electric installed."
    )
    assert fact_first(
        "The Normans' main enemy in Italy was the Byzantine Empire.",
        "Who was the Normans' main enemy in Italy, the Byzantine Empire?",
    ) == ("The Normans' main enemy in Italy was the Byzantine Empire.")
