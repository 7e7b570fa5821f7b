"""Spreadsheets (.xlsx, .xlsm) and slide decks (.pptx) written by openpyxl and python-pptx in the tests."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from ingest.loaders import LoadLimits
from tests.ingest import office_files as files
from tests.ingest.loading import load
from tests.ingest.loading import load_error as error

IBAN = "DE89 3704 0044 0532 0130 00"


def staff_workbook() -> bytes:
    data = files.xlsx(
        {
            "Staff": [
                ["Staff list 2025"],
                [],
                ["Name", "Email", "Salary", "Start", "Annual"],
                ["Margaret Thompson", "m.thompson@example.com", 52000, dt.date(2021, 3, 1), "=C4*12"],
                ["Oscar Lindahl", None, 4100.5, dt.date(2019, 11, 15), "=C5*12"],
            ],
            "Payroll": [["Employee", "IBAN"], ["Margaret Thompson", IBAN]],
        },
        hidden=("Payroll",),
        title="HR staff",
    )
    return files.with_cached_values(data, 1, {"E4": "624000", "E5": "49206"})


def test_xlsx_rows_read_as_in_csv_with_cached_formula_values_and_hidden_sheets() -> None:
    sections = load("staff.xlsx", staff_workbook())
    staff, payroll = sections
    assert staff.meta == {"section": "Staff, rows 1-5", "sheet": "Staff", "title": "HR staff"}
    lines = staff.text.splitlines()
    assert lines[0] == "Sheet Staff (rows 1-5)" and lines[1] == "Staff list 2025"
    assert (
        "Name: Margaret Thompson; Email: m.thompson@example.com; Salary: 52000; Start: 2021-03-01; "
        "Annual: 624000" in lines
    )
    assert "Name: Oscar Lindahl; Salary: 4100.5; Start: 2019-11-15; Annual: 49206" in lines
    assert "=C4*12" not in staff.text  # the cached value, never the formula
    assert payroll.meta["section"] == "Payroll, rows 1-2"  # a hidden sheet is read
    assert f"Employee: Margaret Thompson; IBAN: {IBAN}" in payroll.text


def test_xlsm_reads_like_xlsx() -> None:
    assert [s.meta["section"] for s in load("macros.xlsm", staff_workbook())] == [
        "Staff, rows 1-5",
        "Payroll, rows 1-2",
    ]


def test_xlsx_sections_are_blocks_of_rows_cited_by_row_numbers() -> None:
    rows = [["Ticket", "Owner"]] + [[f"T-{n}", f"owner {n}"] for n in range(1, 8)]
    sections = load("tickets.xlsx", files.xlsx({"Open": rows}), LoadLimits(rows_per_section=3))
    assert [s.meta["section"] for s in sections] == ["Open, rows 1-4", "Open, rows 5-7", "Open, rows 8-8"]
    assert len({s.key for s in sections}) == 3  # chunk ids stay unique
    assert sections[1].text.splitlines()[1:] == ["Ticket: T-4; Owner: owner 4", "Ticket: T-5; Owner: owner 5",
                                                 "Ticket: T-6; Owner: owner 6"]  # fmt: skip


def test_xlsx_declaring_the_whole_grid_reads_only_its_stored_cells() -> None:
    data = files.xlsx({"S": [["Name", "Team"], ["Ada", "Data"]]})
    xml = files.member(data, "xl/worksheets/sheet1.xml").decode()
    xml = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:XFD1048576"/>', xml)
    sections = load("grid.xlsx", files.replace_member(data, "xl/worksheets/sheet1.xml", xml.encode()))
    assert sections[0].text.splitlines()[-1] == "Name: Ada; Team: Data"


def test_xlsx_sheet_and_cell_limits() -> None:
    data = files.xlsx({f"S{n}": [["a", "b"], ["1", "2"]] for n in range(4)})
    assert error("many.xlsx", data, LoadLimits(max_sheets=3)).kind == "too_large"
    rows = [[f"r{n}c{m}" for m in range(10)] for n in range(30)]
    big = files.xlsx({"S": rows})
    assert error("cells.xlsx", big, LoadLimits(max_cells=250)).kind == "too_large"
    assert len(load("cells.xlsx", big, LoadLimits(max_cells=300))) == 1


def test_ten_million_empty_cells_are_refused_by_the_cell_limit() -> None:
    sheet = files.empty_cells_sheet(rows=1_000_000, columns=10)
    data = files.replace_member(files.xlsx({"S": [["x"]]}), "xl/worksheets/sheet1.xml", sheet)
    assert error("formatted.xlsx", data).kind in {"zip_bomb", "too_large"}  # 110 MB of XML compressed 700:1
    # With the zip checks relaxed, the cell limit stops the parse after 100,000 cells (not 10 million).
    relaxed = LoadLimits(max_compression_ratio=1e9, max_cells=100_000)
    failure = error("formatted.xlsx", data, relaxed)
    assert failure.kind == "too_large" and "more than 100000 cells" in str(failure)


def test_a_large_sheet_without_a_dimension_record_is_refused_before_parsing() -> None:
    sheet = files.empty_cells_sheet(rows=100_000, columns=10, dimension=False)
    data = files.replace_member(files.xlsx({"S": [["x"]]}), "xl/worksheets/sheet1.xml", sheet)
    failure = error("nodim.xlsx", data, LoadLimits(max_compression_ratio=1e9, max_cells=100_000))
    assert failure.kind == "too_large" and "no dimension record" in str(failure)
    small = files.empty_cells_sheet(rows=1000, columns=10, dimension=False)  # sized by openpyxl's scan
    data = files.replace_member(files.xlsx({"S": [["x"]]}), "xl/worksheets/sheet1.xml", small)
    assert error("nodim.xlsx", data, LoadLimits(max_cells=100_000)).kind == "no_text"  # only empty cells


@pytest.mark.parametrize("name", ["payroll.xlsx", "deck.pptx"])
def test_password_protected_office_files_are_encrypted(name: str) -> None:
    plain = files.xlsx({"S": [["a", "b"]]}) if name.endswith("xlsx") else files.pptx([{"title": "Hi"}])
    assert error(name, files.encrypted(plain)).kind == "encrypted"


@pytest.mark.parametrize("name", ["bomb.xlsx", "bomb.pptx"])
def test_zip_bombs_inside_office_files(name: str) -> None:
    plain = files.xlsx({"S": [["a", "b"]]}) if name.endswith("xlsx") else files.pptx([{"title": "Hi"}])
    assert (
        error(name, files.add_member(plain, "xl/media/zeros.bin", bytes(8 * 1024 * 1024))).kind == "zip_bomb"
    )


@pytest.mark.parametrize("name", ["broken.xlsx", "broken.pptx"])
def test_corrupt_office_files(name: str) -> None:
    assert error(name, b"PK\x03\x04 not really a zip").kind == "corrupt"
    assert error(name, files.docx_like_zip()).kind == "corrupt"  # a zip without the parts


def test_legacy_binary_file_renamed_is_unsupported() -> None:
    legacy = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000) + "Workbook".encode("utf-16-le")
    assert error("old.xlsx", legacy).kind == "unsupported"


def test_pptx_a_section_per_slide_with_title_text_tables_and_notes() -> None:
    deck = files.pptx(
        [
            {"title": "Q3 pipeline", "body": ["Three deals closing", "Owner: Margaret Thompson"],
             "notes": "Mention the Lindahl renewal"},
            {"title": "Contacts", "table": [["Name", "Phone"], ["Oscar Lindahl", "+1 503 555 0161"]]},
            {"title": ""},  # an empty slide: no section
            {"title": "Thank you"},
        ],
        title="Sales review",
    )  # fmt: skip
    sections = load("sales.pptx", deck)
    assert [s.meta["section"] for s in sections] == ["slide 1", "slide 2", "slide 4"]
    assert [s.meta["slide"] for s in sections] == [1, 2, 4]
    assert all(s.meta["title"] == "Sales review" for s in sections)
    first, contacts, last = (s.text for s in sections)
    assert first.splitlines() == [
        "Slide 1: Q3 pipeline",
        "Three deals closing",
        "Owner: Margaret Thompson",
        "",
        "Speaker notes: Mention the Lindahl renewal",
    ]
    assert "Name | Phone\nOscar Lindahl | +1 503 555 0161" in contacts
    assert last == "Slide 4: Thank you"
