"""OCR by Tesseract of images and image-only PDF pages, drawn in the tests with Pillow (DejaVu Sans).

Tests that run Tesseract skip when it is missing, and fail instead under CI=true (.ci/run installs it).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from ingest.loaders import LoadLimits
from ingest.ocr import clean_ocr_text
from tests.ingest import office_files as files
from tests.ingest.loading import load
from tests.ingest.loading import load_error as error

SAMPLE_PDF = Path(__file__).resolve().parents[2] / "data" / "sample" / "employee_handbook.pdf"
LINES = [
    "Payment form",
    "Name: Margaret Thompson",
    "Email: m.thompson@example.com",
    "IBAN: GB82 WEST 1234 5698 7654 32",
]


def lines_of(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def scanned_pdf(pages: list[list[str]], text_first: bool = False) -> bytes:
    """A PDF of page images (as a scanner writes them), after one page with a text layer if asked."""
    writer = PdfWriter()
    if text_first:
        writer.add_page(PdfReader(SAMPLE_PDF).pages[0])
    for lines in pages:
        image = files.document_image(lines).convert("RGB")
        writer.append(PdfReader(io.BytesIO(files.image_bytes(image, "PDF", resolution=150))))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "fmt"), [("form.png", "PNG"), ("form.jpg", "JPEG"), ("form.tiff", "TIFF")])
def test_image_text_is_read_by_ocr(name: str, fmt: str) -> None:
    files.need_ocr()
    (section,) = load(name, files.image_bytes(files.document_image(LINES), fmt))
    assert lines_of(section.text) == LINES
    assert section.meta == {"page": 1, "ocr": "tesseract"}


def test_multi_page_tiff_gives_a_section_per_page() -> None:
    files.need_ocr()
    first, second = (
        files.document_image(["Page one: contract"]),
        files.document_image(["Page two: signatures"]),
    )
    data = files.image_bytes(first, "TIFF", save_all=True, append_images=[second])
    sections = load("contract.tif", data)
    assert [(s.meta["page"], s.text) for s in sections] == [
        (1, "Page one: contract"),
        (2, "Page two: signatures"),
    ]


def test_scanned_pdf_page_is_read_by_ocr_and_a_text_page_keeps_its_layer() -> None:
    files.need_ocr()
    sections = load("signed.pdf", scanned_pdf([LINES], text_first=True))
    assert [s.meta.get("page") for s in sections] == [1, 2]
    assert "ocr" not in sections[0].meta and "Welcome" in sections[0].text  # the text layer, not OCR
    assert sections[1].meta["ocr"] == "tesseract" and lines_of(sections[1].text) == LINES


def test_ocr_time_limit_per_page() -> None:
    files.need_ocr()
    failure = error(
        "slow.png", files.image_bytes(files.document_image(LINES), "PNG"), LoadLimits(ocr_page_seconds=0.001)
    )
    assert failure.kind == "ocr_timeout" and "page 1" in str(failure)


def test_without_tesseract_scans_are_ocr_unavailable_with_how_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    image = files.image_bytes(files.document_image(["x"], size=(200, 100)), "PNG")
    assert error("off.png", image, LoadLimits(ocr=False)).kind == "ocr_unavailable"
    monkeypatch.setenv("PATH", "/nonexistent")  # no tesseract on the PATH
    failure = error("scan.png", image)
    assert failure.kind == "ocr_unavailable" and "apt-get install -y tesseract-ocr" in str(failure)
    assert error("scan.pdf", scanned_pdf([["x"]])).kind == "ocr_unavailable"


def test_missing_language_data_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    files.need_ocr()
    image = files.image_bytes(files.document_image(["x"], size=(200, 100)), "PNG")
    failure = error("scan.png", image, LoadLimits(ocr_languages="eng+xyz"))
    assert failure.kind == "ocr_unavailable" and "tesseract-ocr-xyz" in str(failure)


def test_bad_images() -> None:
    assert error("fake.png", b"this is a text file named .png").kind == "corrupt"
    png = files.image_bytes(files.document_image(["x"], size=(200, 100)), "PNG")
    assert error("cut.png", png[: len(png) // 2]).kind == "corrupt"
    assert error("huge.png", png, LoadLimits(max_image_pixels=10_000)).kind == "too_large"
    tiff = files.image_bytes(files.document_image(["x"], size=(50, 50)), "TIFF", save_all=True,
                             append_images=[files.document_image(["y"], size=(50, 50))] * 3)  # fmt: skip
    assert error("pages.tif", tiff, LoadLimits(max_pages=2)).kind == "too_large"


def test_blank_image_has_no_text() -> None:
    files.need_ocr()
    assert (
        error("blank.png", files.image_bytes(files.document_image([], size=(400, 300)), "PNG")).kind
        == "no_text"
    )


def test_ocr_output_cleaned() -> None:
    assert clean_ocr_text("Line one  \n\n\n\nLine two\n\f") == "Line one\n\nLine two"
