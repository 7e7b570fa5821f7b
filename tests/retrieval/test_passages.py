"""Passage selection with the real embedding model: the sentences that bear on the question, in order, under
a token budget, each chunk keeping its [n]."""

from __future__ import annotations

import pytest

from retrieval.embedding import LocalEmbedding, default_model_path, load_embedding
from retrieval.passages import GAP, PassageSelector, estimate_tokens, sentences_of
from retrieval.prompt import build_messages, format_sources
from tests.retrieval.chunks import chunk

REMOTE = (
    "Remote work policy. This policy applies to all full-time employees. "
    "Employees may work remotely up to 3 days per week with their manager's approval. "
    "Requests for more remote days go through the HR portal. "
    "The office is open from 7am to 8pm on weekdays. "
    "Parking permits are issued by facilities every January."
)
TRAVEL = (
    "Travel expense policy. Economy class is the default for flights under six hours. "
    "The domestic per diem for meals is 75 dollars. "
    "Hotel rates are capped at 180 per night in most cities."
)
SECURITY = (
    "Laptops must use AES-256 full disk encryption.\n"
    "- Report a lost laptop to <PERSON_3> within 1 hour.\n"
    "- Badges are renewed yearly at the front desk."
)


@pytest.fixture(scope="module")
def embedder() -> LocalEmbedding:
    return load_embedding(default_model_path(), batch_size=32, precision="fp32")


def selector(embedder: LocalEmbedding, budget: int) -> PassageSelector:
    return PassageSelector(embedder.embed_texts, budget)


def test_sentences_keep_their_spans_and_lines_count_as_sentences() -> None:
    found = sentences_of(SECURITY, 2)
    assert [s.text for s in found] == SECURITY.split("\n")
    assert all(SECURITY[s.start : s.end] == s.text and s.chunk == 2 for s in found)
    short = sentences_of("See below. Employees may work remotely up to 3 days per week.")
    assert len(short) == 2 and short[0].text == "See below."  # a short first sentence stays on its own
    joined = sentences_of("Employees may work remotely up to 3 days. Ok.")
    assert len(joined) == 1  # a short fragment joins the sentence before it


HUGUENOT = (
    "Jacksonville lies on the St. Johns River. In 1564 the French explorer Jean Ribault charted the St. "
    "Johns River and Mr. <PERSON_3> founded Fort Caroline. John F. Kennedy visited in 1961. The treaty "
    "(Convention No. 81) was ratified in 1990."
)


def test_a_period_after_an_abbreviation_or_an_initial_ends_no_sentence() -> None:
    found = [s.text for s in sentences_of(HUGUENOT)]
    assert found == [
        "Jacksonville lies on the St. Johns River.",
        "In 1564 the French explorer Jean Ribault charted the St. Johns River and Mr. <PERSON_3> founded "
        "Fort Caroline.",
        "John F. Kennedy visited in 1961.",
        "The treaty (Convention No. 81) was ratified in 1990.",
    ]
    # a title at the very start of a chunk, initials in a row, a lower-case "v." and "c."
    assert len(sentences_of("Rev. Paul T. Stallsworth spoke. In the U.S. South it was built.")) == 2
    assert len(sentences_of("Brown v. Board of Education was decided then. Lefevre (c. 1455) wrote it.")) == 2


def test_a_sentence_ending_in_a_word_or_a_number_still_ends() -> None:
    text = (
        "The city grew fast after World War II. It was rebuilt again by 2009. "
        "Prices rose for many goods, oil etc. Then the market fell in the spring."
    )
    assert [s.text for s in sentences_of(text)] == [
        "The city grew fast after World War II.",
        "It was rebuilt again by 2009.",
        "Prices rose for many goods, oil etc.",
        "Then the market fell in the spring.",
    ]
    assert len(sentences_of("It was first written by ROBERT. Then it was read by everyone in the town.")) == 2


