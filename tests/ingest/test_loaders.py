"""File loaders: encodings, PDF, DOCX, and a clear LoadError kind for every unusable file."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter

from ingest.loaders import LoadError, LoadLimits, decode_text
from tests.ingest.loading import load, load_error

SAMPLE_PDF = Path(__file__).resolve().parents[2] / "data" / "sample" / "employee_handbook.pdf"
LIMITS = LoadLimits()


def pdf_bytes(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def docx_bytes(document) -> bytes:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


TEXT = "The café on the corner serves lunch to the whole office every weekday."


@pytest.mark.parametrize(
    "encoded",
    [
        pytest.param(TEXT.encode("utf-8"), id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), id="utf-8-bom"),
        pytest.param(TEXT.encode("utf-16"), id="utf-16-bom"),
        pytest.param(b"\xfe\xff" + TEXT.encode("utf-16-be"), id="utf-16-be-bom"),
    ],
)
def test_text_encodings(encoded: bytes) -> None:
    (section,) = load("notes.txt", encoded)
    assert section.text == TEXT
    assert section.meta == {}


def test_cp1252_text() -> None:
    data = b"caf\xe9 au lait is served every morning in the office kitchen for everyone."
    (section,) = load("legacy.txt", data)
    assert section.text == "café au lait is served every morning in the office kitchen for everyone."


def test_cp1252_text_with_more_accents() -> None:
    text = "The café serves crème brûlée to naïve guests every day of the week."
    (section,) = load("legacy.txt", text.encode("cp1252"))
    assert section.text == text


def test_markdown_is_loaded_as_text() -> None:
    (section,) = load("README.MD", b"# Title\n\nSome *markdown* text.\n")
    assert section.text == "# Title\n\nSome *markdown* text.\n"


def test_pdf_with_text_has_one_section_per_page() -> None:
    sections = load("handbook.pdf", SAMPLE_PDF.read_bytes())
    pages = len(PdfReader(SAMPLE_PDF).pages)
    assert [s.meta["page"] for s in sections] == list(range(1, pages + 1))
    assert all(s.text.strip() for s in sections)
    assert "Employee Handbook" in sections[0].text


def test_pdf_page_limit() -> None:
    error = load_error("handbook.pdf", SAMPLE_PDF.read_bytes(), LoadLimits(max_pages=1))
    assert error.kind == "too_large"


def test_blank_pdf_has_no_text() -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    assert load_error("scan.pdf", pdf_bytes(writer)).kind == "no_text"


def test_password_protected_pdf_is_refused() -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt("secret")
    error = load_error("locked.pdf", pdf_bytes(writer))
    assert error.kind == "encrypted"


def test_pdf_encrypted_with_an_empty_user_password_is_read() -> None:
    writer = PdfWriter(clone_from=PdfReader(SAMPLE_PDF))
    writer.encrypt(user_password="", owner_password="owner-secret")
    sections = load("restricted.pdf", pdf_bytes(writer))
    assert sections and sections[0].meta["page"] == 1


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"this is not a pdf at all", id="text"),
        pytest.param(b"%PDF-1.4\n garbage garbage\n%%EOF", id="bad-xref"),
        pytest.param(SAMPLE_PDF.read_bytes()[:2000], id="truncated"),
    ],
)
def test_corrupt_pdf(data: bytes) -> None:
    assert load_error("broken.pdf", data).kind == "corrupt"


def test_docx_paragraphs_and_tables() -> None:
    document = docx.Document()
    document.add_paragraph("Benefits start on the first day.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Plan"
    table.cell(0, 1).text = "Monthly cost"
    table.cell(1, 0).text = "Gold"
    table.cell(1, 1).text = "$120"
    (section,) = load("benefits.docx", docx_bytes(document))
    assert "Benefits start on the first day." in section.text
    assert "Plan | Monthly cost" in section.text
    assert "Gold | $120" in section.text


def test_docx_without_text_is_empty() -> None:
    assert load_error("blank.docx", docx_bytes(docx.Document())).kind == "empty"


@pytest.mark.parametrize("data", [b"not a zip file", b"PK\x03\x04truncated zip"], ids=["text", "bad-zip"])
def test_corrupt_docx(data: bytes) -> None:
    assert load_error("broken.docx", data).kind == "corrupt"


def test_zip_that_is_not_a_docx_is_corrupt() -> None:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    assert load_error("fake.docx", buffer.getvalue()).kind == "corrupt"


@pytest.mark.parametrize("name", ["empty.txt", "empty.md", "empty.pdf", "empty.docx"])
def test_empty_file(name: str) -> None:
    assert load_error(name, b"").kind == "empty"


def test_whitespace_only_text_is_empty() -> None:
    assert load_error("blank.txt", b"  \n\t\r\n ").kind == "empty"


@pytest.mark.parametrize("name", ["sheet.xls", "archive.zip", "Makefile", "drawing.vsdx", "image.webp"])
def test_unsupported_suffix(name: str) -> None:
    error = load_error(name, b"some content")
    assert error.kind == "unsupported"


def test_suffix_is_case_insensitive() -> None:
    assert load("NOTES.TXT", b"plain text")[0].text == "plain text"


def test_too_large() -> None:
    error = load_error("big.txt", b"x" * 20, LoadLimits(max_bytes=10))
    assert error.kind == "too_large"
    assert "10" in str(error)
    assert load("ok.txt", b"x" * 10, LoadLimits(max_bytes=10))[0].text == "x" * 10


def test_binary_junk_in_text_file_is_undecodable() -> None:
    assert load_error("junk.txt", bytes(range(256)) * 8).kind == "undecodable"


def test_decode_text_of_blank_bytes_is_empty() -> None:
    with pytest.raises(LoadError) as info:
        decode_text(b"   ")
    assert info.value.kind == "empty"
