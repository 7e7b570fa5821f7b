"""Regenerate the spreadsheet, the slide deck and the scanned page of data/sample/.

Writes:
    data/sample/department_roster_2025.xlsx        (two sheets: staff contacts, department budgets)
    data/sample/q3_all_hands.pptx                  (four slides with speaker notes and a table)
    data/sample/signed_contractor_agreement.pdf    (one scanned page: an image, no text layer; read by OCR)

All people, numbers and accounts are fictional sample data for "Northwind Analytics Ltd." (people who appear
in no other sample file). Needs openpyxl, python-pptx and Pillow (all in the project venv) and the DejaVu
fonts (Debian's fonts-dejavu-core); run from the repository root (it shares the format tests' slide builder):

    .venv/bin/python -m data.make_sample_office

The output is deterministic (fixed dates and zip timestamps, seeded scanner noise).
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from pptx import Presentation

from tests.ingest.office_files import add_slides

SAMPLE_DIR = Path(__file__).resolve().parent / "sample"
FIXED_DATE = dt.datetime(2025, 10, 6, 9, 0, 0)
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf")

STAFF = [
    ["Employee", "Department", "Email", "Phone", "Office", "Start date"],
    ["Ingrid Solberg", "Data Engineering", "ingrid.solberg@northwind-analytics.com", "503-555-0164",
     "Portland", dt.date(2019, 4, 1)],
    ["Yusuf Demir", "Analytics Consulting", "yusuf.demir@northwind-analytics.com", "503-555-0138",
     "Portland", dt.date(2021, 9, 13)],
    ["Aiko Tanaka", "Finance and Operations", "aiko.tanaka@northwind-analytics.com", "360-555-0129",
     "Vancouver", dt.date(2017, 2, 20)],
    ["Mateo Ruiz", "People Operations", "mateo.ruiz@northwind-analytics.com", "503-555-0185",
     "Portland", dt.date(2023, 1, 9)],
]  # fmt: skip
BUDGETS = [
    ["Department", "Headcount", "Training budget 2025 (USD)", "Travel budget 2025 (USD)", "Budget owner"],
    ["Data Engineering", 34, 48000, 22000, "Ingrid Solberg"],
    ["Analytics Consulting", 61, 75000, 140000, "Yusuf Demir"],
    ["Finance and Operations", 18, 12000, 9000, "Aiko Tanaka"],
    ["People Operations", 9, 15000, 6000, "Mateo Ruiz"],
]

SLIDES = [
    {
        "title": "Q3 2025 All-Hands",
        "body": ["Northwind Analytics Ltd.", "Presented by Yusuf Demir, Head of Analytics Consulting"],
        "notes": "Welcome everyone. Thank Aiko Tanaka and the finance team for closing the books early.",
    },
    {
        "title": "Q3 highlights",
        "body": [
            "14 new clients signed in Q3",
            "Revenue up 9% on Q2",
            "Client retention at 96%",
            "Average project delivered 4 days ahead of plan",
        ],
        "notes": "The 14 new clients include two hospital networks in Oregon.",
    },
    {
        "title": "Seattle office",
        "body": [
            "The Seattle office opens on 3 November 2025",
            "Room for 25 desks; hot-desking by booking only",
        ],
        "notes": "Desk bookings open two weeks before the opening.",
    },
    {
        "title": "Hiring in Q4",
        "table": [
            ["Team", "Lead", "Open roles"],
            ["Data Engineering", "Ingrid Solberg", "3"],
            ["Analytics Consulting", "Yusuf Demir", "5"],
        ],
        "notes": "Questions about hiring go to Mateo Ruiz (mateo.ruiz@northwind-analytics.com).",
    },
]

AGREEMENT = [
    ("CONTRACTOR SERVICES AGREEMENT", True),
    ("", False),
    ("This agreement is made between Northwind Analytics Ltd. and", False),
    ("Lena Fischer (the Contractor), e-mail lena.fischer@example.com.", False),
    ("", False),
    ("1. Services. The Contractor builds data pipelines for client", False),
    ("projects as agreed in writing with the Data Engineering team.", False),
    ("", False),
    ("2. Term. Twelve months from 1 October 2025.", False),
    ("", False),
    ("3. Fees. A daily rate of 650 EUR, invoiced monthly and paid", False),
    ("within 30 days to the account IBAN NL91 ABNA 0417 1643 00.", False),
    ("", False),
    ("4. Notice. Either party may end this agreement with 45 days", False),
    ("written notice.", False),
    ("", False),
    ("5. Confidentiality. The Contractor keeps all client data", False),
    ("confidential during the term and for three years after it.", False),
    ("", False),
    ("Signed: Lena Fischer                Signed for Northwind: Aiko Tanaka", False),
    ("Date: 29 September 2025", False),
]


def fixed_zip(data: bytes) -> bytes:
    """The zip rewritten with one timestamp for every member (zip writers stamp the current time)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_DATE.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(item.filename)
            if item.filename == "docProps/core.xml":  # openpyxl stamps the save time as "modified"
                content = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + FIXED_DATE.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>",
                    content,
                )
            target.writestr(info, content)
    return out.getvalue()


