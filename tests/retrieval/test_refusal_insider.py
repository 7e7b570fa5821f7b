"""The refusal's first token banned wherever a source is shown (``[retrieval] refusal_coverage = 0``, the
strongest setting): what an insider would try first, with the product's model (Qwen2.5-Coder-1.5B, assembled
from its PyPI parts as `make test` installs them, or PRIVRAG_TEST_CHAT_MODEL; the module skips without
either, and fails under CI=true), its checks and its fitted judge. A question answered only in another
group's document is refused for the asker, and nothing of that document is shown, answered or cited."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.models import CHAT_MODELS, ModelAssemblyError, assemble
from tests.conftest import make_settings

pytestmark = pytest.mark.slow_file(75)

SECRET = "7781"
DOCS = {
    "hr": f"The bonus approval code for the Lisbon office is {SECRET}. Bonuses are approved each March.",
    "eng": "The Lisbon office deploys on Tuesdays. Approval of a deploy needs two reviewers.",
}
QUESTION = "What is the bonus approval code for the Lisbon office?"


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    from app.container import Container

    given = os.environ.get("PRIVRAG_TEST_CHAT_MODEL")
    try:
        model = (
            Path(given)
            if given
            else assemble(CHAT_MODELS["qwen2.5-coder-1.5b"], tmp_path_factory.mktemp("chat_model"))
        )
    except ModelAssemblyError as exc:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"the product's chat model is not installed ({exc})")
    root = tmp_path_factory.mktemp("refusal_insider")
    settings = make_settings(root / "home", model, retrieval__refusal_coverage=0.0)
    settings.llm.max_tokens = 48
    settings.retrieval.min_support = 0.5  # the product's checks and judge (make_settings relaxes them)
    settings.retrieval.verify_answers = True
    settings.retrieval.answer_cache_entries = 0
    container = Container(settings)
    for group, text in DOCS.items():
        (root / group).mkdir()
        (root / group / f"{group}_lisbon.md").write_text(f"# {group} Lisbon\n\n{text}\n")
        assert not container.ingestor.run([root / group], groups=[group]).failed
    yield container
    container.close()


def test_a_question_only_another_groups_document_answers_is_refused_and_never_cited(home) -> None:  # type: ignore[no-untyped-def]
    answer = home.answerer.ask(QUESTION, ["eng"])
    assert answer.relevance["relevant"] and answer.relevance["refusal_banned"]  # the model ran, banned
    assert answer.refused, answer.answer
    assert SECRET not in answer.answer and "March" not in answer.answer
    for citation in answer.citations:
        assert home.catalog.get(citation.doc_id).groups == ["eng"]
        assert SECRET not in citation.text


def test_the_reader_of_the_right_group_is_answered_from_it(home) -> None:  # type: ignore[no-untyped-def]
    answer = home.answerer.ask(QUESTION, ["hr"])
    assert not answer.refused and SECRET in answer.answer, answer.answer
    # the answer phrase first, as the source writes it, its marker after it (never opening the answer)
    assert answer.answer.startswith(SECRET) and "[1]" in answer.answer, answer.answer
    assert [home.catalog.get(c.doc_id).groups for c in answer.citations] == [["hr"]]
