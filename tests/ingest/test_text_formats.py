"""Text-based formats: HTML, CSV, JSON, JSON Lines and e-mail, each with its bad inputs."""

from __future__ import annotations

import json
from email.message import EmailMessage

import pytest

from ingest.loaders import LoadError, LoadLimits
from ingest.text_formats import flatten_json, html_to_text
from tests.ingest.loading import load, load_error

LIMITS = LoadLimits()


def kind(name: str, data: bytes, limits: LoadLimits = LIMITS) -> str:
    return load_error(name, data, limits).kind


PAGE = b"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Holiday Rota</title>
<style>p { color: red }</style><script>var token = "do-not-index";</script></head>
<body><nav>Home</nav><h1>Weekend cover</h1><p>Call the <b>duty manager</b> on weekends.</p>
<table><tr><th>Day</th><th>Who</th></tr><tr><td>Sat</td><td>Team A</td></tr></table>
<noscript>enable JavaScript</noscript></body></html>"""


def test_html_keeps_title_and_visible_text_only() -> None:
    (section,) = load("rota.html", PAGE)
    assert section.meta == {"title": "Holiday Rota"}
    assert section.text.startswith("Holiday Rota\n")
    assert "Call the duty manager on weekends." in section.text  # inline tags do not break sentences
    assert "Day | Who" in section.text and "Sat | Team A" in section.text
    for hidden in ("do-not-index", "color: red", "enable JavaScript"):
        assert hidden not in section.text


def test_html_declared_legacy_charset() -> None:
    page = '<html><head><meta charset="windows-1252"><title>Café</title></head><body><p>Crème brûlée.</p>'
    (section,) = load("menu.htm", page.encode("cp1252"))
    assert section.meta["title"] == "Café" and "Crème brûlée." in section.text


def test_html_without_text() -> None:
    assert kind("blank.html", b"<html><head><script>x()</script></head><body> </body></html>") == "no_text"


def test_html_to_text_without_title() -> None:
    assert html_to_text("<div>one<br>two</div>") == ("", "one\ntwo")


def test_csv_rows_keep_their_header_in_sections_of_limited_rows() -> None:
    rows = ["name;team;room"] + [f"person {i};team {i % 3};{100 + i}" for i in range(5)]
    sections = load("staff.csv", "\n".join(rows).encode(), LoadLimits(rows_per_section=2))
    assert [s.meta["section"] for s in sections] == ["rows 1-2", "rows 3-4", "rows 5-5"]
    assert [s.key for s in sections] == ["rows 1-2", "rows 3-4", "rows 5-5"]
    assert (
        sections[0].text == "name: person 0; team: team 0; room: 100\nname: person 1; team: team 1; room: 101"
    )


def test_csv_in_utf16_with_quoted_commas() -> None:
    data = 'item,note\n"Desk, standing","Ask facilities, room 2"\n'.encode("utf-16")
    (section,) = load("assets.csv", data)
    assert section.text == "item: Desk, standing; note: Ask facilities, room 2"


def test_csv_bad_inputs() -> None:
    assert kind("empty.csv", b"") == "empty"
    assert kind("blank.csv", b",,,\n,,\n") == "no_text"
    assert kind("binary.csv", bytes(range(256)) * 4) == "undecodable"
    huge_field = b'a,b\n"' + b"x" * 200_000 + b'",1\n'  # beyond csv's field size limit
    assert kind("broken.csv", huge_field) == "corrupt"


def test_json_fields_flattened_and_records_become_sections() -> None:
    records = [
        {
            "_id": "7",
            "title": "Badge policy",
            "body": {"text": "Wear your badge.", "tags": ["security", "office"]},
        },
        {"title": "Parking", "spaces": 40, "open": True, "note": None},
    ]
    sections = load("policies.json", json.dumps(records).encode())
    assert [s.meta for s in sections] == [
        {"section": "record 1", "title": "Badge policy"},
        {"section": "record 2", "title": "Parking"},
    ]
    assert (
        sections[0].text
        == "_id: 7\ntitle: Badge policy\nbody.text: Wear your badge.\nbody.tags: security, office"
    )
    assert sections[1].text == "title: Parking\nspaces: 40\nopen: True"


def test_json_object_is_one_section() -> None:
    (section,) = load("config.json", b'{"owner": {"team": "IT"}, "about": "The help desk rota."}')
    assert section.text == "owner.team: IT\nabout: The help desk rota." and section.key == 0


def test_flatten_json_of_scalars_and_nesting() -> None:
    assert flatten_json("just text") == ["just text"]
    assert flatten_json([1, "two", None]) == ["1, two"]
    assert flatten_json({"a": [{"b": "x"}, {"b": "y"}], "c": ""}) == ["a.b: x", "a.b: y"]


def test_json_bad_inputs() -> None:
    assert kind("broken.json", b'{"unterminated": "str') == "corrupt"
    assert kind("nothing.json", b'{"a": null, "b": "", "c": []}') == "no_text"
    assert kind("deep.json", b"[" * 100_000 + b"]" * 100_000) == "corrupt"


def test_jsonl_one_section_per_record_numbered_by_line() -> None:
    data = b'{"title": "Q1", "text": "Revenue grew."}\n\n{"text": "Costs fell."}\n'
    sections = load("notes.jsonl", data)
    assert [(s.key, s.meta.get("title")) for s in sections] == [("record 1", "Q1"), ("record 3", None)]
    assert sections[1].text == "text: Costs fell."


def test_jsonl_with_a_broken_line_is_corrupt() -> None:
    with pytest.raises(LoadError) as info:
        load("notes.jsonl", b'{"text": "fine"}\n{"text": broken}\n')
    assert info.value.kind == "corrupt" and "line 2" in str(info.value)


def mail() -> EmailMessage:
    message = EmailMessage()
    message["From"] = "Facilities <facilities@example.com>"
    message["To"] = "staff@example.com"
    message["Subject"] = "Rota für März"
    message["Date"] = "Mon, 3 Mar 2025 10:00:00 +0000"
    return message


def test_eml_headers_plain_body_and_listed_attachments() -> None:
    message = mail()
    message.set_content("Hello all,\nthe kitchen closes early on Friday.\n")
    message.add_alternative("<p>Hello all, the <b>kitchen</b> closes early.</p>", subtype="html")
    message.add_attachment(b"%PDF-1.4 secret", maintype="application", subtype="pdf", filename="rota.pdf")
    (section,) = load("rota.eml", bytes(message))
    assert section.meta == {"title": "Rota für März"}
    lines = section.text.splitlines()
    assert lines[:4] == [
        "From: Facilities <facilities@example.com>",
        "To: staff@example.com",
        "Subject: Rota für März",
        "Date: Mon, 03 Mar 2025 10:00:00 +0000",
    ]
    assert "the kitchen closes early on Friday." in section.text  # text/plain preferred over HTML
    assert lines[-1] == "Attachments (not ingested): rota.pdf (application/pdf)"
    assert "secret" not in section.text


def test_eml_html_only_body_and_legacy_charset() -> None:
    message = mail()
    message.set_content("<html><body><p>Caf\u00e9 closes at <i>three</i>.</p></body></html>", subtype="html",
                        charset="iso-8859-1")  # fmt: skip
    (section,) = load("cafe.eml", bytes(message))
    assert "Café closes at three." in section.text


def test_eml_bad_inputs() -> None:
    assert kind("notmail.eml", b"just some words without any header\n") == "corrupt"
    assert kind("binary.eml", b"From: x\x00\x01\x02" * 50) == "undecodable"
    assert kind("empty.eml", b"  \n") == "empty"


# --- RTF -----------------------------------------------------------------------------------------

RTF = (
    rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Helvetica;}}{\*\generator Writer;}"
    rb"{\pict\pngblip\picw10\pich10 89504e470d0a1a0a}"
    rb"\f0\pard\b Offer letter\b0\par Dear Ms. Thompson,\par "
    rb"your IBAN GB82 WEST 1234 5698 7654 32 is on file. Caf\'e9 on the 2nd floor.\par}"
)


def test_rtf_text_without_fonts_pictures_or_control_words() -> None:
    (section,) = load("offer.rtf", RTF)
    assert section.text.splitlines() == [
        "Offer letter",
        "Dear Ms. Thompson,",
        "your IBAN GB82 WEST 1234 5698 7654 32 is on file. Café on the 2nd floor.",
    ]


def test_corrupt_rtf() -> None:
    assert kind("cut.rtf", RTF[:-40]) == "corrupt"  # truncated: groups left open
    assert kind("fake.rtf", b"just some text, not rich text") == "corrupt"
    assert kind("blank.rtf", rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\par}") == "no_text"
