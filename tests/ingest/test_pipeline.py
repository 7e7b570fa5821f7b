"""Ingestion jobs with the real container wiring (detector, embedding model, embedded store) in tmp dirs."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from llama_index.core.vector_stores.types import MetadataFilter, MetadataFilters
from sqlalchemy import create_engine

from app.container import Container
from ingest.catalog import Catalog, IndexMismatchError
from ingest.pipeline import FILE_ID, chunk_id, document_id
from tests.conftest import make_settings

SAMPLE_PDF = Path(__file__).resolve().parents[2] / "data" / "sample" / "employee_handbook.pdf"

DOCS = {
    "travel.md": "# Travel\n\nBook flights through the portal. Jane Doe approves trips; write to "
    "jane.doe@example.com.\n",
    "laptops.md": "# Laptops\n\nReport a lost laptop within one hour. "
    "Call the help desk at (555) 123-4567.\n",
    "leave.md": "# Leave\n\nParental leave is sixteen weeks. Robert Smith in HR answers questions.\n",
}
RAW_PII = ["Jane Doe", "jane.doe@example.com", "(555) 123-4567", "Robert Smith"]


def long_text(paragraphs: int) -> str:
    topics = ["budget", "security", "travel", "hardware", "training", "payroll", "facilities", "onboarding"]
    return "\n\n".join(
        f"## Section {i}\n\n"
        + " ".join(
            f"Rule {i}.{j}: every {topics[(i + j) % len(topics)]} request needs a ticket and a review."
            for j in range(12)
        )
        for i in range(paragraphs)
    )


@pytest.fixture
def container(tmp_path: Path) -> Iterator[Container]:
    c = Container(make_settings(tmp_path / "home", None))
    yield c
    c.close()


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in DOCS.items():
        (folder / name).write_text(text)
    return folder.resolve()


def file_filter(doc_id: str) -> MetadataFilters:
    return MetadataFilters(filters=[MetadataFilter(key=FILE_ID, value=doc_id)])


def assert_store_matches_catalog(c: Container) -> None:
    records = c.catalog.all()
    assert all(r.status == "ok" for r in records)
    assert c.vector_store.count() == sum(r.chunks for r in records)
    for r in records:
        assert c.vector_store.count(file_filter(r.doc_id)) == r.chunks


def test_ingest_folder_then_rerun_is_unchanged(container: Container, docs: Path) -> None:
    first = container.ingestor.run([docs])
    assert (first.files, first.ingested, first.unchanged, first.failed) == (3, 3, 0, [])
    assert first.chunks == 3
    count = container.vector_store.count()
    assert count == 3
    assert sorted(r.source for r in container.catalog.all()) == sorted(str(docs / n) for n in DOCS)
    assert_store_matches_catalog(container)

    second = container.ingestor.run([docs])
    assert (second.files, second.ingested, second.unchanged, second.chunks) == (3, 0, 3, 0)
    assert container.vector_store.count() == count


def test_stored_chunks_hold_no_raw_pii(container: Container, docs: Path) -> None:
    container.ingestor.run([docs])
    texts = [n.get_content() for n in container.vector_store.get_nodes()]
    joined = "\n".join(texts)
    for value in RAW_PII:
        assert value not in joined
    assert "<PERSON_1>" in joined and "<EMAIL_ADDRESS_1>" in joined and "<PHONE_NUMBER_1>" in joined
    assert container.vault.reveal_text(joined)[0].count("Jane Doe") == 1


def test_modified_file_replaces_its_chunks(container: Container, docs: Path) -> None:
    target = docs / "travel.md"
    target.write_text(long_text(6))
    container.ingestor.run([docs])
    doc_id = document_id(target)
    long_chunks = container.catalog.get(doc_id).chunks
    assert long_chunks >= 3
    assert_store_matches_catalog(container)

    target.write_text("# Travel\n\nAll travel is suspended until further notice.\n")
    report = container.ingestor.run([docs])
    assert (report.ingested, report.unchanged) == (1, 2)
    assert container.catalog.get(doc_id).chunks == 1
    assert container.vector_store.count() == 3
    assert_store_matches_catalog(container)
    (node,) = container.vector_store.get_nodes(filters=file_filter(doc_id))
    assert "suspended" in node.get_content()


def test_changed_groups_reingest_without_duplicates(container: Container, docs: Path) -> None:
    container.ingestor.run([docs])
    report = container.ingestor.run([docs], groups=["hr", " ", "hr", "it"])
    assert report.ingested == 3
    assert container.vector_store.count() == 3
    assert {tuple(r.groups) for r in container.catalog.all()} == {("hr", "it")}
    assert all(n.metadata["groups"] == ["hr", "it"] for n in container.vector_store.get_nodes())


def test_bad_files_are_reported_and_the_rest_ingested(container: Container, docs: Path) -> None:
    (docs / "junk.md").write_bytes(bytes(range(256)) * 4)
    (docs / "empty.txt").write_bytes(b"")
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    (docs / "ignored.csv").write_text("a,b\n1,2\n")  # not a configured extension: skipped silently
    missing = docs.parent / "nowhere"

    report = container.ingestor.run([docs, missing])

    assert report.ingested == 3
    assert report.files == 7
    failed = {Path(f.path).name: f for f in report.failed}
    assert set(failed) == {"junk.md", "empty.txt", "broken.pdf", "nowhere"}
    assert failed["junk.md"].kind == "undecodable"
    assert failed["empty.txt"].kind == "empty"
    assert failed["broken.pdf"].kind == "corrupt"
    assert failed["nowhere"].kind == "missing"
    assert failed["junk.md"].path == str(docs / "junk.md")
    assert failed["junk.md"].error.startswith("undecodable: ")
    assert report.to_json()["failed"][0].keys() == {"path", "error"}
    assert {Path(r.source).name for r in container.catalog.all()} == set(DOCS)
    assert_store_matches_catalog(container)


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
    assert container.ingestor.delete(leave.doc_id).source == str(docs / "leave.md")
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


def test_chunk_ids_are_deterministic(container: Container, docs: Path) -> None:
    assert chunk_id("abc", 0, 0) == chunk_id("abc", 0, 0)
    assert (
        len({chunk_id("abc", 0, 0), chunk_id("abc", 0, 1), chunk_id("abc", 1, 0), chunk_id("abd", 0, 0)}) == 4
    )
    uuid.UUID(chunk_id("abc", 0, 0))
    assert document_id(docs / "travel.md") == document_id(docs / "sub" / ".." / "travel.md")

    (docs / "travel.md").write_text(long_text(4))
    container.ingestor.run([docs])
    for record in container.catalog.all():
        ids = {n.node_id for n in container.vector_store.get_nodes(filters=file_filter(record.doc_id))}
        assert ids == {chunk_id(record.doc_id, 0, i) for i in range(record.chunks)}


def test_pdf_chunks_carry_page_numbers_and_page_based_ids(container: Container) -> None:
    report = container.ingestor.run([SAMPLE_PDF])
    assert report.ingested == 1 and not report.failed
    doc_id = document_id(SAMPLE_PDF)
    nodes = container.vector_store.get_nodes(filters=file_filter(doc_id))
    assert len(nodes) == container.catalog.get(doc_id).chunks
    pages = {n.metadata["page"] for n in nodes}
    assert pages == {1, 2, 3}
    for node in nodes:
        page = node.metadata["page"]
        assert node.node_id in {chunk_id(doc_id, page, i) for i in range(len(nodes))}


def test_check_index_records_then_refuses_other_components(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path}/c.db")
    try:
        catalog = Catalog(engine)
        components = {"embedding_model": "all-MiniLM-L6-v2", "chunker": "s-1:192/32", "anonymizer": "a"}
        catalog.check_index(components)
        catalog.check_index(dict(components))  # the same set again: fine
        with pytest.raises(IndexMismatchError) as info:
            catalog.check_index({**components, "chunker": "s-1:128/32"})
        message = str(info.value)
        assert "chunker" in message and "s-1:192/32" in message and "s-1:128/32" in message
        assert "Rebuild" in message and "ingest again" in message
        assert "embedding_model" not in message
    finally:
        engine.dispose()


def test_ingestor_refuses_an_index_built_with_other_settings(tmp_path: Path, docs: Path) -> None:
    home = tmp_path / "home"
    first = Container(make_settings(home, None))
    try:
        first.ingestor.run([docs])
    finally:
        first.close()
    second = Container(make_settings(home, None, embedding__chunk_tokens=128))
    try:
        with pytest.raises(IndexMismatchError, match="Rebuild"):
            second.ingestor.run([docs])
        assert second.vector_store.count() == 3  # nothing was touched
    finally:
        second.close()
