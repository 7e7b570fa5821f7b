"""A question's form for retrieval and for storage (``retrieval.questions.QuestionMapper``) on a real home: a
name the documents hold only pseudonymized is pseudonymized in the question too, also typed in lower case, and
only within what the asker may read."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.conftest import make_settings

NOTES = (
    "# Standup, infrastructure\n\n"
    "kwabena and bodhi closed the vpn ticket on monday. the summer rota starts in june.\n"
)
OTHER = "# Facilities\n\nThe summer rota for the canteen is on the notice board.\n"
_SURROGATE = re.compile(r"<PERSON_\d+>")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    from app.container import Container

    root = tmp_path_factory.mktemp("questions_world")
    docs = root / "docs"
    for group, text in {"infra": NOTES, "facilities": OTHER}.items():
        (docs / group).mkdir(parents=True)
        (docs / group / f"{group}.md").write_text(text)
    container = Container(make_settings(root / "home", None))
    for group in ("infra", "facilities"):
        report = container.ingestor.run([docs / group], groups=[group])
        assert not report.failed, report.failed
    yield container
    container.close()


def stored_text(container, groups: list[str]) -> str:  # type: ignore[no-untyped-def]
    return " ".join(c.text for c in container.retriever.run("vpn ticket rota", groups, top_k=5))


def test_a_lower_case_name_of_the_documents_is_pseudonymized_in_the_question(world) -> None:  # type: ignore[no-untyped-def]
    questions = world.answerer.questions
    stored = stored_text(world, ["infra"])
    assert "kwabena" not in stored.lower(), stored  # the documents' side: stored pseudonymized
    # Questions in which the detector sees no name: the vault, within the asker's scope, knows the word.
    cases = (("is bodhi around?", "bodhi"), ("who closed the vpn ticket with kwabena", "kwabena"))
    for asked_as, name in cases:
        asked = questions.for_retrieval(asked_as, ["infra"])
        assert name not in asked.lower(), asked
        surrogate = _SURROGATE.search(asked)
        assert surrogate is not None and surrogate.group(0) in stored  # the passage's surrogate: retrievable
    # An ordinary word the documents also use stays as typed.
    assert "summer" in questions.for_retrieval("when does the summer rota start?", ["infra"])


def test_the_insider_outside_the_group_learns_nothing_from_the_mapping(world) -> None:  # type: ignore[no-untyped-def]
    """A reader of facilities only types the name: the vault knows it, but not within the reader's scope, so
    the retrieval form is as if the vault did not know it (no oracle), and what is stored masks it anyway."""
    questions = world.answerer.questions
    asked = questions.for_retrieval("what did kwabena close on monday?", ["facilities"])
    unknown = questions.for_retrieval("what did oghenekaro close on monday?", ["facilities"])
    assert not _SURROGATE.search(asked), asked
    assert asked == unknown.replace("oghenekaro", "kwabena"), (asked, unknown)
    stored = questions.for_storage("what did kwabena close on monday?", ["facilities"], retrieval_form=asked)
    assert "kwabena" not in stored, stored
