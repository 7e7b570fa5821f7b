"""Regenerate the binary sample documents in data/sample/.

Writes:
    data/sample/employee_handbook.pdf   (3 pages, real text layer)
    data/sample/benefits_overview.docx  (headings, paragraphs, tables)

All people, numbers and addresses are fictional sample data for
"Northwind Analytics Ltd.".

Needs fpdf2 and python-docx. Run it from a throwaway virtualenv, not the
project venv:

    python3 -m venv /tmp/gen-venv
    /tmp/gen-venv/bin/pip install fpdf2 python-docx
    /tmp/gen-venv/bin/python data/make_sample_binaries.py

The output is deterministic apart from library-version differences
(fixed creation dates, no random IDs).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document
from docx.shared import Pt
from fpdf import FPDF
from fpdf.enums import XPos, YPos

SAMPLE_DIR = Path(__file__).resolve().parent / "sample"
FIXED_DATE = dt.datetime(2025, 1, 6, 9, 0, 0, tzinfo=dt.UTC)

COMPANY = "Northwind Analytics Ltd."
OFFICE_ADDRESS = "410 SW Columbia Street, Suite 900, Portland, OR 97201"

# --------------------------------------------------------------------------
# Employee handbook (PDF)
# --------------------------------------------------------------------------

# Core PDF fonts are Latin-1 only: keep this text plain ASCII.
HANDBOOK_SECTIONS: list[tuple[str, list[str]]] = [
    (
        "1. Welcome",
        [
            "Welcome to Northwind Analytics Ltd. This handbook explains how we "
            "work together, what you can expect from the company and what the "
            "company expects from you. Please read it during your first week "
            "and keep it for reference.",
            "We help mid-sized companies turn their data into clear business "
            "decisions. Our work depends on trust: the trust of our clients, "
            "who give us their data, and the trust between colleagues. Thank "
            "you for joining us. - Sarah Lindqvist, Chief Executive Officer",
        ],
    ),
    (
        "2. About the company",
        [
            "Northwind Analytics Ltd. was founded in 2014 and has about 180 "
            "employees. Our headquarters is at " + OFFICE_ADDRESS + ". "
            "Reception is open from 8:00 AM to 6:00 PM, Monday to Friday.",
            "The company has four departments: Analytics Consulting, Data "
            "Engineering, Finance and Operations, and People Operations.",
        ],
    ),
    (
        "3. Working hours",
        [
            "The standard working week is 40 hours. Core hours are 10:00 AM to "
            "3:00 PM Pacific Time, Monday to Friday. During core hours every "
            "employee must be available for meetings and calls, whether they "
            "work in the office or remotely.",
            "Outside core hours you may organise your day with your manager. "
            "Rules for hybrid and remote work are in the separate Remote Work "
            "Policy.",
        ],
    ),
    (
        "4. Paid time off and holidays",
        [
            "Full-time employees receive 20 days of paid time off (PTO) per year "
            "during their first three years of service. From the fourth year of "
            "service, employees receive 25 days of PTO per year. Part-time "
            "employees receive PTO in proportion to their hours.",
            "You may carry over up to 5 unused PTO days into the next calendar "
            "year. Carried-over days expire on March 31.",
            "In addition to PTO, the company observes 10 paid public holidays "
            "each year. Sick leave is separate from PTO: employees receive 10 "
            "paid sick days per year.",
            "Request PTO in Workday at least two weeks in advance for absences of three days or longer.",
        ],
    ),
    (
        "5. Code of conduct",
        [
            "Treat colleagues, clients and suppliers with respect. Harassment "
            "and discrimination of any kind are not tolerated.",
            "Avoid conflicts of interest. Tell your manager about any outside "
            "job, investment or family relationship that could affect your "
            "work for the company.",
            "Gifts and hospitality worth more than $100 from a client or "
            "supplier must be reported to People Operations.",
            "You can raise concerns confidentially with your manager, with "
            "People Operations, or anonymously through the Ethics Hotline.",
        ],
    ),
    (
        "6. Confidentiality and data protection",
        [
            "Company information is classified into four levels: Public, "
            "Internal, Confidential and Restricted. Client data is always "
            "Restricted. Restricted data must never be stored on personal "
            "devices or personal cloud accounts.",
            "Only share personal data with people who need it for their job. "
            "Do not send Social Security numbers, bank details or full card "
            "numbers by email. Use the secure upload portal instead.",
            "Technical security rules (laptop encryption, passwords, and what "
            "to do if a device is lost) are in the IT Security Runbook.",
        ],
    ),
    (
        "7. Performance and development",
        [
            "Performance reviews take place twice a year, in June and December. "
            "Each employee has a yearly learning budget for courses, books and "
            "conferences; ask your manager for the current amount.",
        ],
    ),
    (
        "8. Leaving the company",
        [
            "Employees give at least two weeks of written notice; managers give "
            "four weeks. On your last day, return your laptop, badge and "
            "corporate card to the IT desk on the 3rd floor.",
        ],
    ),
    (
        "9. Safety and emergencies",
        [
            "In a fire alarm, leave the building by the nearest stairway and "
            "meet at the assembly point in the plaza across the street. Do not "
            "use the elevators. Fire wardens on each floor wear yellow vests.",
            "First aid kits and an AED are located next to reception and in "
            "the 3rd floor kitchen. In a medical emergency, call 911 first and "
            "then inform reception.",
            "Report any workplace injury or near miss to Facilities on the same day.",
        ],
    ),
]

HANDBOOK_DIRECTORY: list[tuple[str, str, str, str]] = [
    ("Topic", "Contact", "Phone", "Email"),
    (
        "HR questions, PTO, onboarding",
        "Kevin Walsh, HR Coordinator",
        "503-555-0150 ext. 214",
        "kevin.walsh@northwind-analytics.com",
    ),
    (
        "Laptops, accounts, software",
        "IT Service Desk",
        "1-800-555-0199",
        "helpdesk@northwind-analytics.com",
    ),
    (
        "Building access, badges, desks",
        "Rachel Moreno, Facilities",
        "503-555-0193",
        "rachel.moreno@northwind-analytics.com",
    ),
    (
        "Anonymous concerns",
        "Ethics Hotline",
        "1-888-555-0134",
        "(phone only)",
    ),
]


class HandbookPDF(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", "B", 9)
        self.set_text_color(90, 90, 90)
        self.cell(0, 6, COMPANY + " - Employee Handbook (2025 edition)", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(2)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 8, f"Internal - Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def _heading(pdf: FPDF, text: str) -> None:
    # Keep a heading together with the start of its section.
    if pdf.get_y() > pdf.h - pdf.b_margin - 30:
        pdf.add_page()
    else:
        pdf.ln(3)
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 8, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", "", 11)


def _para(pdf: FPDF, text: str) -> None:
    pdf.multi_cell(0, 6, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)


def make_pdf(path: Path) -> None:
    pdf = HandbookPDF(format="Letter")
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_title("Employee Handbook")
    pdf.set_author(COMPANY + " People Operations")
    pdf.set_subject("Employee Handbook 2025")
    pdf.set_margins(20, 15, 20)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()

    pdf.set_font("Helvetica", "B", 20)
    pdf.cell(0, 12, "Employee Handbook", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(
        0, 6, COMPANY + " | Document ID: HR-HB-001 | Version 2025.1", new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.cell(
        0,
        6,
        "Effective date: January 6, 2025 | Owner: People Operations",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )

    for title, paragraphs in HANDBOOK_SECTIONS:
        _heading(pdf, title)
        for p in paragraphs:
            _para(pdf, p)

    _heading(pdf, "10. Who to contact")
    _para(
        pdf,
        "Use the contacts below for everyday questions. Security "
        "incidents are handled as described in the IT Security Runbook.",
    )
    pdf.set_font("Helvetica", "", 8.5)
    with pdf.table(col_widths=(38, 42, 35, 60), text_align="LEFT", line_height=5.5) as table:
        for row in HANDBOOK_DIRECTORY:
            r = table.row()
            for value in row:
                r.cell(value)
    pdf.set_font("Helvetica", "", 11)

    _heading(pdf, "11. Acknowledgement")
    _para(
        pdf,
        "By signing the acknowledgement form in Workday you confirm "
        "that you have read this handbook. The company may update the "
        "handbook; changes are announced by email at least 14 days "
        "before they take effect.",
    )

    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))


# --------------------------------------------------------------------------
# Benefits overview (DOCX)
# --------------------------------------------------------------------------

MEDICAL_PLANS = [
    (
        "Plan",
        "Employee monthly premium",
        "Annual deductible (individual)",
        "Out-of-pocket maximum (individual)",
    ),
    ("Cascade PPO", "$95", "$750", "$3,500"),
    ("Cascade HDHP with HSA", "$30", "$1,650", "$4,000"),
    ("Cascade HMO", "$60", "$400", "$3,000"),
]

BENEFIT_CONTACTS = [
    ("Topic", "Contact", "Phone", "Email"),
    (
        "Enrollment, plan questions, life events",
        "Luis Ortega, Benefits Administrator",
        "(503) 555-0187",
        "luis.ortega@northwind-analytics.com",
    ),
    (
        "Claims and ID cards",
        "Cascade Health member services",
        "1-888-555-0171",
        "members@cascadehealth.example.com",
    ),
]


def _table(doc: Document, rows: list[tuple[str, ...]]) -> None:
    table = doc.add_table(rows=0, cols=len(rows[0]))
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = value
            if i == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def make_docx(path: Path) -> None:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)

    props = doc.core_properties
    props.author = COMPANY + " People Operations"
    props.last_modified_by = COMPANY + " People Operations"
    props.title = "Benefits Overview 2025"
    props.created = FIXED_DATE.replace(tzinfo=None)
    props.modified = FIXED_DATE.replace(tzinfo=None)
    props.revision = 1

    doc.add_heading("Benefits Overview 2025", level=0)
    doc.add_paragraph(COMPANY + " | Document ID: HR-BEN-2025 | Plan year: January 1 to December 31, 2025")
    doc.add_paragraph(
        "This overview summarizes the benefits available to full-time "
        "employees of Northwind Analytics Ltd. and to part-time employees who "
        "work at least 24 hours per week. The official plan documents decide "
        "in case of any difference."
    )

    doc.add_heading("1. Enrollment", level=1)
    doc.add_paragraph(
        "New employees must enroll within 30 days of their start date. "
        "Coverage starts on the first day of the month after your start date. "
        "Open enrollment for the 2026 plan year runs from November 3 to "
        "November 21, 2025. Enroll in Workday under Benefits."
    )

    doc.add_heading("2. Medical insurance", level=1)
    doc.add_paragraph(
        "Employees choose one of three medical plans from Cascade Health. The "
        "company pays the rest of the premium. The table shows the employee "
        "cost for employee-only coverage."
    )
    _table(doc, MEDICAL_PLANS)
    doc.add_paragraph()
    doc.add_paragraph(
        "If you choose the Cascade HDHP, the company adds $1,000 per year to "
        "your Health Savings Account (HSA), paid in equal amounts each payroll."
    )

    doc.add_heading("3. Dental and vision", level=1)
    doc.add_paragraph(
        "Dental coverage is free for employees. It covers two cleanings per "
        "year at 100% and basic fillings at 80%. Vision coverage includes one "
        "eye exam per year and a $200 allowance for glasses or contact lenses "
        "every 24 months."
    )

    doc.add_heading("4. Retirement: 401(k) plan", level=1)
    doc.add_paragraph(
        "Employees can join the 401(k) plan from their first day. The company "
        "matches 100% of your contributions up to 4% of your salary. Company "
        "matching contributions vest immediately."
    )

    doc.add_heading("5. Life and disability insurance", level=1)
    doc.add_paragraph(
        "The company provides life insurance equal to two times your annual "
        "base salary, and short-term and long-term disability insurance, at "
        "no cost to you."
    )

    doc.add_heading("6. Wellness and other benefits", level=1)
    for item in (
        "Wellness reimbursement: up to $300 per year for gym memberships, "
        "fitness classes or sports equipment.",
        "Employee Assistance Program: free and confidential counseling, available 24/7.",
        "Commuter benefit: pre-tax transit passes and parking through payroll.",
        'Parental leave: see the HR memo "Updated Parental Leave Policy" dated February 3, 2025.',
    ):
        doc.add_paragraph(item, style="List Bullet")

    doc.add_heading("7. Contacts", level=1)
    _table(doc, BENEFIT_CONTACTS)

    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))


def main() -> None:
    pdf_path = SAMPLE_DIR / "employee_handbook.pdf"
    docx_path = SAMPLE_DIR / "benefits_overview.docx"
    make_pdf(pdf_path)
    make_docx(docx_path)
    print(f"wrote {pdf_path}")
    print(f"wrote {docx_path}")


if __name__ == "__main__":
    main()
