"""Qdrant server or cluster by configuration: collection distribution options reach create_collection.

No Qdrant server runs here: the calls are recorded on qdrant-client's local mode (``:memory:``), which takes
these options and ignores them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qdrant_client import QdrantClient

from app.container import Container
from retrieval.qdrant_store import QdrantStore
from retrieval.store_base import KEYWORD_INDEXES
from tests.conftest import make_settings


class RecordingClient(QdrantClient):
    """A real local-mode client that also remembers how collections and payload indexes were created."""

    def __init__(self) -> None:
        super().__init__(location=":memory:")
        self.created: list[dict[str, Any]] = []
        self.indexed: list[str] = []

    def create_collection(self, collection_name: str, **kwargs: Any) -> bool:  # type: ignore[override]
        self.created.append({"name": collection_name, **kwargs})
        return super().create_collection(collection_name, **kwargs)

    def create_payload_index(self, collection_name: str, field_name: str, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        self.indexed.append(field_name)
        return super().create_payload_index(collection_name, field_name, *args, **kwargs)


def test_cluster_options_and_payload_indexes_on_a_new_collection() -> None:
    client = RecordingClient()
    options = {"shard_number": 6, "replication_factor": 2, "write_consistency_factor": 2}
    QdrantStore(client, collection="c", dim=8, collection_options=options)
    assert len(client.created) == 1
    assert {k: client.created[0][k] for k in options} == options
    assert set(KEYWORD_INDEXES) <= set(client.indexed)  # the filter fields are indexed on the server
    QdrantStore(client, collection="c", dim=8, collection_options={"shard_number": 3})
    assert len(client.created) == 1  # an existing collection is used as it is


def test_the_options_come_from_configuration(tmp_path: Path) -> None:
    settings = make_settings(
        tmp_path,
        None,
        store__backend="qdrant",
        store__url=":memory:",
        store__shard_number=4,
        store__replication_factor=2,
        store__write_consistency_factor=2,
    )
    container = Container(settings)
    assert container.collection_options() == {
        "shard_number": 4,
        "replication_factor": 2,
        "write_consistency_factor": 2,
    }
    assert Container(make_settings(tmp_path / "single", None)).collection_options() == {}
