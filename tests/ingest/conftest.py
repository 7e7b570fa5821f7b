"""Containers for ingestion tests: real components; the stateless detector and embedding model load once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.container import Container
from tests.conftest import make_settings
from tests.ingest.small_corpus import DOCS


@pytest.fixture(scope="session")
def shared_models(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    loader = Container(make_settings(tmp_path_factory.mktemp("models_home"), None))
    yield {"detector": loader.detector, "embed_model": loader.embed_model}
    loader.close()


@pytest.fixture
def make_container(shared_models: dict) -> Iterator[Callable[..., Container]]:
    """A container for a home (settings overrides as in make_settings) reusing the loaded models."""
    made: list[Container] = []

    def make(home: Path, **overrides: object) -> Container:
        container = Container(make_settings(home, None, **overrides))
        container.__dict__.update(shared_models)  # cached_property values: models are not reloaded
        made.append(container)
        return container

    yield make
    for container in made:
        container.close()


@pytest.fixture
def container(tmp_path: Path, make_container: Callable[..., Container]) -> Container:
    return make_container(tmp_path / "home")


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A folder holding the three documents of DOCS."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in DOCS.items():
        (folder / name).write_text(text)
    return folder.resolve()
