"""Where a draft's answer sits in the shown passages (retrieval.judge_sentences), on hand-made passages: an
answer stated next to the question's terms scores high, a claim stitched from another sentence scores low."""

from __future__ import annotations

from collections.abc import Iterator

from retrieval.judge import Evidence, confidence, features
from retrieval.judge_fitted import FITTED
from retrieval.judge_sentences import AnswerPlace, answer_place, leading_fact, shown_sentences
from retrieval.judge_tokens import DraftSignal
from retrieval.judge_verdict import Judging, draft_checks
from retrieval.llm import Message
from retrieval.prompt import build_messages
from tests.retrieval.chunks import chunk

# One shown source, two sentences kept by passage selection with a gap between them (retrieval.passages).
TEAMS = [
    "… The Los Angeles Clippers play basketball in the NBA. … "
    "The Los Angeles Galaxy play in Major League Soccer, founded in 1993. …"
]
ASKED = "Where do the Los Angeles Clippers play?"


def test_the_leading_fact_skips_opening_markers_and_ends_at_the_first_marker_or_sentence() -> None:
    assert leading_fact("[1] 1964 [1]. Costa v ENEL was decided in 1964.") == "1964"
    assert leading_fact("The Commission has a monopoly [2] on it.") == "The Commission has a monopoly"
    assert leading_fact("NBA. The Clippers play basketball.") == "NBA"
    assert leading_fact("[1] [2]") == ""


def test_shown_sentences_are_cut_at_selection_gaps_and_keep_their_source() -> None:
    sentences = shown_sentences([None, *TEAMS])
    assert [s.text for s in sentences] == [
        "The Los Angeles Clippers play basketball in the NBA.",
        "The Los Angeles Galaxy play in Major League Soccer, founded in 1993.",
    ]
    assert {s.chunk for s in sentences} == {1}  # source [2]: [1] was left out


def test_an_answer_next_to_the_questions_terms_scores_above_one_stitched_from_another_sentence() -> None:
    right = answer_place(ASKED, TEAMS, "The NBA [1].")
    stitched = answer_place(ASKED, TEAMS, "The Los Angeles Clippers play in Major League Soccer [1].")
    # "NBA" is stated by the sentence naming the Clippers, which holds every term of the question.
    assert right.fact_sentence == 1.0
    # No shown sentence states the stitched claim whole.
    assert stitched.fact_sentence == 0.0
    # Its new words come from the Galaxy sentence, which lacks the question's rarest term ("Clippers").
    assert right.answer_sentence == 1.0 > stitched.answer_sentence > 0.0


def test_a_number_the_source_writes_out_is_found_as_digits() -> None:
    passages = ["Polonia Warsaw won the national cup four times."]
    place = answer_place("How many times has Polonia Warsaw won the cup?", passages, "4 [1]")
    assert place == AnswerPlace(1.0, 1.0)


def test_nothing_to_place_scores_zero() -> None:
    assert answer_place(ASKED, [], "The NBA [1].") == AnswerPlace(0.0, 0.0)
    assert answer_place(ASKED, TEAMS, "[1] [2]") == AnswerPlace(0.0, 0.0)  # no fact at all
    # Only the question's own words: stated by a sentence, but nothing new to place.
    restated = answer_place(ASKED, TEAMS, "The Los Angeles Clippers play [1].")
    assert restated.answer_sentence == 0.0 and restated.fact_sentence > 0.0
    # A new word no shown sentence holds: the answer sits nowhere.
    assert answer_place(ASKED, TEAMS, "Hockey [1].").answer_sentence == 0.0


def test_the_fitted_judge_keeps_the_placed_answer_and_withholds_the_stitched_one() -> None:
    """The same retrieval evidence and token signal for both drafts: only where the answer sits differs,
    and the fitted calibration weighs it enough to decide."""
    found = Evidence(coverage=0.5, dense=0.4, fused=0.5, agree=0.0)  # a borderline retrieval
    signal = DraftSignal(refusal_start=0.3, fact_logp=-0.4, fact_min_logp=-1.0, tokens=12)
    calibration = FITTED["draft"]
    assert calibration.weights["fact_sentence"] > 0 and calibration.weights["answer_sentence"] > 0
    kept = features(found, signal, support=1.0, place=answer_place(ASKED, TEAMS, "The NBA [1]."))
    draft = "The Los Angeles Clippers play in Major League Soccer [1]."
    withheld = features(found, signal, support=1.0, place=answer_place(ASKED, TEAMS, draft))
    high, low = confidence(kept, calibration), confidence(withheld, calibration)
    assert high is not None and low is not None
    assert low < calibration.threshold <= high


class NoCalls:
    """A model the draft judge must never call after the last token (it decides from numbers at hand)."""

    name = "no calls"

    def stream(self, messages: list[Message], max_tokens: int | None = None) -> Iterator[str]:
        raise AssertionError("the draft judge called the model")


def test_draft_checks_read_the_shown_passages_not_the_whole_chunks() -> None:
    """The place is read in what the model was shown: a chunk's sentence left out by selection does not
    count, and the features are recorded with the verdict."""
    whole = chunk(1, TEAMS[0].replace("…", "").strip() + " The Clippers once played in the ABA league.")
    messages = build_messages(ASKED, [whole])
    signal = DraftSignal(refusal_start=0.1, fact_logp=-0.25, fact_min_logp=-1.0, tokens=12)
    draft = "The ABA [1]."
    shown = Judging(NoCalls(), FITTED["draft"], messages, signal, passages=TEAMS)
    whole_chunks = Judging(NoCalls(), FITTED["draft"], messages, signal)  # no selection: the chunks whole
    unseen = draft_checks(draft, ASKED, [whole.text], [whole], 0.0, shown)
    seen = draft_checks(draft, ASKED, [whole.text], [whole], 0.0, whole_chunks)
    assert unseen["features"]["fact_sentence"] == 0.0 and unseen["features"]["answer_sentence"] == 0.0
    assert seen["features"]["fact_sentence"] > 0.0 and seen["features"]["answer_sentence"] > 0.0
    assert unseen["confidence"] < seen["confidence"]
