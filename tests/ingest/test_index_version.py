"""The index version in the shared catalog: changed by ingestion, deletion, rebuild; seen by any process."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine

from ingest import index_version
from ingest.catalog import Catalog


def test_a_bump_changes_the_version_every_catalog_on_the_database_sees(tmp_path: Path) -> None:
    seen_by_another_process(f"sqlite:///{tmp_path / 'catalog.db'}")


def test_replicas_on_postgresql_see_each_others_changes(pg_url: str) -> None:
    """Replicas share the catalog's database: each cache keys on the version there, never a stale one."""
    seen_by_another_process(pg_url)


def seen_by_another_process(url: str) -> None:
    writer, reader = Catalog(create_engine(url)), Catalog(create_engine(url))  # two processes' views
    assert index_version.current(reader) == ""
    first = index_version.bump(writer)
    assert index_version.current(reader) == first
    second = index_version.bump(writer)
    assert second != first and index_version.current(reader) == second
    assert "index_version" not in writer._recorded()  # kept as a state, not as an index component
