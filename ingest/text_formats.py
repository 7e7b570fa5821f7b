"""Readers of text-based formats: plain text and Markdown, HTML, CSV, JSON and JSON Lines, e-mail (.eml)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from ingest.sections import LoadError, LoadLimits, Section, decode_text, parts

_HTML_DROP = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas")
_HTML_BLOCKS = (
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
    "article", "header", "footer", "blockquote", "pre", "dt", "dd", "hr", "main", "nav", "aside", "form",
)  # fmt: skip
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_BLANK_LINES = re.compile(r"\n{3,}")


def load_text(path: Path, data: bytes, limits: LoadLimits) -> list[Section]:
    return parts(decode_text(data), limits)


# --- HTML ----------------------------------------------------------------------------------------


def _decode_html(data: bytes) -> str:
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: detect instead
    return decode_text(data)


def html_to_text(markup: str) -> tuple[str, str]:
    """(title, visible text) of an HTML document: scripts, styles and the head dropped, blocks on lines."""
    from bs4 import BeautifulSoup

    try:
        soup = BeautifulSoup(markup, "lxml")
    except Exception:  # lxml missing or choking: the standard library's parser
        soup = BeautifulSoup(markup, "html.parser")
    title = " ".join(soup.title.get_text(" ").split()) if soup.title else ""
    for tag in soup(_HTML_DROP):
        tag.decompose()
    for tag in soup(_HTML_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    for tag in soup("br"):
        tag.replace_with("\n")
    for cell in soup(["td", "th"]):
        cell.insert_after(" | ")
    lines = (" ".join(line.split()).strip(" |") for line in soup.get_text().splitlines())
    text = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
    return title, text


def load_html(path: Path, data: bytes, limits: LoadLimits) -> list[Section]:
    if not data.strip():
        raise LoadError("empty", "file is empty")
    title, text = html_to_text(_decode_html(data))
    if not text:
        raise LoadError("no_text", "HTML has no visible text")
    if title and not text.lower().startswith(title.lower()):
        text = f"{title}\n\n{text}"
    return parts(text, limits, {"title": title} if title else {})


# --- CSV -----------------------------------------------------------------------------------------


def row_text(header: list[str], row: list[str]) -> str:
    """``Header: value; Header: value`` of one row (values without a header name stand alone)."""
    cells = []
    for index, value in enumerate(row):
        value = " ".join(value.split())
        if not value:
            continue
        name = header[index].strip() if index < len(header) else ""
        cells.append(f"{name}: {value}" if name else value)
    return "; ".join(cells)


def load_csv(path: Path, data: bytes, limits: LoadLimits) -> list[Section]:
    """Rows as ``Header: value; Header: value`` lines, ``rows_per_section`` rows per section."""
    text = decode_text(data)
    try:
        dialect: Any = csv.Sniffer().sniff(text[:16384], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = [r for r in csv.reader(io.StringIO(text), dialect) if any(c.strip() for c in r)]
    except csv.Error as exc:
        raise LoadError("corrupt", f"CSV cannot be parsed: {exc}") from exc
    if not rows:
        raise LoadError("no_text", "CSV has no rows")
    header, body = rows[0], rows[1:]
    if not body:  # a single row: it is the data
        return parts(" | ".join(c.strip() for c in header), limits, {"section": "rows 1-1"}, "rows 1-1")
    sections: list[Section] = []
    size = max(1, limits.rows_per_section)
    for start in range(0, len(body), size):
        block = body[start : start + size]
        label = f"rows {start + 1}-{start + len(block)}"
        lines = [row_text(header, row) for row in block]
        sections += parts("\n".join(line for line in lines if line), limits, {"section": label}, label)
    return sections


# --- JSON ----------------------------------------------------------------------------------------


def flatten_json(value: Any, prefix: str = "") -> list[str]:
    """``key.sub: value`` lines for every non-empty scalar (lists of scalars on one line)."""
    if isinstance(value, dict):
        lines: list[str] = []
        for key, item in value.items():
            lines += flatten_json(item, f"{prefix}.{key}" if prefix else str(key))
        return lines
    if isinstance(value, list):
        if all(not isinstance(v, dict | list) for v in value):
            scalars = [str(v).strip() for v in value if v is not None and str(v).strip()]
            return [f"{prefix}: {', '.join(scalars)}" if prefix else ", ".join(scalars)] if scalars else []
        lines = []
        for item in value:
            lines += flatten_json(item, prefix)
        return lines
    if value is None:
        return []
    text = str(value).strip()
    if not text:
        return []
    return [f"{prefix}: {text}" if prefix else text]


def _record_sections(record: Any, number: int, limits: LoadLimits) -> list[Section]:
    text = "\n".join(flatten_json(record))
    if not text.strip():
        return []
    meta: dict[str, str | int] = {"section": f"record {number}"}
    if isinstance(record, dict) and isinstance(record.get("title"), str) and record["title"].strip():
        meta["title"] = " ".join(record["title"].split())
    return parts(text, limits, meta, f"record {number}")


def load_json(path: Path, data: bytes, limits: LoadLimits) -> list[Section]:
    """Text fields flattened; a top-level list of objects gives one section per record."""
    try:
        value = json.loads(decode_text(data))
    except (json.JSONDecodeError, RecursionError) as exc:
        raise LoadError("corrupt", f"JSON cannot be parsed: {exc}") from exc
    if isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        sections = [s for n, v in enumerate(value, start=1) for s in _record_sections(v, n, limits)]
    else:
        text = "\n".join(flatten_json(value))
        sections = parts(text, limits) if text.strip() else []
    if not sections:
        raise LoadError("no_text", "JSON has no text values")
    return sections


def load_jsonl(path: Path, data: bytes, limits: LoadLimits) -> list[Section]:
    """One section per record (line); a line that is not JSON makes the file corrupt."""
    sections: list[Section] = []
    for number, line in enumerate(decode_text(data).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise LoadError("corrupt", f"JSON Lines: line {number} is not JSON: {exc}") from exc
        sections += _record_sections(record, number, limits)
    if not sections:
        raise LoadError("no_text", "JSON Lines file has no text values")
    return sections


# --- e-mail --------------------------------------------------------------------------------------

_MAIL_HEADERS = ("From", "To", "Cc", "Subject", "Date")


def _part_text(part: Any) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, ValueError, AssertionError):  # unknown or lying charset
        payload = part.get_payload(decode=True) or b""
        content = decode_text(payload) if payload.strip() else ""
    if isinstance(content, bytes):
        content = decode_text(content) if content.strip() else ""
    if part.get_content_subtype() == "html":
        return html_to_text(content)[1]
    return content.strip()


def load_eml(path: Path, data: bytes, limits: LoadLimits) -> list[Section]:
    """Headers From/To/Cc/Subject/Date, then the text (or HTML) body; attachments are listed, not read."""
    from email import policy
    from email.parser import BytesParser

    if b"\x00" in data[:8192]:
        raise LoadError("undecodable", "binary content in an e-mail file")
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
        headers = {h: " ".join(str(message.get(h, "")).split()) for h in _MAIL_HEADERS}
    except Exception as exc:  # the parser is lenient; header decoding is not always
        raise LoadError("corrupt", f"e-mail cannot be parsed: {exc}") from exc
    if not any(headers[h] for h in ("From", "To", "Subject", "Date")):
        raise LoadError("corrupt", "not an e-mail: no From, To, Subject or Date header")
    body = message.get_body(preferencelist=("plain", "html"))
    text = _part_text(body) if body is not None else ""
    attachments = [
        f"{part.get_filename() or 'unnamed'} ({part.get_content_type()})"
        for part in message.iter_attachments()
    ]
    lines = [f"{h}: {v}" for h, v in headers.items() if v]
    if text:
        lines += ["", text]
    if attachments:
        lines += ["", "Attachments (not ingested): " + ", ".join(attachments)]
    subject = headers["Subject"]
    return parts("\n".join(lines), limits, {"title": subject} if subject else {})


# --- RTF -----------------------------------------------------------------------------------------


def load_rtf(path: Path, data: bytes, limits: LoadLimits) -> list[Section]:
    """Rich Text: its text (striprtf), pictures and other destinations dropped."""
    from striprtf.striprtf import rtf_to_text

    if not data.lstrip().startswith(b"{\\rtf"):
        raise LoadError("corrupt", "not an RTF document (no {\\rtf header)")
    unclosed = (data.count(b"{") - data.count(b"\\{")) - (data.count(b"}") - data.count(b"\\}"))
    if unclosed > 0:  # escaped braces aside, the groups of a whole RTF balance
        raise LoadError("corrupt", f"RTF is truncated ({unclosed} groups not closed)")
    try:
        text = rtf_to_text(data.decode("latin-1"), errors="replace")
    except (ValueError, LookupError, IndexError) as exc:
        raise LoadError("corrupt", f"RTF cannot be parsed: {type(exc).__name__}: {exc}") from exc
    lines = (line.rstrip() for line in text.replace("\r", "").splitlines())
    text = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
    if not text:
        raise LoadError("no_text", "RTF has no text")
    return parts(text, limits)
