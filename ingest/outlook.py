"""Outlook messages (.msg, extract-msg): read like an .eml, headers then the body; attachments listed only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ingest.sections import LoadError, LoadLimits, Section, decode_text, parts
from ingest.text_formats import html_to_text

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _one_line(value: Any) -> str:
    return " ".join(str(value or "").split())


def _body(message: Any) -> str:
    body = getattr(message, "body", None)
    if isinstance(body, bytes):
        body = decode_text(body) if body.strip() else ""
    if body and str(body).strip():
        return str(body).replace("\r\n", "\n").strip()
    html = getattr(message, "htmlBody", None)
    if html:
        markup = html if isinstance(html, str) else decode_text(html)
        return html_to_text(markup)[1]
    return ""


def _attachments(message: Any) -> list[str]:
    names = []
    for attachment in getattr(message, "attachments", None) or []:
        name = getattr(attachment, "longFilename", None) or getattr(attachment, "shortFilename", None)
        names.append(_one_line(name) or "unnamed")
    return names


def load_msg(path: Path, data: bytes, limits: LoadLimits) -> list[Section]:
    """From/To/Cc/Subject/Date, then the plain-text (else HTML) body; attachments are listed, not read."""
    if not data.startswith(_OLE_MAGIC):
        raise LoadError("corrupt", "not an Outlook message (no compound-file header)")
    import extract_msg

    try:
        message = extract_msg.openMsg(data, strict=False, delayAttachments=False)
    except Exception as exc:  # olefile and extract-msg raise many types on damaged files
        raise LoadError("corrupt", f"Outlook message cannot be opened: {type(exc).__name__}: {exc}") from exc
    try:
        headers = {
            "From": _one_line(getattr(message, "sender", "")),
            "To": _one_line(getattr(message, "to", "")),
            "Cc": _one_line(getattr(message, "cc", "")),
            "Subject": _one_line(getattr(message, "subject", "")),
            "Date": _one_line(getattr(message, "date", "")),
        }
        text = _body(message)
        attachments = _attachments(message)
    except LoadError:
        raise
    except Exception as exc:
        raise LoadError("corrupt", f"Outlook message cannot be read: {type(exc).__name__}: {exc}") from exc
    finally:
        message.close()
    lines = [f"{name}: {value}" for name, value in headers.items() if value]
    if text:
        lines += ["", text]
    if attachments:
        lines += ["", "Attachments (not ingested): " + ", ".join(attachments)]
    if not text and not headers["Subject"]:
        raise LoadError("no_text", "Outlook message has no subject and no body")
    subject = headers["Subject"]
    return parts("\n".join(lines), limits, {"title": subject} if subject else {})