def make_roster(path: Path) -> None:
    workbook = Workbook()
    staff = workbook.active
    staff.title = "Staff"
    staff.append(["Northwind Analytics Ltd. - department roster 2025"])
    staff.append([])
    for row in STAFF:
        staff.append(row)
    budgets = workbook.create_sheet("Budgets")
    for row in BUDGETS:
        budgets.append(row)
    for sheet, header_row in ((staff, 3), (budgets, 1)):
        for cell in sheet[header_row]:
            cell.font = Font(bold=True)
    for row in staff.iter_rows(min_row=4, min_col=6, max_col=6):
        row[0].number_format = "yyyy-mm-dd"
    workbook.properties.title = "Department roster 2025"
    workbook.properties.creator = "People Operations"
    workbook.properties.created = workbook.properties.modified = FIXED_DATE
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(fixed_zip(buffer.getvalue()))


def make_deck(path: Path) -> None:
    deck = Presentation()
    add_slides(deck, SLIDES, table_height=1.5)  # the slide builder of the format tests
    props = deck.core_properties
    props.title = "Q3 2025 All-Hands"
    props.author = props.last_modified_by = "Northwind Analytics"
    props.created = props.modified = FIXED_DATE
    props.revision = 1
    buffer = io.BytesIO()
    deck.save(buffer)
    path.write_bytes(fixed_zip(buffer.getvalue()))


def scanned_page() -> Image.Image:
    """An A4 page at 200 dpi as a scanner gives it: off-white paper, grey ink, a slight blur and speckles."""
    width, height = 1654, 2339
    page = Image.new("L", (width, height), 246)
    draw = ImageDraw.Draw(page)
    regular = ImageFont.truetype(str(FONT), 34)
    bold = ImageFont.truetype(str(FONT_BOLD), 40)
    y = 200
    for line, heading in AGREEMENT:
        if line:
            draw.text((150, y), line, fill=28, font=bold if heading else regular)
        y += 62
    signature = [(260, y + 10), (300, y - 30), (340, y + 20), (380, y - 20), (430, y + 15), (470, y - 10)]
    draw.line(signature, fill=40, width=4)  # the contractor's signature under the line
    noise = random.Random(21)
    for _ in range(1500):
        x, z = noise.randrange(width), noise.randrange(height)
        draw.point((x, z), fill=noise.randrange(150, 230))
    return page.filter(ImageFilter.GaussianBlur(0.6))


def make_scan(path: Path) -> None:
    buffer = io.BytesIO()
    scanned_page().convert("RGB").save(
        buffer,
        format="PDF",
        resolution=200,
        title="Signed contractor agreement (scan)",
        creationDate=FIXED_DATE.timetuple(),
        modDate=FIXED_DATE.timetuple(),
    )
    path.write_bytes(buffer.getvalue())


def main() -> None:
    make_roster(SAMPLE_DIR / "department_roster_2025.xlsx")
    make_deck(SAMPLE_DIR / "q3_all_hands.pptx")
    make_scan(SAMPLE_DIR / "signed_contractor_agreement.pdf")
    for name in ("department_roster_2025.xlsx", "q3_all_hands.pptx", "signed_contractor_agreement.pdf"):
        print(f"wrote {SAMPLE_DIR / name} ({(SAMPLE_DIR / name).stat().st_size} bytes)")


if __name__ == "__main__":
    main()
