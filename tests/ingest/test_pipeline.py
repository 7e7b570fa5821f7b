"""Ingestion jobs with the real container wiring (detector, embedding model, embedded store) in tmp dirs.
The end-of-job sweep is tested in test_sweep.py; delete, sync, rebuild and recovery in test_maintenance.py."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from app.container import Container
from ingest.catalog import Catalog, IndexMismatchError, document_id
from ingest.chunking import FILE_ID, chunk_id, file_filter
from ingest.loaders import LoadLimits
from ingest.report import IngestProgress
from tests.ingest.small_corpus import DOCS, assert_store_matches_catalog, chunk_texts, long_text

pytestmark = pytest.mark.slow_file(90)

SAMPLE_PDF = Path(__file__).resolve().parents[2] / "data" / "sample" / "employee_handbook.pdf"


RAW_PII = ["Jane Doe", "jane.doe@example.com", "(555) 123-4567", "Robert Smith"]


def test_ingest_folder_then_rerun_is_unchanged(container: Container, docs: Path) -> None:
    first = container.ingestor.run([docs])
    assert (first.files, first.ingested, first.unchanged, first.failed) == (3, 3, 0, [])
    assert first.chunks == 3
    count = container.vector_store.count()
    assert count == 3
    assert sorted(r.path for r in container.catalog.all()) == sorted(str(docs / n) for n in DOCS)
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
    (docs / "ignored.vsdx").write_text("a,b\n1,2\n")  # not a configured extension: skipped, named
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
    assert report.to_json()["failed_kinds"] == {"undecodable": 1, "empty": 1, "corrupt": 1, "missing": 1}
    assert report.to_json()["skipped"] == [{"path": str(docs / "ignored.vsdx"), "reason": "unsupported"}]
    assert {Path(r.source).name for r in container.catalog.all()} == set(DOCS)
    assert_store_matches_catalog(container)


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
        assert "privrag ingest --rebuild" in message and "set the configuration back" in message
        assert "embedding_model" not in message
    finally:
        engine.dispose()


# --- formats, metadata, bad input ----------------------------------------------------------------


FORMATS = {
    "page.html": b"<html><head><title>Parking for Jane Doe</title><script>x()</script></head>"
    b"<body><p>Visitors park on level two; ask Jane Doe at reception.</p></body></html>",
    "rota.csv": b"day,who\nMonday,team A\nTuesday,team B\n",
    "policy.json": b'{"title": "Badges", "text": "Wear your badge at all times."}',
    "faq.jsonl": b'{"title": "Lunch", "text": "Lunch is served at noon."}\n{"text": "Coffee is free."}\n',
    "note.eml": b"From: Robert Smith <robert.smith@example.com>\nTo: all@example.com\nSubject: Fire drill\n"
    b"Date: Tue, 4 Mar 2025 09:00:00 +0000\n\nThe fire drill starts at ten.\n",
    "readme.txt": "The caf\u00e9 opens at eight.".encode("cp1252"),
}


def test_every_format_is_ingested_with_full_chunk_metadata(container: Container, tmp_path: Path) -> None:
    folder = tmp_path / "formats"
    folder.mkdir()
    for name, data in FORMATS.items():
        (folder / name).write_bytes(data)
    import shutil

    shutil.copy(SAMPLE_PDF, folder / "handbook.pdf")
    shutil.copy(SAMPLE_PDF.parent / "benefits_overview.docx", folder / "benefits.docx")
    report = container.ingestor.run([folder], groups=["hr"])
    assert not report.failed and report.ingested == len(FORMATS) + 2
    assert_store_matches_catalog(container)
    nodes = container.vector_store.get_nodes()
    by_type: dict[str, list] = {}
    for node in nodes:
        by_type.setdefault(node.metadata["file_type"], []).append(node)
    assert set(by_type) == {"html", "csv", "json", "jsonl", "eml", "txt", "pdf", "docx"}
    components = container.components()
    for node in nodes:
        meta = node.metadata
        record = container.catalog.get(meta[FILE_ID])
        assert record is not None and meta["source"] == record.source
        assert meta["content_hash"] == record.content_hash and meta["groups"] == ["hr"]
        assert meta["ingested_at"].endswith("Z") and meta["title"]
        assert {k: meta[k] for k in components} == components
    assert {n.metadata["page"] for n in by_type["pdf"]} == {1, 2, 3}
    assert {n.metadata["section"] for n in by_type["jsonl"]} == {"record 1", "record 2"}
    assert {n.metadata["section"] for n in by_type["csv"]} == {"rows 1-2"}
    html_title = by_type["html"][0].metadata["title"]
    assert "Jane Doe" not in html_title and "<PERSON_" in html_title  # titles are pseudonymized too
    assert "Jane Doe" not in container.catalog.get(by_type["html"][0].metadata[FILE_ID]).title
    mail = by_type["eml"][0].get_content()
    assert "Robert Smith" not in mail and "robert.smith@example.com" not in mail and "fire drill" in mail
    assert "café" in by_type["txt"][0].get_content()


def docx_bomb() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO((SAMPLE_PDF.parent / "benefits_overview.docx").read_bytes())
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("word/media/zeros.bin", bytes(4 * 1024 * 1024), compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def locked_pdf() -> bytes:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(SAMPLE_PDF))
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_every_bad_input_kind_is_reported_and_the_job_goes_on(
    tmp_path: Path, docs: Path, make_container
) -> None:
    container = make_container(tmp_path / "home", ingest__max_file_mb=0.5)
    bad = {
        "corrupt.pdf": (b"%PDF-1.4 not really a pdf", "corrupt"),
        "locked.pdf": (locked_pdf(), "encrypted"),
        "huge.txt": (b"big text " * 70_000, "too_large"),
        "junk.md": (bytes(range(256)) * 4, "undecodable"),
        "empty.txt": (b"", "empty"),
        "scripts.html": (b"<html><script>only()</script></html>", "no_text"),
        "bomb.docx": (docx_bomb(), "zip_bomb"),
    }
    for name, (data, _) in bad.items():
        (docs / name).write_bytes(data)
    (tmp_path / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "drawing.vsdx").write_bytes(b"PK\x03\x04")  # a type privrag does not read: skipped, named
    report = container.ingestor.run([docs, tmp_path / "sheet.xlsx", tmp_path / "drawing.vsdx"])
    kinds = {Path(f.path).name: f.kind for f in report.failed}
    assert kinds == {**{name: k for name, (_, k) in bad.items()}, "sheet.xlsx": "corrupt"}
    assert all(f.error.startswith(f"{f.kind}: ") for f in report.failed)
    assert report.ingested == 3 and report.files == 3 + len(bad) + 1
    assert report.to_json()["skipped"] == [{"path": str(tmp_path / "drawing.vsdx"), "reason": "unsupported"}]
    assert_store_matches_catalog(container)


def test_a_changed_file_that_now_fails_keeps_its_last_good_version(container: Container, docs: Path) -> None:
    container.ingestor.run([docs])
    before = container.vector_store.count()
    (docs / "leave.md").write_bytes(b"\x00\x01\x02" * 100)
    report = container.ingestor.run([docs])
    assert [f.kind for f in report.failed] == ["undecodable"]
    assert container.vector_store.count() == before
    assert_store_matches_catalog(container)


# --- batching, progress ----------------------------------------------------------------------------


def test_chunk_ids_do_not_depend_on_batching(container: Container, docs: Path) -> None:
    (docs / "big.md").write_text(long_text(30))
    container.ingestor.run([docs])
    one_batch = {n.node_id for n in container.vector_store.get_nodes()}
    for record in container.catalog.all():
        container.ingestor.delete(record.doc_id)
    container.ingestor.batch_chars = 700  # many batches; the big file spans several
    report = container.ingestor.run([docs])
    assert report.ingested == 4
    assert {n.node_id for n in container.vector_store.get_nodes()} == one_batch
    assert_store_matches_catalog(container)


PII_DOCS = {
    "a_memo.md": "# Memo\n\nFrom: Zorblax Quintrell <zq@example.com>\n\nSubject: the form. Jane Doe agreed.",
    "b_form.md": "# Form\n\nZORBLAX QUINTRELL signed the form.\n\nJane Doe (jane.doe@example.com) filed it.",
    "c_notes.md": "# Notes\n\nJane Doe and Robert Smith met. Smith called (555) 123-4567.\n\n"
    + long_text(3)
    + "\n\nROBERT SMITH agreed with Jane Doe.",
}


def interrupt_after_first_file(container: Container, docs: Path) -> None:
    """Run a job over ``docs`` one file per batch and stop it (an exception) once the first file is stored."""
    container.ingestor.batch_chars = 10

    def crash(p: IngestProgress) -> None:
        if p.files_done >= 1:
            raise RuntimeError("killed")

    with pytest.raises(RuntimeError, match="killed"):
        container.ingestor.run([docs], progress=crash)


def test_chunk_texts_do_not_depend_on_batching(tmp_path: Path, make_container) -> None:  # type: ignore[no-untyped-def]
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in PII_DOCS.items():
        (docs / name).write_text(text)
    texts, vaults = [], []
    for batch_chars in (100_000, 10):  # one batch; one file per batch
        container = make_container(tmp_path / f"home{batch_chars}")
        container.ingestor.batch_chars = batch_chars
        assert container.ingestor.run([docs]).ingested == 3
        texts.append(chunk_texts(container))
        vaults.append(container.vault.stats())
    assert texts[0] == texts[1] and vaults[0] == vaults[1]
    joined = "\n".join(texts[0].values())
    assert "Jane Doe" not in joined and "ROBERT SMITH" not in joined  # propagated within its file
    # Not propagated from another file while the job pseudonymizes (order-independent); the job's final
    # sweep replaces it, with the surrogate the other file's detection made.
    assert "ZORBLAX QUINTRELL" not in joined
    assert container.vault.reveal_text(joined)[0].count("Zorblax Quintrell") >= 2


def test_a_rerun_of_an_interrupted_job_pseudonymizes_against_the_same_vault_state(
    tmp_path: Path, make_container
) -> None:  # type: ignore[no-untyped-def]
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in list(PII_DOCS.items())[:2]:
        (docs / name).write_text(text)
    reference = make_container(tmp_path / "reference")
    reference.ingestor.run([docs])
    container = make_container(tmp_path / "home")
    interrupt_after_first_file(container, docs)
    assert container.vault.find("PERSON", "Zorblax Quintrell")  # stored by the interrupted run
    container.ingestor.run([docs])  # the same job again: the vault state it started with
    assert chunk_texts(container) == chunk_texts(reference)
    assert container.vault.stats() == reference.vault.stats()
    # a later job starts from the vault as it is now: the name found in a_memo.md now propagates
    (docs / "b_form.md").write_text(PII_DOCS["b_form.md"] + "\n\nRevised.")
    container.ingestor.run([docs])
    person = container.vault.find("PERSON", "Zorblax Quintrell")
    assert any(f"{person} signed the form." in t for t in chunk_texts(container).values())


def test_a_job_keeps_its_vault_mark_until_it_finishes(container: Container, docs: Path) -> None:
    # an interrupted run of another job left its mark: this job records its own
    container.catalog.set_state("ingest_job", json.dumps({"key": "another job", "vault_mark": 7}))
    interrupt_after_first_file(container, docs)
    recorded = json.loads(container.catalog.state("ingest_job") or "{}")
    # the job's paths are kept hashed (a path can name a person); the empty vault it started with
    assert str(docs) not in recorded["key"] and len(recorded["key"]) == 64 and recorded["vault_mark"] == 0
    assert container.vault.stats().entries > 0
    container.ingestor.run([docs])
    assert container.catalog.state("ingest_job") is None
    assert_store_matches_catalog(container)


def test_long_text_is_ingested_in_parts(tmp_path: Path, docs: Path, make_container) -> None:
    container = make_container(tmp_path / "home")
    container.ingestor.limits = LoadLimits(max_section_chars=2000)
    (docs / "big.md").write_text(long_text(20))
    container.ingestor.run([docs])
    doc_id = document_id(docs / "big.md")
    nodes = container.vector_store.get_nodes(filters=file_filter(doc_id))
    assert len(nodes) == container.catalog.get(doc_id).chunks > 5
    assert_store_matches_catalog(container)


def test_progress_reports_files_bytes_and_chunks(container: Container, docs: Path) -> None:
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 nope")
    seen: list[IngestProgress] = []
    report = container.ingestor.run([docs], progress=seen.append)
    last = seen[-1]
    total = sum(p.stat().st_size for p in docs.iterdir())
    assert (last.files_total, last.files_done, last.chunks, last.failed) == (4, 4, report.chunks, 1)
    assert last.bytes_total == total and last.bytes_done == total
    assert all(a.files_done <= b.files_done for a, b in zip(seen, seen[1:], strict=False))
    assert last.chunks_per_s > 0 and last.files_per_s > 0 and last.eta_seconds == 0.0
    again: list[IngestProgress] = []
    container.ingestor.run([docs], progress=again.append)
    assert again[-1].files_done == 4 and again[-1].chunks == 0