def test_the_sentence_holding_the_answer_is_kept_within_the_budget(embedder: LocalEmbedding) -> None:
    chunks = [chunk(1, TRAVEL), chunk(2, REMOTE), chunk(3, SECURITY)]
    selection = selector(embedder, 40).select("How many days per week may employees work remotely?", chunks)
    shown = selection.shown
    assert shown[1] is not None and "up to 3 days per week" in shown[1].text
    kept = " ".join(c.text for c in shown if c is not None)
    assert selection.tokens <= 40
    assert (
        sum(estimate_tokens(s.text) for c in shown if c for s in sentences_of(c.text.replace(GAP, " "))) <= 45
    )
    assert "Parking permits" not in kept and "Badges are renewed" not in kept
    assert selection.sentences < selection.total_sentences
    assert selection.embed_ms > 0


def test_order_within_a_chunk_is_kept_and_gaps_are_marked(embedder: LocalEmbedding) -> None:
    chunks = [chunk(1, REMOTE)]
    shown = (
        selector(embedder, 45).select("Who approves remote work and where do requests go?", chunks).shown[0]
    )
    assert shown is not None
    positions = [REMOTE.index(part.strip()) for part in shown.text.split(GAP.strip()) if part.strip()]
    assert positions == sorted(positions)  # the kept sentences in the chunk's order
    assert shown.text.endswith(GAP.strip())  # the chunk goes on after the last kept sentence
    assert shown.chunk_id == "chunk-1" and shown.title == "file 1"  # only the text is cut


def test_numbering_is_stable_when_a_chunk_is_left_out(embedder: LocalEmbedding) -> None:
    chunks = [chunk(1, REMOTE), chunk(2, TRAVEL), chunk(3, SECURITY)]
    shown = selector(embedder, 24).select("What disk encryption must laptops use?", chunks).shown
    assert len(shown) == 3
    assert shown[2] is not None and "AES-256" in shown[2].text
    assert shown[0] is None or shown[1] is None  # 24 tokens leave no room for all three chunks
    text = format_sources(shown)
    assert "[3] (file 3)" in text  # still source 3
    for n, c in enumerate(shown, start=1):
        assert (f"[{n}] (" in text) == (c is not None)
    assert "AES-256" in build_messages("What disk encryption must laptops use?", shown)[1]["content"]


def test_a_budget_of_zero_or_one_the_chunks_fit_leaves_them_whole(embedder: LocalEmbedding) -> None:
    chunks = [chunk(1, REMOTE), chunk(2, TRAVEL)]
    for budget in (0, 10_000):
        selection = selector(embedder, budget).select("How many remote days?", chunks)
        assert [c.text for c in selection.shown if c] == [REMOTE, TRAVEL] and selection.embed_ms == 0.0


def test_question_terms_break_ties_the_embedding_blurs(embedder: LocalEmbedding) -> None:
    """A placeholder or a number is a term the question shares with one sentence only."""
    text = (
        "The escalation contact for incidents is <PERSON_3> in the security team. "
        "The escalation contact for outages is <PERSON_9> in the operations team. "
        "Escalations are logged in the incident tracker within the day."
    )
    shown = selector(embedder, 20).select("What team is <PERSON_9> in?", [chunk(1, text)]).shown[0]
    assert shown is not None and "<PERSON_9> in the operations team" in shown.text


def test_the_terms_scorer_keeps_the_answer_without_any_embedding() -> None:
    def no_model(texts: list[str]) -> list[list[float]]:
        raise AssertionError("the terms scorer embedded something")

    chunks = [chunk(1, TRAVEL), chunk(2, REMOTE), chunk(3, SECURITY)]
    terms = PassageSelector(no_model, 40, scorer="terms")
    shown = terms.select("How many days per week may employees work remotely?", chunks).shown
    assert shown[1] is not None and "up to 3 days per week" in shown[1].text
    encrypted = terms.select("What disk encryption must laptops use?", chunks).shown
    assert encrypted[2] is not None and "AES-256" in encrypted[2].text
    with pytest.raises(ValueError, match="source_scorer"):
        PassageSelector(no_model, 40, scorer="bm25")  # type: ignore[arg-type]


