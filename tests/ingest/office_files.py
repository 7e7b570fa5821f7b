"""Real documents for the format tests, written by the libraries that write them (openpyxl, python-pptx,
odfpy, Pillow), and the OCR requirement: skip without Tesseract, fail under CI=true."""

from __future__ import annotations

import io
import os
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def need_ocr() -> None:
    """Skip (locally) or fail (CI=true) when Tesseract with English data or the DejaVu font is missing."""
    missing = []
    if shutil.which("tesseract") is None:
        missing.append("tesseract (apt-get install -y tesseract-ocr tesseract-ocr-eng)")
    if not FONT.is_file():
        missing.append(f"{FONT} (apt-get install -y fonts-dejavu-core)")
    if not missing:
        return
    reason = "OCR tests need " + " and ".join(missing)
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(f"{reason} (CI=true: .ci/run must install them)")
    pytest.skip(reason)


def xlsx(sheets: dict[str, list[list[Any]]], hidden: tuple[str, ...] = (), title: str = "") -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if name in hidden:
            sheet.sheet_state = "hidden"
    if title:
        workbook.properties.title = title
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def with_cached_values(data: bytes, sheet: int, values: dict[str, str]) -> bytes:
    """The workbook with a cached value stored after the formula of the given cells, as Excel saves them
    (openpyxl writes formulas without their values)."""
    member = f"xl/worksheets/sheet{sheet}.xml"
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == member:
                text = content.decode()
                for ref, value in values.items():
                    text = re.sub(
                        rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)(<v>\s*</v>|<v/>)?', rf"\1\2<v>{value}</v>", text
                    )
                content = text.encode()
            target.writestr(item, content)
    return out.getvalue()


def add_slides(deck: Any, slides: list[dict[str, Any]], table_height: float = 2.0) -> None:
    """Add slides of ``{"title": str, "body": [str], "table": [[str]], "notes": str}`` to a python-pptx
    ``Presentation`` (tables ``table_height`` inches high). data/make_sample_office.py writes the sample deck
    with it too."""
    from pptx.util import Inches

    for spec in slides:
        slide = deck.slides.add_slide(deck.slide_layouts[5 if "table" in spec else 1])
        slide.shapes.title.text = spec.get("title", "")
        if "body" in spec:
            frame = slide.placeholders[1].text_frame
            frame.text = spec["body"][0]
            for line in spec["body"][1:]:
                frame.add_paragraph().text = line
        if "table" in spec:
            rows = spec["table"]
            table = slide.shapes.add_table(
                len(rows), len(rows[0]), Inches(1), Inches(2), Inches(8), Inches(table_height)
            ).table
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
        if "notes" in spec:
            slide.notes_slide.notes_text_frame.text = spec["notes"]


def pptx(slides: list[dict[str, Any]], title: str = "") -> bytes:
    """Slides of ``{"title": str, "body": [str], "table": [[str]], "notes": str}``."""
    from pptx import Presentation

    deck = Presentation()
    add_slides(deck, slides)
    if title:
        deck.core_properties.title = title
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _odf_bytes(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt(
    paragraphs: list[str], heading: str = "", table: list[list[str]] | None = None, title: str = ""
) -> bytes:
    from odfdo import Document, Header, Paragraph, Table

    document = Document("text")
    if heading:
        document.body.append(Header(1, heading))
    for paragraph in paragraphs:
        document.body.append(Paragraph(paragraph))
    if table:
        grid = Table("Table1")
        grid.set_values(table)
        document.body.append(grid)
    if title:
        document.meta.set_title(title)
    return _odf_bytes(document)


def ods(sheets: dict[str, list[list[str]]], repeat_empty_rows: int = 0, repeat_columns: int = 0) -> bytes:
    """A spreadsheet; each row may end with a run of repeated empty cells, each sheet with empty rows."""
    from odfdo import Cell, Document, Row, Table

    document = Document("spreadsheet")
    document.body.clear()
    for name, rows in sheets.items():
        table = Table(name)
        for values in rows:
            row = Row()
            for value in values:
                row.append(Cell(value))
            if repeat_columns:
                row.append(Cell(repeated=repeat_columns))
            table.append(row)
        if repeat_empty_rows:
            empty = Row(repeated=repeat_empty_rows)
            empty.append(Cell(repeated=1024))
            table.append(empty)
        document.body.append(table)
    return _odf_bytes(document)


def odp(slides: list[tuple[str, list[str], str]]) -> bytes:
    """Slides of (title, lines, speaker notes)."""
    from odfdo import Document, DrawPage, Frame, Paragraph
    from odfdo.presentation_notes import PresentationNotes

    document = Document("presentation")
    document.body.clear()
    for number, (title, lines, notes) in enumerate(slides, start=1):
        page = DrawPage(f"page{number}", name=f"Slide {number}")
        page.append(
            Frame.text_frame(title, size=("20cm", "3cm"), position=("1cm", "1cm"), presentation_class="title")
        )
        page.append(
            Frame.text_frame(
                [Paragraph(line) for line in lines], size=("20cm", "10cm"), position=("1cm", "5cm")
            )
        )
        if notes:
            holder = PresentationNotes()
            holder.append(Frame.text_frame(notes, size=("20cm", "10cm"), position=("1cm", "1cm")))
            page.append(holder)
        document.body.append(page)
    return _odf_bytes(document)


def document_image(lines: list[str], size: tuple[int, int] = (1700, 1100), font_size: int = 40) -> Any:
    """A Pillow image of a typed page: black text on white, in DejaVu Sans."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), font_size)
    y = 80
    for line in lines:
        draw.text((90, y), line, fill=0, font=font)
        y += int(font_size * 1.8)
    return image


def image_bytes(image: Any, fmt: str, **options: Any) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def replace_member(data: bytes, member: str, content: Any, compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    """The zip with ``member`` replaced by ``content`` (bytes, or an iterable of byte chunks, streamed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", compress) as target:
        for item in source.infolist():
            if item.filename != member:
                target.writestr(item, source.read(item.filename))
        if isinstance(content, bytes):
            target.writestr(member, content)
        else:
            with target.open(member, "w", force_zip64=True) as handle:
                for chunk in content:
                    handle.write(chunk)
    return out.getvalue()


def add_member(data: bytes, member: str, content: bytes) -> bytes:
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, content)
    return buffer.getvalue()


def empty_cells_sheet(rows: int, columns: int, dimension: bool = True) -> Any:
    """Chunks of a worksheet's XML holding ``rows`` x ``columns`` empty (formatted) cells, as a spreadsheet
    formatted down to its last row leaves them; with the dimension record Excel writes, or without."""
    last = f"{chr(ord('A') + columns - 1)}{rows}".encode()
    yield (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + (b'<dimension ref="A1:' + last + b'"/>' if dimension else b"")
        + b"<sheetData>"
    )
    row = b"<row>" + b'<c s="1"/>' * columns + b"</row>"
    block = 10_000
    for _ in range(rows // block):
        yield row * block
    yield row * (rows % block)
    yield b"</sheetData></worksheet>"


def encrypted(data: bytes, password: str = "secret") -> bytes:
    """An OOXML file (.xlsx, .pptx, .docx) protected by a password as Office does it (msoffcrypto-tool)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt(password, out)
    return out.getvalue()


def docx_like_zip() -> bytes:
    """A valid zip that is no Office or OpenDocument package."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not an office document")
    return buffer.getvalue()


def member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)
