"""Readers of Office Open XML spreadsheets (.xlsx, .xlsm: openpyxl, read-only) and slide decks (.pptx).

A spreadsheet gives a section per sheet and block of ``rows_per_section`` rows, cited by sheet name and row
numbers; rows read as in CSV (``Header: value; ...``), formulas as their cached values, hidden sheets too.
A deck gives a section per slide (title, text frames, tables, speaker notes), cited as "slide N".
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ingest.binary_formats import check_package
from ingest.sections import LoadError, LoadLimits, Section, parts
from ingest.text_formats import row_text

Row = tuple[int, list[str]]  # (row number in the sheet, cell texts)


def cell_text(value: Any) -> str:
    """A cell's value as text: whole floats without ``.0``, dates in ISO form, booleans as in Excel."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return " ".join(str(value).split())


class CellBudget:
    """Cells read from one file, against ``limits.max_cells``; each row counts at least one cell."""

    def __init__(self, limits: LoadLimits, what: str) -> None:
        self.left = limits.max_cells
        self.limit = limits.max_cells
        self.what = what

    @classmethod
    def of_workbook(cls, limits: LoadLimits, what: str, sheets: int) -> CellBudget:
        """The budget of a workbook of ``sheets`` sheets; LoadError ``too_large`` above ``max_sheets``."""
        if sheets > limits.max_sheets:
            raise LoadError("too_large", f"{what} has {sheets} sheets, the limit is {limits.max_sheets}")
        return cls(limits, what)

    def spend(self, cells: int) -> None:
        self.left -= max(1, cells)
        if self.left < 0:
            raise LoadError("too_large", f"{self.what} has more than {self.limit} cells (the cell limit)")


def workbook_sections(what: str, sections: list[Section], title: str) -> list[Section]:
    """A workbook's sections, each with the file's title (if any); LoadError ``no_text`` if none."""
    if title:
        for section in sections:
            section.meta["title"] = title
    if not sections:
        raise LoadError("no_text", f"{what} has no values")
    return sections


def sheet_sections(name: str, index: int, rows: Iterable[Row], limits: LoadLimits) -> list[Section]:
    """Sections of one sheet's non-empty rows: the first row with two or more values names the columns
    (rows above it are kept as they are), then ``rows_per_section`` rows per section."""
    header: list[str] | None = None
    preamble: list[Row] = []
    body: list[Row] = []
    for number, cells in rows:
        if not any(cells):
            continue
        if header is None and sum(1 for c in cells if c) >= 2:
            header = cells
            preamble.append((number, [" | ".join(c for c in cells if c)]))
        elif header is None:
            preamble.append((number, cells))
        else:
            body.append((number, cells))
    if header is None:  # no header row: the lines are the data
        body, preamble = preamble, []
        header = []
    size = max(1, limits.rows_per_section)
    blocks = [body[start : start + size] for start in range(0, len(body), size)] or [[]]
    sections: list[Section] = []
    for number, block in enumerate(blocks):
        lines = [" ".join(c for c in cells if c) for _, cells in preamble] if number == 0 else []
        lines += [row_text(header, cells) for _, cells in block]
        rows_of = [n for n, _ in (preamble if number == 0 else []) + block]
        if not rows_of:
            continue
        label = f"{name}, rows {rows_of[0]}-{rows_of[-1]}"
        text = f"Sheet {name} (rows {rows_of[0]}-{rows_of[-1]})\n" + "\n".join(line for line in lines if line)
        sections += parts(text, limits, {"section": label, "sheet": name}, f"s{index}r{rows_of[0]}")
    return sections


# --- spreadsheets --------------------------------------------------------------------------------


def _sheet_rows(sheet: Any, budget: CellBudget) -> Iterator[Row]:
    # The declared dimension would pad every row to its width (a sheet declared A1:XFD1048576 would yield
    # 16384 cells a row): dropped, so rows are as long as their last stored cell.
    sheet.reset_dimensions()
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        budget.spend(len(values))
        yield number, [cell_text(v) for v in values]


_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b")
_SHEET_DATA = re.compile(rb"<(?:\w+:)?sheetData\b")
_BYTES_PER_CELL = 16  # of sheet XML, for the limit on sheets without a dimension record


