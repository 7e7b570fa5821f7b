"""What an evaluation asks of its caller: a fresh home to ingest a dataset into, and the components over it.

``eval`` never builds privrag itself (it imports nothing of ``app``). The caller (``app/eval_homes.py``)
passes a ``HomeFactory``: given a ``HomeSpec`` it returns an object with the components below over a new
home, configured like the caller's own installation (embedding, chunking, anonymization, retrieval, model)
except for what the spec says. ``app.container.Container`` is such an object.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from retrieval.answer import Answerer
from retrieval.retriever import Retriever


@dataclass(frozen=True)
class HomeSpec:
    """A fresh home for one evaluation run: always its own SQLite database, never the caller's."""

    home: Path
    anonymize: bool | None = None  # None: as the caller configured it
    backend: Literal["edge", "qdrant"] = "edge"  # qdrant: qdrant-client in memory


class ChunkingSettings(Protocol):
    @property
    def chunk_tokens(self) -> int: ...

    @property
    def chunk_overlap(self) -> int: ...


class HomeSettings(Protocol):
    """The part of the home's settings an evaluation reports."""

    @property
    def embedding(self) -> ChunkingSettings: ...


class EvalHome(Protocol):
    """The components of a home an evaluation uses (``Container`` provides them, built lazily)."""

    @property
    def settings(self) -> HomeSettings: ...

    @property
    def ingestor(self) -> Any: ...  # ``.run(paths, progress=...)`` -> a report with ingested, chunks, failed

    @property
    def retriever(self) -> Retriever: ...

    @property
    def answerer(self) -> Answerer: ...

    @property
    def vector_store(self) -> Any: ...

    @property
    def embed_model(self) -> Any: ...  # get_text_embedding_batch, get_query_embedding

    @property
    def pseudonymizer(self) -> Any: ...  # None when anonymization is off

    def components(self) -> dict[str, str]: ...

    def close(self) -> None: ...


HomeFactory = Callable[[HomeSpec], EvalHome]
