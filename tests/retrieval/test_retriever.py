"""The retriever over a real store: what the index holds in clear, by access group."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import make_settings

CLINICAL = (
    "Angiotensin converting enzyme (ACE) inhibitors lower blood pressure. Blocking angiotensin II also "
    "protects the kidney. Dr. Jane Roe led the trial in 2021."
)
FINANCE = "Deltex Holdings reported its quarterly results. The board met on Monday."


@pytest.fixture(scope="module")
def container(tmp_path_factory: pytest.TempPathFactory) -> Iterator:  # type: ignore[type-arg]
    from app.container import Container

    home = tmp_path_factory.mktemp("clear_home")
    docs = tmp_path_factory.mktemp("clear_docs")
    (docs / "clinical").mkdir()
    (docs / "clinical" / "ace.txt").write_text(CLINICAL)
    (docs / "finance").mkdir()
    (docs / "finance" / "results.txt").write_text(FINANCE)
    container = Container(make_settings(home, None))
    assert not container.ingestor.run([docs / "clinical"], groups=["clinical"]).failed
    assert not container.ingestor.run([docs / "finance"], groups=["finance"]).failed
    yield container
    container.close()


def test_holds_in_clear_finds_written_words_in_visible_chunks(container) -> None:  # type: ignore[no-untyped-def]
    retriever = container.retriever
    assert retriever.holds_in_clear("Angiotensin", ["clinical"])
    assert retriever.holds_in_clear("angiotensin ii", ["clinical"])  # any case, a phrase
    assert not retriever.holds_in_clear("Angiotensin", ["finance"])  # not in a chunk finance may read
    assert retriever.holds_in_clear("Deltex", None)  # None: every document (an admin)
    assert not retriever.holds_in_clear("Angio", ["clinical"])  # whole words only
    assert not retriever.holds_in_clear("Jane Roe", ["clinical"])  # pseudonymized at ingestion
    assert not retriever.holds_in_clear("   ", ["clinical"])


def test_a_question_keeps_a_word_the_documents_hold_in_clear(container) -> None:  # type: ignore[no-untyped-def]
    answerer = container.answerer
    question = (
        "Angiotensin converting enzyme inhibitors are associated with decreased risk for renal insufficiency."
    )
    assert answerer.pseudonymize_question(question, ["clinical"]) == question
    # The same word for a reader who cannot see the clinical documents: replaced, as any unseen name.
    assert answerer.pseudonymize_question(question, ["finance"]).startswith("<PERSON_NEW1> converting")
    # A real name the documents hold only as a surrogate is replaced by that surrogate.
    surrogate = container.vault.find("PERSON", "Jane Roe")
    assert (
        surrogate
        and answerer.pseudonymize_question("Who is Jane Roe?", ["clinical"]) == f"Who is {surrogate}?"
    )