def check_dimensions(data: bytes, limits: LoadLimits) -> None:
    """Refuse a large worksheet without a ``<dimension>`` record: openpyxl would parse all of its XML once
    just to size it, before a single row is read (and the cell limit could stop anything)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for member in archive.infolist():
            name = member.filename
            if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                continue
            if member.file_size <= limits.max_cells * _BYTES_PER_CELL:
                continue
            with archive.open(member) as handle:
                head = handle.read(64 * 1024)
            data_at = _SHEET_DATA.search(head)
            dimension = _DIMENSION.search(head)
            if dimension is None or (data_at is not None and data_at.start() < dimension.start()):
                raise LoadError(
                    "too_large",
                    f"XLSX sheet {name} has {member.file_size // (1024 * 1024)} MB of XML and no dimension "
                    f"record (more than {limits.max_cells} cells can hold)",
                )


def load_xlsx(path: Path, data: bytes, limits: LoadLimits) -> list[Section]:
    check_package(data, limits, "XLSX", "Excel 97-2003")
    check_dimensions(data, limits)
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except LoadError:
        raise
    except Exception as exc:  # openpyxl raises InvalidFileException, KeyError, XML and zip errors
        raise LoadError("corrupt", f"XLSX cannot be opened: {type(exc).__name__}: {exc}") from exc
    try:
        sheets = workbook.worksheets
        budget = CellBudget.of_workbook(limits, "XLSX", len(sheets))
        sections: list[Section] = []
        for index, sheet in enumerate(sheets, start=1):
            try:
                sections += sheet_sections(sheet.title, index, _sheet_rows(sheet, budget), limits)
            except LoadError:
                raise
            except Exception as exc:
                raise LoadError(
                    "corrupt", f"XLSX sheet {sheet.title!r} cannot be read: {type(exc).__name__}: {exc}"
                ) from exc
        title = " ".join(str(workbook.properties.title or "").split())
    finally:
        workbook.close()
    return workbook_sections("XLSX", sections, title)


# --- slide decks ---------------------------------------------------------------------------------


def _shape_texts(shapes: Iterable[Any], skip: int | None = None) -> Iterator[str]:
    """Texts of shapes in reading order: text frames, tables as ``a | b`` rows, groups recursively; the shape
    with id ``skip`` (the title) left out."""
    for shape in shapes:
        if skip is not None and shape.shape_id == skip:
            continue
        if shape.shape_type is not None and int(shape.shape_type) == 6:  # MSO_SHAPE_TYPE.GROUP
            yield from _shape_texts(shape.shapes)
        elif getattr(shape, "has_table", False) and shape.has_table:
            for row in shape.table.rows:
                cells = [" ".join(c.text.split()) for c in row.cells]
                if any(cells):
                    yield " | ".join(cells)
        elif getattr(shape, "has_text_frame", False) and shape.has_text_frame:
            text = "\n".join(" ".join(p.text.split()) for p in shape.text_frame.paragraphs)
            if text.strip():
                yield text.strip()


def _slide_text(number: int, slide: Any) -> str:
    title_shape = slide.shapes.title
    title = (
        " ".join(title_shape.text.split()) if title_shape is not None and title_shape.has_text_frame else ""
    )
    lines = list(_shape_texts(slide.shapes, skip=title_shape.shape_id if title_shape is not None else None))
    if slide.has_notes_slide:
        notes = slide.notes_slide.notes_text_frame
        if notes is not None and notes.text.strip():
            lines += ["", "Speaker notes: " + notes.text.strip()]
    if not title and not lines:
        return ""
    return "\n".join([f"Slide {number}" + (f": {title}" if title else ""), *lines])


def load_pptx(path: Path, data: bytes, limits: LoadLimits) -> list[Section]:
    check_package(data, limits, "PPTX", "PowerPoint 97-2003")
    from pptx import Presentation

    try:
        deck = Presentation(io.BytesIO(data))
        slides = list(deck.slides)
    except Exception as exc:  # python-pptx raises PackageNotFoundError, KeyError, XML errors...
        raise LoadError("corrupt", f"PPTX cannot be opened: {type(exc).__name__}: {exc}") from exc
    if len(slides) > limits.max_pages:
        raise LoadError("too_large", f"PPTX has {len(slides)} slides, the limit is {limits.max_pages}")
    title = " ".join((deck.core_properties.title or "").split())
    sections: list[Section] = []
    for number, slide in enumerate(slides, start=1):
        try:
            text = _slide_text(number, slide)
        except Exception as exc:
            raise LoadError(
                "corrupt", f"PPTX slide {number} cannot be read: {type(exc).__name__}: {exc}"
            ) from exc
        if not text:
            continue
        sections += slide_sections(number, text, title, limits)
    if not sections:
        raise LoadError("no_text", "PPTX has no text")
    return sections


def slide_sections(number: int, text: str, title: str | None, limits: LoadLimits) -> list[Section]:
    """The sections of one slide of a deck (.pptx, .odp): cited as "slide N", the deck's title kept."""
    meta: dict[str, str | int] = {"section": f"slide {number}", "slide": number}
    if title:
        meta["title"] = title
    return parts(text, limits, meta, f"slide{number}")
