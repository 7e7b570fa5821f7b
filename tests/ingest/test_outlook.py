"""Outlook .msg files built with msgforge (a compound-file writer checked against extract-msg)."""

from __future__ import annotations

from pathlib import Path

from msgforge import Message

from ingest.loaders import LoadLimits, load_file
from tests.ingest.loading import load_error as error

IBAN = "GB82 WEST 1234 5698 7654 32"


def message(**fields: object) -> bytes:
    built = Message(**fields)  # type: ignore[arg-type]
    built.attach_bytes("signed_contract.pdf", b"%PDF-1.4 not read")
    return built.as_bytes()


def test_msg_reads_like_an_eml_headers_body_and_attachment_names() -> None:
    data = message(
        subject="Bank details for Oscar Lindahl",
        text_body=f"Hi Margaret,\nOscar's IBAN is {IBAN}.\nRegards",
        to=[("margaret.thompson@example.com", "Margaret Thompson")],
        cc=[("payroll@example.com", "Payroll")],
    )
    (section,) = load_file(Path("bank.msg"), data, LoadLimits())
    lines = section.text.splitlines()
    assert lines[0] == "To: Margaret Thompson <margaret.thompson@example.com>"
    assert "Cc: Payroll <payroll@example.com>" in lines and "Subject: Bank details for Oscar Lindahl" in lines
    assert f"Oscar's IBAN is {IBAN}." in lines
    assert lines[-1] == "Attachments (not ingested): signed_contract.pdf"
    assert section.meta == {"title": "Bank details for Oscar Lindahl"}


def test_html_only_msg_gives_its_visible_text() -> None:
    data = message(subject="Offsite", html_body="<p>Meet at <b>Pier 39</b></p><script>x()</script>")
    (section,) = load_file(Path("offsite.msg"), data, LoadLimits())
    assert "Meet at Pier 39" in section.text and "x()" not in section.text


def test_corrupt_msg_files() -> None:
    data = message(subject="Hello", text_body="Body")
    assert error("cut.msg", data[: len(data) // 3]).kind == "corrupt"  # truncated compound file
    assert error("text.msg", b"From: someone\nnot an outlook file").kind == "corrupt"
    assert error("zeros.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000)).kind == "corrupt"
