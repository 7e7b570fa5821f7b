"""DOCX zip checks (zip bombs, encrypted and legacy files) and PDF titles, built in the tests."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from ingest.binary_formats import check_zip
from ingest.loaders import LoadError, LoadLimits
from tests.ingest.loading import load, load_error

SAMPLE_PDF = Path(__file__).resolve().parents[2] / "data" / "sample" / "employee_handbook.pdf"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def kind(name: str, data: bytes, limits: LoadLimits | None = None) -> str:
    return load_error(name, data, limits).kind


def docx_bytes(text: str = "Desks are booked through the portal.", title: str = "") -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    document.core_properties.title = title
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def with_member(data: bytes, name: str, payload: bytes, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr(zipfile.ZipInfo(name), payload, compress_type=method)
    return buffer.getvalue()


def test_docx_title_from_core_properties() -> None:
    (section,) = load("desks.docx", docx_bytes(title="Desk Booking"))
    assert section.meta == {"title": "Desk Booking"}
    assert section.text == "Desks are booked through the portal."


def test_docx_with_a_highly_compressed_member_is_a_zip_bomb() -> None:
    bomb = with_member(docx_bytes(), "word/media/image1.bin", bytes(8 * 1024 * 1024))
    assert len(bomb) < 100_000  # 8 MB of zeros deflate to a few KB: ratio ~1000:1
    with pytest.raises(LoadError) as info:
        load("bomb.docx", bomb)
    assert info.value.kind == "zip_bomb" and "compressed" in str(info.value)


def test_docx_whose_declared_size_exceeds_the_limit_is_a_zip_bomb() -> None:
    big = with_member(docx_bytes(), "word/media/noise.bin", os.urandom(300_000), zipfile.ZIP_STORED)
    assert kind("big.docx", big, LoadLimits(max_decompressed_bytes=200_000)) == "zip_bomb"
    assert load("big.docx", big)[0].text  # within the default limit it is read


def test_docx_with_too_many_members_is_a_zip_bomb() -> None:
    data = docx_bytes()
    for i in range(5):
        data = with_member(data, f"extra/item{i}.xml", b"<x/>")
    assert kind("many.docx", data, LoadLimits(max_archive_members=10)) == "zip_bomb"


def test_check_zip_accepts_an_ordinary_docx() -> None:
    check_zip(docx_bytes(), LoadLimits())


def test_encrypted_office_document_is_reported_as_encrypted() -> None:
    data = OLE + b"\x00" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 500
    assert kind("locked.docx", data) == "encrypted"


def test_legacy_word_file_named_docx_is_unsupported() -> None:
    assert kind("old.docx", OLE + b"\x00" * 2000 + "WordDocument".encode("utf-16-le")) == "unsupported"


def test_pdf_title_from_its_metadata() -> None:
    writer = PdfWriter(clone_from=PdfReader(SAMPLE_PDF))
    writer.add_metadata({"/Title": "Staff  Handbook"})
    buffer = io.BytesIO()
    writer.write(buffer)
    sections = load("handbook.pdf", buffer.getvalue())
    assert {s.meta["title"] for s in sections} == {"Staff Handbook"}
    assert [s.key for s in sections] == [s.meta["page"] for s in sections]


def test_long_pdf_page_is_cut_into_parts_with_distinct_keys() -> None:
    sections = load("handbook.pdf", SAMPLE_PDF.read_bytes(), LoadLimits(max_section_chars=400))
    first_page = [s for s in sections if s.meta["page"] == 1]
    assert len(first_page) > 1
    assert [s.key for s in first_page] == [f"1.{n}" for n in range(1, len(first_page) + 1)]
    assert all(len(s.text) <= 400 for s in sections)
