"""Readers of OpenDocument files (odfdo): text (.odt), spreadsheets (.ods) and presentations (.odp).

.odt reads as one text (paragraphs, headings, tables as ``a | b`` rows); .ods as .xlsx does (a section per
sheet and block of rows, the displayed values, repeated cells expanded within the cell limit); .odp gives a
section per slide with its speaker notes, cited as "slide N".
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ingest.binary_formats import check_package
from ingest.office_formats import CellBudget, Row, sheet_sections, slide_sections, workbook_sections
from ingest.sections import LoadError, LoadLimits, Section, parts

_PARAGRAPHS = {"text:p", "text:h"}
_SKIPPED = {"text:tracked-changes", "text:sequence-decls", "table:shapes", "office:forms"}
_CELLS = {"table:table-cell", "table:covered-table-cell"}
_ROW_GROUPS = {"table:table-row-group", "table:table-header-rows", "table:table-rows"}


def _open(data: bytes, limits: LoadLimits, what: str) -> tuple[Any, str]:
    """The document's body element and its title; LoadError when encrypted, a zip bomb or unreadable."""
    check_package(data, limits, what, "StarOffice")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            manifest = archive.read("META-INF/manifest.xml")
        except KeyError:
            manifest = b""
    if b"encryption-data" in manifest:
        raise LoadError("encrypted", f"{what} is encrypted (password protected)")
    from odfdo import Document

    try:
        document = Document(io.BytesIO(data))
        body = document.body
    except RecursionError:
        raise
    except Exception as exc:  # zip and XML errors, a missing content.xml...
        raise LoadError("corrupt", f"{what} cannot be opened: {type(exc).__name__}: {exc}") from exc
    try:
        title = " ".join(str(document.meta.get_title() or "").split())
    except Exception:  # a damaged meta.xml only loses the title
        title = ""
    return body, title


def _elements(node: Any) -> list[Any]:
    return node.children


def _attribute(element: Any, name: str, default: str = "") -> str:
    value = element.get_attribute(name)
    return default if value is None else str(value)


def _text(element: Any) -> str:
    return " ".join(element.inner_text.split())


def _blocks(node: Any) -> Iterator[str]:
    """Paragraphs and headings in order; a table's rows as ``a | b``."""
    for element in _elements(node):
        if element.tag in _PARAGRAPHS:
            text = _text(element)
            if text:
                yield text
        elif element.tag == "table:table-row":
            cells = [_text(c) for c in _elements(element) if c.tag in _CELLS]
            if any(cells):
                yield " | ".join(c for c in cells if c)
        elif element.tag not in _SKIPPED:
            yield from _blocks(element)


def load_odt(path: Path, data: bytes, limits: LoadLimits) -> list[Section]:
    body, title = _open(data, limits, "ODT")
    text = "\n\n".join(_blocks(body))
    if not text.strip():
        raise LoadError("no_text", "ODT has no text")
    return parts(text, limits, {"title": title} if title else {})


# --- spreadsheets --------------------------------------------------------------------------------


def _repeat(element: Any, name: str) -> int:
    try:
        return max(1, int(_attribute(element, f"table:{name}", "1")))
    except ValueError:
        return 1


def _table_rows(node: Any) -> Iterator[Any]:
    """``table:table-row`` elements of a sheet, inside row groups and header rows too."""
    for element in _elements(node):
        if element.tag == "table:table-row":
            yield element
        elif element.tag in _ROW_GROUPS:
            yield from _table_rows(element)


def _row_cells(row: Any, budget: CellBudget) -> list[str]:
    cells: list[str] = []
    empty = 0  # empty cells not written out until a value follows: a row ends with 16384 of them
    for cell in _elements(row):
        if cell.tag not in _CELLS:
            continue
        repeated = _repeat(cell, "number-columns-repeated")
        text = _text(cell)
        if not text:
            empty += repeated
            continue
        budget.spend(empty + repeated)
        cells += [""] * empty + [text] * repeated
        empty = 0
    return cells


def _sheet_rows(sheet: Any, budget: CellBudget) -> Iterator[Row]:
    number = 0
    for row in _table_rows(sheet):
        repeated = _repeat(row, "number-rows-repeated")
        cells = _row_cells(row, budget)
        if not any(cells):  # empty rows (a sheet ends with a million of them, as one element) are skipped
            budget.spend(1)
            number += repeated
            continue
        for copy in range(repeated):  # the first copy was counted as its cells were read
            number += 1
            if copy:
                budget.spend(len(cells))
            yield number, cells


def load_ods(path: Path, data: bytes, limits: LoadLimits) -> list[Section]:
    body, title = _open(data, limits, "ODS")
    sheets = [element for element in _elements(body) if element.tag == "table:table"]
    budget = CellBudget.of_workbook(limits, "ODS", len(sheets))
    sections: list[Section] = []
    for index, sheet in enumerate(sheets, start=1):
        name = _attribute(sheet, "table:name") or f"Sheet{index}"
        sections += sheet_sections(name, index, _sheet_rows(sheet, budget), limits)
    return workbook_sections("ODS", sections, title)


# --- presentations -------------------------------------------------------------------------------


def _slide_parts(node: Any, lines: list[str], notes: list[str], titles: list[str]) -> None:
    """A slide's texts: its title frame's, its speaker notes' and the others (in ``lines``)."""
    for element in _elements(node):
        if element.tag == "presentation:notes":
            notes += _blocks(element)
        elif element.tag == "draw:frame" and _attribute(element, "presentation:class") == "title":
            titles += _blocks(element)
        elif element.tag in _PARAGRAPHS:
            text = _text(element)
            if text:
                lines.append(text)
        elif element.tag == "table:table":
            lines += _blocks(element)
        else:
            _slide_parts(element, lines, notes, titles)


def load_odp(path: Path, data: bytes, limits: LoadLimits) -> list[Section]:
    body, title = _open(data, limits, "ODP")
    slides = [element for element in _elements(body) if element.tag == "draw:page"]
    if len(slides) > limits.max_pages:
        raise LoadError("too_large", f"ODP has {len(slides)} slides, the limit is {limits.max_pages}")
    sections: list[Section] = []
    for number, slide in enumerate(slides, start=1):
        lines: list[str] = []
        notes: list[str] = []
        titles: list[str] = []
        _slide_parts(slide, lines, notes, titles)
        if not (lines or notes or titles):
            continue
        heading = f"Slide {number}" + (f": {' '.join(titles)}" if titles else "")
        text = "\n".join([heading, *lines] + (["", "Speaker notes: " + " ".join(notes)] if notes else []))
        sections += slide_sections(number, text, title, limits)
    if not sections:
        raise LoadError("no_text", "ODP has no text")
    return sections
