"""OpenDocument text, spreadsheets and presentations written by odfdo in the tests."""

from __future__ import annotations

import pytest

from ingest.loaders import LoadLimits
from tests.ingest import office_files as files
from tests.ingest.loading import load
from tests.ingest.loading import load_error as error


def test_odt_paragraphs_headings_and_tables_in_order() -> None:
    data = files.odt(
        ["Dear Ms. Thompson,", "your contract starts on 1 March."],
        heading="Offer letter",
        table=[["Salary", "52,000"], ["Desk", "4.12"]],
        title="Offer",
    )
    (section,) = load("offer.odt", data)
    assert section.text.split("\n\n") == [
        "Offer letter",
        "Dear Ms. Thompson,",
        "your contract starts on 1 March.",
        "Salary | 52,000",
        "Desk | 4.12",
    ]
    assert section.meta == {"title": "Offer"}


def test_ods_rows_like_a_spreadsheet_with_repeated_empty_cells_and_rows_cheap() -> None:
    data = files.ods(
        {"Staff": [["Name", "Email"], ["Oscar Lindahl", "oscar@example.com"]], "Empty": []},
        repeat_empty_rows=1_048_000,  # as LibreOffice ends a sheet: one element for a million rows
        repeat_columns=16_000,  # and every row with its empty cells up to the last column
    )
    (section,) = load("staff.ods", data)
    assert section.meta == {"section": "Staff, rows 1-2", "sheet": "Staff"}
    assert section.text.splitlines() == [
        "Sheet Staff (rows 1-2)",
        "Name | Email",
        "Name: Oscar Lindahl; Email: oscar@example.com",
    ]


def test_ods_cell_limit_counts_repeated_values() -> None:
    data = files.ods({"S": [["a", "b"]] + [[str(n), "x"] for n in range(50)]})
    assert error("big.ods", data, LoadLimits(max_cells=60)).kind == "too_large"
    assert len(load("big.ods", data, LoadLimits(max_cells=200, rows_per_section=20))) == 3


def test_odp_a_section_per_slide_with_notes() -> None:
    data = files.odp([("Roadmap", ["Ship OCR", "Owner: Oscar Lindahl"], "Ask about budget"), ("Q&A", [], "")])
    first, second = load("plan.odp", data)
    assert first.meta["section"] == "slide 1" and first.meta["slide"] == 1
    assert first.text.splitlines() == [
        "Slide 1: Roadmap",
        "Ship OCR",
        "Owner: Oscar Lindahl",
        "",
        "Speaker notes: Ask about budget",
    ]
    assert second.text == "Slide 2: Q&A"


def test_encrypted_odf_is_reported() -> None:
    data = files.odt(["secret text"])
    manifest = files.member(data, "META-INF/manifest.xml").decode()
    manifest = manifest.replace(
        'manifest:full-path="content.xml"',
        'manifest:full-path="content.xml"><manifest:encryption-data manifest:checksum-type="SHA1"/',
        1,
    )
    locked = files.replace_member(data, "META-INF/manifest.xml", manifest.encode())
    assert error("locked.odt", locked).kind == "encrypted"


@pytest.mark.parametrize("name", ["a.odt", "a.ods", "a.odp"])
def test_corrupt_and_bomb_odf(name: str) -> None:
    assert error(name, b"PK\x03\x04 broken").kind == "corrupt"
    assert error(name, files.docx_like_zip()).kind == "corrupt"
    bomb = files.add_member(files.odt(["x"]), "Pictures/zeros.bin", bytes(8 * 1024 * 1024))
    assert error(name, bomb).kind == "zip_bomb"
