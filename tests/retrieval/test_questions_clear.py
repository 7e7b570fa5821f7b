"""A value the vault took for a name but the asker's documents use as a word stays as written in the question
(``Retriever.mostly_in_clear``), on a real home: SciFact's questions had "Serum", "Type", "Cell" replaced by
surrogates while nearly every abstract holds them in clear, and missed those abstracts. A person's name the
documents hold pseudonymized is still replaced, and the count looks only at chunks the asker may read. (Such
scientific words no longer reach other documents at all, ``anonymize/name_reach.py``; a rare lab word such as
"Ficoll" still does, so it stands in for them here.)"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.conftest import make_settings

LAB = {
    "assay.md": "# Assay\n\nThe ficoll samples were frozen at minus eighty degrees before the assay.\n",
    "ferritin.md": (
        "# Ferritin\n\nFicoll ferritin was measured twice; ficoll levels rose after iron therapy.\n"
    ),
    "storage.md": "# Storage\n\nFicoll tubes are kept upright. Haemolysed ficoll is discarded.\n",
    "review.md": "# Review\n\nDr. Tunde Bakare reviewed the assay protocol. Bakare signed it on Friday.\n",
}
TITLE = "# Quarterly Supplies\n\nFicoll stock for the quarter was ordered for the lab.\n"
SECRET_GROUP = "# Ficoll Notes\n\nFicoll is the code name of the acquisition; Ficoll closes in May.\n"
_SURROGATE = re.compile(r"<PERSON_\d+>")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    from app.container import Container

    root = tmp_path_factory.mktemp("questions_clear")
    lab, later, board = root / "lab", root / "later", root / "board"
    for folder in (lab, later, board):
        folder.mkdir()
    for name, text in LAB.items():
        (lab / name).write_text(text)
    container = Container(make_settings(root / "home", None))
    assert not container.ingestor.run([lab], groups=["lab"]).failed
    # An earlier job's false positive: "Ficoll" taken for a person; later documents get its surrogate.
    ficoll = container.pseudonymizer.vault.surrogate("PERSON", "Ficoll")
    (later / "report.md").write_text(TITLE)
    assert not container.ingestor.run([later], groups=["lab"]).failed
    (board / "notes.md").write_text(SECRET_GROUP)
    assert not container.ingestor.run([board], groups=["board"]).failed
    yield container, ficoll
    container.close()


def test_a_word_the_documents_hold_in_clear_stays_in_the_question(world) -> None:  # type: ignore[no-untyped-def]
    container, ficoll = world
    held = " ".join(c.text for c in container.retriever.run("ficoll stock quarter", ["lab"], top_k=10))
    assert ficoll in held and "Ficoll ferritin" in held  # both forms are in the index
    asked = container.answerer.questions.for_retrieval("Ficoll ferritin levels after iron therapy?", ["lab"])
    assert asked.startswith("Ficoll ferritin") and ficoll not in asked, asked
    found = container.retriever.run(asked, ["lab"], top_k=1)
    assert "ferritin" in found[0].text  # the abstract that answers it, found by the word


def test_a_name_the_documents_hold_pseudonymized_is_still_replaced(world) -> None:  # type: ignore[no-untyped-def]
    container, _ = world
    asked = container.answerer.questions.for_retrieval("What did Bakare review?", ["lab"])
    assert "Bakare" not in asked and _SURROGATE.search(asked), asked
    stored = container.answerer.questions.for_storage("What did Tunde Bakare review?", ["lab"])
    assert "Bakare" not in stored and "Tunde" not in stored, stored


def test_the_count_sees_only_the_askers_chunks(world) -> None:  # type: ignore[no-untyped-def]
    """The board's documents hold "Ficoll" as the surrogate only (its one mention pseudonymized); the lab's
    hold it in clear. Each asker's question follows their own documents, never the other group's."""
    container, ficoll = world
    retriever = container.retriever
    assert retriever.mostly_in_clear("Ficoll", ficoll, ["lab"])
    assert not retriever.mostly_in_clear("Ficoll", ficoll, ["board"])
    asked = container.answerer.questions.for_retrieval("When does Ficoll close?", ["board"])
    assert ficoll in asked, asked
