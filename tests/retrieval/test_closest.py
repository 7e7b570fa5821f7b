"""The closest passage instead of the model's bare refusal (``retrieval.closest``): unit cases on hand-made
chunks, and the stream of a real sample home whose model refuses both drafts."""

from __future__ import annotations

from retrieval.answer_types import Answer, Citation
from retrieval.closest import citation_of, closest_instead
from retrieval.prompt import CLOSEST, REFUSAL
from tests.retrieval.chunks import chunk
from tests.retrieval.test_second_draft import QUESTION, WITHHOLD, Drafts, answerer

CHUNKS = [
    chunk(1, "Badges open the front door. Visitors sign in at the desk."),
    chunk(2, "Passwords for company accounts must be at least 14 characters long."),
]


def refused(text: str = REFUSAL, citations: list[Citation] | None = None, refused: bool = True) -> Answer:
    return Answer(text, citations or [], revealed=False, question_pseudonymized="q", refused=refused)


def test_the_models_refusal_becomes_the_closest_passage_cited() -> None:
    answer = closest_instead(refused(), QUESTION, CHUNKS)
    assert answer.refused and answer.answer == CLOSEST.format(n=1) == answer.answer_pseudonymized
    (citation,) = answer.citations
    assert (citation.n, citation.chunk_id, citation.origin, citation.inferred) == (
        1,
        CHUNKS[1].chunk_id,
        "closest",
        True,
    )
    start, end = citation.highlight or (0, 0)
    assert "Passwords" in CHUNKS[1].text[start:end]  # the words of the question, highlighted
    assert answer.checks["model_refused"] and answer.checks["draft_sources"] == []


def test_answers_cited_refusals_and_no_sources_are_left_alone() -> None:
    kept = refused("At least 14 characters [1].", refused=False)
    assert closest_instead(kept, QUESTION, CHUNKS) is kept and kept.citations == []
    shown = refused(CLOSEST.format(n=1), [citation_of(CHUNKS[0], 1, "closest", QUESTION)])
    assert closest_instead(shown, QUESTION, CHUNKS).citations[0].chunk_id == CHUNKS[0].chunk_id
    bare = closest_instead(refused(), QUESTION, [])  # nothing was shown: nothing to point at
    assert bare.answer == REFUSAL and bare.citations == []


def test_citation_of_names_how_it_came_to_be_cited() -> None:
    model = citation_of(CHUNKS[1], 2, "model", "At least 14 characters.")
    assert (model.n, model.inferred, model.origin, model.source) == (2, False, "model", CHUNKS[1].source)
    assert citation_of(CHUNKS[1], 1, "matched", "14 characters").inferred is True


def test_a_refusal_in_the_models_words_is_followed_by_the_closest_passage(sample_home) -> None:  # type: ignore[no-untyped-def]
    """Both drafts refused (the second in the rules' words): the employee reads the model's refusal, then the
    closest passage with its citation, never a bare "I don't know"; the answer stays a refusal."""
    model = Drafts(["The sources do not mention", " a password length."], [REFUSAL])
    events = list(answerer(sample_home, model, WITHHOLD).stream(QUESTION, ["all"]))
    done = events[-1]["answer"]
    assert done["refused"] and done["answer"] == CLOSEST.format(n=1)
    assert [c["origin"] for c in done["citations"]] == ["closest"] and done["checks"]["model_refused"]
    assert done["citations"][0]["source"] in {
        s["source"] for s in events[0]["sources"]
    }  # one the asker may read
    tokens = "".join(e["text"] for e in events if e["type"] == "token")
    assert tokens == f"The sources do not mention a password length.\n\n{CLOSEST.format(n=1)}"


def test_a_refusal_in_the_rules_words_is_replaced_by_the_closest_passage(sample_home) -> None:  # type: ignore[no-untyped-def]
    model = Drafts([REFUSAL], [REFUSAL])
    events = list(answerer(sample_home, model, WITHHOLD).stream(QUESTION, ["all"]))
    tokens = "".join(e["text"] for e in events if e["type"] == "token")
    assert tokens == CLOSEST.format(n=1) == events[-1]["answer"]["answer"]  # the rules' words are never shown
