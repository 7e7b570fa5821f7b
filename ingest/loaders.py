"""File readers: each turns one file into text sections (a page, or the whole text) or raises LoadError."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes


class LoadError(Exception):
    """A file that cannot be ingested; ``kind`` is a short reason code, the message says what is wrong."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass
class Section:
    text: str
    meta: dict[str, str | int] = field(default_factory=dict)


@dataclass(frozen=True)
class LoadLimits:
    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 2000


def decode_text(data: bytes) -> str:
    """Decode bytes of unknown encoding (BOMs, UTF-8, legacy code pages) or raise LoadError."""
    if not data.strip():
        raise LoadError("empty", "file is empty")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise LoadError("undecodable", "cannot detect the text encoding (binary data?)")
    # Western European text scores alike under cp1250 and cp1252; prefer the far more common cp1252.
    for candidate in matches:
        if candidate.encoding == "cp1252" and candidate.chaos <= best.chaos:
            return str(candidate)
    return str(best)


def _load_text(path: Path, data: bytes, limits: LoadLimits) -> list[Section]:
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError("undecodable", "binary content in a text file")
    return [Section(decode_text(data))]


def _load_pdf(path: Path, data: bytes, limits: LoadLimits) -> list[Section]:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise LoadError("encrypted", "PDF is encrypted (password protected)")
            except LoadError:
                raise
            except Exception as exc:
                raise LoadError("encrypted", f"PDF is encrypted and cannot be opened: {exc}") from exc
        pages = reader.pages
        if len(pages) > limits.max_pages:
            raise LoadError("too_large", f"PDF has {len(pages)} pages, the limit is {limits.max_pages}")
        sections = []
        for number, page in enumerate(pages, start=1):
            text = page.extract_text() or ""
            if text.strip():
                sections.append(Section(text, {"page": number}))
    except LoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise LoadError("corrupt", f"PDF cannot be parsed: {exc}") from exc
    if not sections:
        raise LoadError("no_text", "PDF has no text layer (image-only or empty)")
    return sections


def _load_docx(path: Path, data: bytes, limits: LoadLimits) -> list[Section]:
    import io
    import zipfile

    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise LoadError("corrupt", f"DOCX cannot be opened: {exc}") from exc
    except Exception as exc:  # python-docx raises its own PackageNotFoundError among others
        raise LoadError("corrupt", f"DOCX cannot be opened: {exc}") from exc
    parts = [p.text for p in document.paragraphs if p.text.strip()]
    for table in document.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells]
            if any(cells):
                parts.append(" | ".join(cells))
    text = "\n\n".join(parts)
    if not text.strip():
        raise LoadError("empty", "DOCX has no text")
    return [Section(text)]


LOADERS: dict[str, Callable[[Path, bytes, LoadLimits], list[Section]]] = {
    ".txt": _load_text,
    ".md": _load_text,
    ".pdf": _load_pdf,
    ".docx": _load_docx,
}


def load_file(path: Path, data: bytes, limits: LoadLimits) -> list[Section]:
    """Sections of ``path`` (already read as ``data``); LoadError with a clear reason otherwise."""
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        raise LoadError("unsupported", f"unsupported file type {path.suffix or '(none)'}")
    if len(data) > limits.max_bytes:
        raise LoadError("too_large", f"file is {len(data)} bytes, the limit is {limits.max_bytes}")
    if not data:
        raise LoadError("empty", "file is empty")
    sections = loader(path, data, limits)
    if not any(s.text.strip() for s in sections):
        raise LoadError("empty", "file has no text")
    return sections
