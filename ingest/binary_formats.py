"""Readers of binary formats: PDF (a section per page: its text layer, else OCR), DOCX; zip checks.

Every OOXML and OpenDocument file is a zip: ``check_package`` refuses encrypted ones and zip bombs before
any parser decompresses a member.
"""

from __future__ import annotations

import contextlib
import io
import zipfile
from pathlib import Path

from ingest.sections import LoadError, LoadLimits, Section, parts

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Compound File: legacy .doc, or an encrypted OOXML
_LARGE_MEMBER = 1024 * 1024  # the ratio check applies to members inflating beyond this


def load_pdf(path: Path, data: bytes, limits: LoadLimits) -> list[Section]:
    from pypdf import PdfReader

    if b"%PDF" not in data[:1024]:
        raise LoadError("corrupt", "not a PDF (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception as exc:  # unsupported algorithm (e.g. AES without the crypto extra)
                raise LoadError("encrypted", f"PDF is encrypted and cannot be opened: {exc}") from exc
            if not opened:
                raise LoadError("encrypted", "PDF is encrypted (password protected)")
        pages = reader.pages
        if len(pages) > limits.max_pages:
            raise LoadError("too_large", f"PDF has {len(pages)} pages, the limit is {limits.max_pages}")
        texts: dict[int, str] = {}
        unreadable = 0
        for number, page in enumerate(pages, start=1):
            try:
                texts[number] = page.extract_text() or ""
            except Exception:  # one broken page does not lose the others
                unreadable += 1
                texts[number] = ""
        blank = [number for number, text in texts.items() if not text.strip()]
        if blank:  # image-only pages (scans) are read by OCR; a page with a text layer keeps it
            from ingest.ocr import ocr_pdf_pages

            scanned = ocr_pdf_pages(data, blank, limits)
            texts.update(scanned)
            unreadable -= sum(1 for text in scanned.values() if text.strip())
        sections: list[Section] = []
        for number, text in texts.items():
            if text.strip():
                meta: dict[str, str | int] = {"page": number}
                if number in blank:
                    meta["ocr"] = "tesseract"
                sections += parts(text, limits, meta, number)
        title = ""
        with contextlib.suppress(Exception):  # a damaged info dictionary only loses the title
            info = reader.metadata  # pypdf: None when the PDF has no info dictionary
            title = " ".join(str((info.get("/Title") if info else None) or "").split())
        if title:
            for section in sections:
                section.meta["title"] = title
    except LoadError:
        raise
    except RecursionError as exc:
        raise LoadError("corrupt", "PDF cannot be parsed: nesting too deep") from exc
    except Exception as exc:  # pypdf raises many types on damaged files
        raise LoadError("corrupt", f"PDF cannot be parsed: {type(exc).__name__}: {exc}") from exc
    if not sections:
        if unreadable:
            raise LoadError("corrupt", f"no page of the PDF could be read ({unreadable} broken)")
        raise LoadError("no_text", "PDF has no text (no text layer, and OCR found none)")
    return sections


def check_zip(data: bytes, limits: LoadLimits, what: str = "DOCX") -> None:
    """Refuse a zip whose declared sizes would inflate too far, before any member is decompressed.

    zipfile stops reading a member at its declared size (and fails its CRC check beyond), so the declared
    sizes bound what a parser can be made to decompress.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise LoadError("corrupt", f"{what} is not a valid zip archive: {exc}") from exc
    if len(members) > limits.max_archive_members:
        raise LoadError(
            "zip_bomb", f"{what} has {len(members)} members, the limit is {limits.max_archive_members}"
        )
    total = sum(m.file_size for m in members)
    if total > limits.max_decompressed_bytes:
        raise LoadError(
            "zip_bomb",
            f"{what} would decompress to {total} bytes, the limit is {limits.max_decompressed_bytes}",
        )
    for member in members:
        if member.file_size > _LARGE_MEMBER:
            ratio = member.file_size / max(member.compress_size, 1)
            if ratio > limits.max_compression_ratio:
                raise LoadError(
                    "zip_bomb",
                    f"{what} member {member.filename} is compressed {ratio:.0f}:1, "
                    f"the limit is {limits.max_compression_ratio:.0f}:1",
                )


def check_package(data: bytes, limits: LoadLimits, what: str, legacy: str) -> None:
    """An OOXML or OpenDocument file: not encrypted, not a legacy binary file renamed, not a zip bomb."""
    if data.startswith(_OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise LoadError("encrypted", f"{what} is encrypted (password protected)")
        raise LoadError("unsupported", f"a legacy {legacy} file saved as {what}")
    check_zip(data, limits, what)


def load_docx(path: Path, data: bytes, limits: LoadLimits) -> list[Section]:
    check_package(data, limits, "DOCX", "Word 97-2003")
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises PackageNotFoundError, KeyError, XML errors...
        raise LoadError("corrupt", f"DOCX cannot be opened: {type(exc).__name__}: {exc}") from exc
    blocks = [p.text for p in document.paragraphs if p.text.strip()]
    for table in document.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells]
            if any(cells):
                blocks.append(" | ".join(cells))
    text = "\n\n".join(blocks)
    if not text.strip():
        raise LoadError("empty", "DOCX has no text")
    title = (document.core_properties.title or "").strip()
    return parts(text, limits, {"title": title} if title else {})
