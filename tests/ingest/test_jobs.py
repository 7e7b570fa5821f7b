"""What a job reads and deletes grows with the job, not with the store: the catalog rows of its own files
only (``Catalog.versions``), and a store-wide delete by filter only for files the catalog already had."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from app.container import Container
from ingest import write_stage
from ingest.catalog import OK, PENDING, Catalog, DocumentRecord, KnownVersion, document_id
from tests.ingest.small_corpus import assert_store_matches_catalog


def _record(doc_id: str, status: str = OK) -> DocumentRecord:
    return DocumentRecord(doc_id, f"{doc_id}.md", "t", f"hash-{doc_id}", ["hr"], status, 1, 10, 0.0)


def test_versions_reads_the_asked_rows_only_in_batches(tmp_path: Path) -> None:
    catalog = Catalog(create_engine(f"sqlite:///{tmp_path / 'c.db'}"))
    catalog.upsert_many([_record("a"), _record("b", PENDING), _record("c")])
    found = catalog.versions(["a", "b", "missing", "a"], batch=1)
    assert found == {
        "a": KnownVersion(OK, "hash-a", ["hr"]),
        "b": KnownVersion(PENDING, "hash-b", ["hr"]),
    }
    assert catalog.versions([]) == {}


@pytest.fixture
def deletions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The documents whose chunks the write stage deleted (the real deletion still runs)."""
    deleted: list[str] = []
    real: Callable[..., None] = write_stage.delete_chunks

    def recording(store: object, doc_id: str) -> None:
        deleted.append(doc_id)
        real(store, doc_id)  # type: ignore[arg-type]

    monkeypatch.setattr(write_stage, "delete_chunks", recording)
    return deleted


def test_new_files_delete_nothing_and_the_catalog_is_not_read_whole(
    container: Container, docs: Path, deletions: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def whole_catalog(self: Catalog) -> list[DocumentRecord]:
        raise AssertionError("a job read the whole catalog")

    monkeypatch.setattr(Catalog, "all", whole_catalog)
    report = container.ingestor.run([docs])
    assert (report.ingested, report.failed) == (3, [])
    assert deletions == []
    extra = docs / "badges.md"
    extra.write_text("# Badges\n\nLost badges are replaced by the front desk within a day.\n")
    second = container.ingestor.run([docs])
    assert (second.ingested, second.unchanged) == (1, 3)
    assert deletions == []


def test_a_changed_file_still_replaces_its_old_chunks(
    container: Container, docs: Path, deletions: list[str]
) -> None:
    container.ingestor.run([docs])
    target = docs / "leave.md"
    target.write_text("# Leave\n\nParental leave is twenty weeks from next year on.\n")
    report = container.ingestor.run([docs])
    assert report.ingested == 1
    assert deletions == [document_id(target)]
    assert container.vector_store.count() == 3
    assert_store_matches_catalog(container)
