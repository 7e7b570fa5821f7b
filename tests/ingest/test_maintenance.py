"""Keeping the store and the catalog in step (ingest/maintenance.py): delete, sync, rebuild, and the recovery
of what an interrupted run left, through the real container wiring."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.container import Container
from ingest.catalog import DELETING, PENDING, IndexMismatchError, document_id
from ingest.chunking import file_filter
from tests.ingest.small_corpus import DOCS, assert_store_matches_catalog, long_text


def test_delete_by_path_and_by_doc_id(container: Container, docs: Path) -> None:
    (docs / "travel.md").write_text(long_text(3))
    container.ingestor.run([docs])
    total = container.vector_store.count()

    travel = container.catalog.find(str(docs / "travel.md"))
    removed = container.ingestor.delete(str(docs / "travel.md"))
    assert removed is not None and removed.doc_id == travel.doc_id
    assert container.vector_store.count() == total - travel.chunks
    assert container.catalog.get(travel.doc_id) is None
    assert container.vector_store.count(file_filter(travel.doc_id)) == 0

    leave = container.catalog.find(str(docs / "leave.md"))
    assert container.ingestor.delete(leave.doc_id).path == str(docs / "leave.md")
    assert container.vector_store.count() == total - travel.chunks - leave.chunks
    assert [Path(r.source).name for r in container.catalog.all()] == ["laptops.md"]
    assert_store_matches_catalog(container)

    assert container.ingestor.delete(leave.doc_id) is None
    assert container.ingestor.delete("no-such-document") is None


def test_sync_removes_documents_whose_files_are_gone(container: Container, docs: Path) -> None:
    container.ingestor.run([docs])
    gone = container.catalog.find(str(docs / "leave.md"))
    (docs / "leave.md").unlink()

    without_sync = container.ingestor.run([docs])
    assert without_sync.removed == 0
    assert container.catalog.get(gone.doc_id) is not None

    report = container.ingestor.run([docs], sync=True)
    assert report.removed == 1
    assert report.unchanged == 2
    assert container.catalog.get(gone.doc_id) is None
    assert container.vector_store.count() == 2
    assert_store_matches_catalog(container)


def test_sync_leaves_documents_outside_the_given_roots(
    container: Container, tmp_path: Path, docs: Path
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "memo.md").write_text("# Memo\n\nThe office closes early on Friday.\n")
    container.ingestor.run([docs, other])
    (other / "memo.md").unlink()
    report = container.ingestor.run([docs], sync=True)  # memo.md is not under docs/
    assert report.removed == 0
    assert len(container.catalog.all()) == 4


def test_ingestor_refuses_an_index_built_with_other_settings_until_rebuilt(
    tmp_path: Path, docs: Path, make_container
) -> None:
    home = tmp_path / "home"
    first = make_container(home)
    first.ingestor.run([docs])
    first.close()
    second = make_container(home, embedding__chunk_tokens=128)
    with pytest.raises(IndexMismatchError, match="--rebuild"):
        second.ingestor.run([docs])
    assert second.vector_store.count() == 3  # nothing was touched

    second.ingestor.rebuild()
    assert second.vector_store.count() == 0 and second.catalog.all() == []
    report = second.ingestor.run([docs])
    assert report.ingested == 3 and not report.failed
    assert {r.doc_id for r in second.catalog.all()} == {document_id(docs / n) for n in DOCS}
    assert all(n.metadata["chunker"].endswith(":128/32") for n in second.vector_store.get_nodes())
    assert_store_matches_catalog(second)


def test_a_run_redoes_pending_rows_and_finishes_deletions(container: Container, docs: Path) -> None:
    container.ingestor.run([docs])
    travel = container.catalog.find(str(docs / "travel.md"))
    leave = container.catalog.find(str(docs / "leave.md"))
    # The states a kill -9 leaves: a row pending mid-rewrite (its chunks partly replaced by a longer
    # version), and a row whose deletion had begun.
    (docs / "travel.md").write_text(long_text(6))
    container.catalog.set_status(travel.doc_id, PENDING)
    container.catalog.set_status(leave.doc_id, DELETING)
    report = container.ingestor.run([docs])
    assert report.recovered == 2
    assert report.ingested == 2 and report.unchanged == 1  # travel redone; leave gone, then new again
    assert_store_matches_catalog(container)
    assert container.catalog.get(travel.doc_id).chunks >= 3


def test_pending_row_of_a_vanished_file_is_removed_with_its_chunks(container: Container, docs: Path) -> None:
    container.ingestor.run([docs])
    leave = container.catalog.find(str(docs / "leave.md"))
    container.catalog.set_status(leave.doc_id, PENDING)
    (docs / "leave.md").unlink()
    report = container.ingestor.run([docs / "travel.md"])
    assert report.recovered == 1
    assert container.catalog.get(leave.doc_id) is None
    assert container.vector_store.count(file_filter(leave.doc_id)) == 0
    assert_store_matches_catalog(container)


def test_sync_removes_documents_now_ignored(container: Container, docs: Path) -> None:
    container.ingestor.run([docs])
    (docs / ".privragignore").write_text("leave.md\n")
    report = container.ingestor.run([docs], sync=True)
    assert (report.removed, report.ignored, report.unchanged) == (1, 1, 2)
    assert container.catalog.find(str(docs / "leave.md")) is None
    assert_store_matches_catalog(container)


def test_delete_of_a_large_document_uses_the_file_id_filter(container: Container, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(long_text(40))
    container.ingestor.run([big])
    chunks = container.catalog.get(document_id(big)).chunks
    assert chunks > 20
    assert "file_id" in container.vector_store.client.info().payload_schema  # an indexed field
    assert container.ingestor.delete(str(big)).chunks == chunks
    assert container.vector_store.count() == 0 and container.catalog.all() == []
