"""The new formats through a real ingestion job: OCR text pseudonymized like any text, pages and slides in
chunk metadata, the image never stored, every file not taken named in the summary."""

from __future__ import annotations

import io
from pathlib import Path

from msgforge import Message
from pypdf import PdfReader, PdfWriter

from app.container import Container
from retrieval.prompt import format_sources
from tests.ingest import office_files as files

NAME, EMAIL, IBAN = "Margaret Thompson", "m.thompson@example.com", "GB82 WEST 1234 5698 7654 32"
FORM = ["Payment instruction", f"Name: {NAME}", f"Email: {EMAIL}", f"IBAN: {IBAN}", "Amount: 1,250.00 EUR"]


def chunks_of(container: Container, name: str) -> list:
    return [n for n in container.vector_store.get_nodes() if Path(n.metadata["source"]).name == name]


def home_blobs(container: Container) -> dict[Path, bytes]:
    container.vector_store.flush()
    return {p: p.read_bytes() for p in container.settings.home.rglob("*") if p.is_file()}


def test_an_image_of_a_document_ends_in_the_index_pseudonymized(tmp_path: Path, make_container) -> None:
    files.need_ocr()
    docs = tmp_path / "docs"
    docs.mkdir()
    image = files.document_image(FORM)
    (docs / "payment_form.png").write_bytes(files.image_bytes(image, "PNG"))
    writer = PdfWriter()  # a signed contract: a typed page, then a scanned one
    writer.add_page(
        PdfReader(Path(__file__).resolve().parents[2] / "data/sample/employee_handbook.pdf").pages[0]
    )
    writer.append(PdfReader(io.BytesIO(files.image_bytes(image.convert("RGB"), "PDF", resolution=150))))
    writer.write(docs / "signed_contract.pdf")
    container = make_container(tmp_path / "home")
    report = container.ingestor.run([docs])
    assert not report.failed and report.ingested == 2
    (form,) = chunks_of(container, "payment_form.png")
    text = form.get_content()
    assert "Payment instruction" in text and "1,250.00" in text  # the OCR text is there...
    for raw in (NAME, EMAIL, IBAN):  # ...with the name, the e-mail and the IBAN replaced
        assert raw not in text
    assert "<PERSON_" in text and "<EMAIL_ADDRESS_" in text and "<IBAN_CODE_" in text
    assert form.metadata["page"] == 1 and form.metadata["ocr"] == "tesseract"
    scanned = [n for n in chunks_of(container, "signed_contract.pdf") if n.metadata.get("ocr")]
    assert scanned and {n.metadata["page"] for n in scanned} == {2}  # cited with its page number
    assert all(raw not in n.get_content() for n in scanned for raw in (NAME, EMAIL, IBAN))
    blobs = home_blobs(container)  # neither the values nor the image reach the home
    for raw in (NAME, EMAIL, IBAN):
        assert not [p for p, b in blobs.items() if raw.encode() in b], raw
    png = files.image_bytes(image, "PNG")
    assert not [p for p, b in blobs.items() if png[100:164] in b]


def test_office_files_in_one_job_and_the_files_not_taken_named(tmp_path: Path, make_container) -> None:
    docs = tmp_path / "share"
    docs.mkdir()
    (docs / "salaries.xlsx").write_bytes(
        files.xlsx({"Salaries": [["Employee", "Annual salary"], [NAME, 61000]]}, title="Salaries 2025")
    )
    (docs / "review.pptx").write_bytes(
        files.pptx([{"title": "Review", "body": ["Pipeline grew 20%"], "notes": f"Thank {NAME}"}])
    )
    mail = Message(subject="Bank details", text_body=f"IBAN {IBAN}", to=[(EMAIL, NAME)])
    (docs / "bank.msg").write_bytes(mail.as_bytes())
    (docs / "letter.odt").write_bytes(files.odt([f"Dear {NAME}, welcome aboard."]))
    (docs / "note.rtf").write_bytes(rb"{\rtf1\ansi Parking spot 14 is reserved.\par}")
    (docs / "diagram.vsdx").write_bytes(b"PK\x03\x04")
    (docs / ".~lock.letter.odt#").write_text("lock")
    (docs / ".privragignore").write_text("drafts/\n")
    (docs / "drafts").mkdir()
    (docs / "drafts" / "x.md").write_text("draft")
    container = make_container(tmp_path / "home")
    report = container.ingestor.run([docs])
    assert not report.failed and report.ingested == 5
    summary = report.to_json()
    assert sorted((Path(s["path"]).name, s["reason"]) for s in summary["skipped"]) == [
        (".~lock.letter.odt#", "hidden"),
        ("diagram.vsdx", "unsupported"),
        ("drafts", "ignored"),
    ]
    assert summary["ignored"] == 1
    sheet = chunks_of(container, "salaries.xlsx")[0]
    assert sheet.metadata["section"] == "Salaries, rows 1-2" and "salary: 61000" in sheet.get_content()
    slide = chunks_of(container, "review.pptx")[0]
    assert slide.metadata["section"] == "slide 1" and slide.metadata["slide"] == 1
    found = container.retriever.run("How much did the pipeline grow?", ["all"])
    deck = next(c for c in found if Path(c.source).name == "review.pptx")
    assert deck.section == "slide 1" and deck.page is None  # cited as "slide 1"
    assert format_sources([deck]).startswith(f"[1] ({deck.title}, slide 1)")
    everything = " ".join(n.get_content() for n in container.vector_store.get_nodes())
    assert "Parking spot 14" in everything and "Pipeline grew 20%" in everything
    for raw in (NAME, EMAIL, IBAN):
        assert raw not in everything