def test_term_scores_weigh_the_rare_asked_term_over_the_topic() -> None:
    from retrieval.passages import term_scores

    found = sentences_of(REMOTE)
    scores = term_scores("How many remote days per week may employees work?", found)
    best = max(range(len(found)), key=lambda i: scores[i])
    assert "3 days per week" in found[best].text and all(0.0 <= s <= 1.0 for s in scores)
    assert term_scores("", found) == [0.0] * len(found)


def test_sentence_vectors_are_embedded_once(embedder: LocalEmbedding) -> None:
    embedded: list[str] = []

    def counted(texts: list[str]) -> list[list[float]]:
        embedded.extend(texts)
        return embedder.embed_texts(texts)

    chunks = [chunk(1, TRAVEL), chunk(2, REMOTE), chunk(3, SECURITY)]
    cached = PassageSelector(counted, 40)
    question = "How many days per week may employees work remotely?"
    first = cached.select(question, chunks)
    sentences = sum(len(sentences_of(c.text)) for c in chunks)
    assert len(embedded) == sentences + 1 and len(cached.vectors) == sentences + 1
    again = cached.select(question, chunks)
    assert len(embedded) == sentences + 1 and again.shown == first.shown  # nothing embedded again
    cached.select("What disk encryption must laptops use?", chunks)
    assert embedded[-1] == "What disk encryption must laptops use?"
    assert len(embedded) == sentences + 2  # only the new question
    assert first.shown == selector(embedder, 40).select(question, chunks).shown  # the same selection


def test_a_floor_leaves_the_budget_unfilled_by_sentences_that_bear_on_nothing() -> None:
    def no_model(texts: list[str]) -> list[list[float]]:
        raise AssertionError("the terms scorer embedded something")

    chunks = [chunk(1, TRAVEL), chunk(2, REMOTE), chunk(3, SECURITY)]
    question = "How many days per week may employees work remotely?"
    filled = PassageSelector(no_model, 120, scorer="terms").select(question, chunks)
    floored = PassageSelector(no_model, 120, scorer="terms", floor=0.25, context=False).select(
        question, chunks
    )
    kept = " ".join(c.text for c in floored.shown if c is not None)
    assert "up to 3 days per week" in kept  # the best sentence
    assert "Parking permits" not in kept and "AES-256" not in kept  # no term of the question: not filler
    assert floored.tokens < filled.tokens and floored.sentences < filled.sentences
    assert floored.shown[2] is None  # no sentence of the security chunk bears on the question
    scores = PassageSelector(no_model, 120, scorer="terms").scores(
        question, [s for i, c in enumerate(chunks) for s in sentences_of(c.text, i)]
    )
    assert floored.sentences == sum(s >= 0.25 * max(scores) for s in scores)
    # with the sentence before each kept one, a kept sentence keeps its antecedent even below the floor
    context = PassageSelector(no_model, 120, scorer="terms", floor=0.25).select(question, chunks)
    assert context.sentences >= floored.sentences
    assert PassageSelector(no_model, 10, scorer="terms", floor=0.99).select(question, chunks).sentences == 1


def test_a_source_from_the_same_place_as_the_one_before_shows_no_title_again() -> None:
    from dataclasses import replace

    same = [chunk(1, REMOTE), replace(chunk(2, TRAVEL), title="file 1"), chunk(3, SECURITY, page=2)]
    text = format_sources(same)
    assert text.count("(file 1)") == 1 and '[2]\n"""\n' + TRAVEL in text  # [2] keeps its number and text
    assert "[3] (file 3, page 2)" in text  # a new place is named
    apart = format_sources([same[0], None, replace(same[1], page=4)])
    assert "[3] (file 1, page 4)" in apart  # another page of the same file is another place
