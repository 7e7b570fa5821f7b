"""The homes benchmarks ingest into: the caller's configuration on a separate home, store and database."""

from __future__ import annotations

from pathlib import Path

from app.eval_homes import EvalHomes, eval_settings
from eval.homes import HomeSpec
from tests.conftest import make_settings


def test_an_eval_home_never_shares_the_callers_state(tmp_path: Path) -> None:
    base = make_settings(tmp_path / "home", None)
    base.database.url = "postgresql://db.example/privrag"
    base.store.backend = "qdrant"
    base.store.url = "https://qdrant.example:6333"
    base.embedding.chunk_tokens = 300

    edge = eval_settings(base, HomeSpec(tmp_path / "eval"))
    assert edge.home == tmp_path / "eval" and edge.database.url == ""
    assert (edge.store.backend, edge.store.url) == ("edge", "")
    assert edge.anonymize.enabled == base.anonymize.enabled and edge.embedding.chunk_tokens == 300

    memory = eval_settings(base, HomeSpec(tmp_path / "eval", anonymize=False, backend="qdrant"))
    assert (memory.store.backend, memory.store.url) == ("qdrant", ":memory:")
    assert memory.anonymize.enabled is False
    assert base.store.url == "https://qdrant.example:6333" and base.home == tmp_path / "home"  # a copy


def test_every_eval_home_answers_with_the_callers_model(tmp_path: Path) -> None:
    model = tmp_path / "models" / "chat.gguf"
    homes = EvalHomes(make_settings(tmp_path / "home", model))
    assert homes.chat_model_path() == model and homes.model_name() == str(model)
    container = homes(HomeSpec(tmp_path / "eval"))
    try:
        assert container.settings.home == tmp_path / "eval"
        assert container.chat_model_path() == model  # not <eval home>/models
    finally:
        container.close()

    remote = make_settings(tmp_path / "home2", None)
    remote.llm.backend = "openai"
    remote.llm.url = "http://llm.example/v1"
    assert EvalHomes(remote).chat_model_path() is None
    assert EvalHomes(remote).model_name() == "http://llm.example/v1"
