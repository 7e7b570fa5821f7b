"""The index version in the shared catalog: changed by ingestion, deletion, rebuild; seen by any process."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine

from ingest import index_version
from ingest.catalog import Catalog


def test_a_bump_changes_the_version_every_catalog_on_the_database_sees(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'catalog.db'}"
    writer, reader = Catalog(create_engine(url)), Catalog(create_engine(url))  # two processes' views
    assert index_version.current(reader) == ""
    first = index_version.bump(writer)
    assert index_version.current(reader) == first
    second = index_version.bump(writer)
    assert second != first and index_version.current(reader) == second
    assert "index_version" not in writer._recorded()  # kept as a state, not as an index component
