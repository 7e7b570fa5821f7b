"""File readers by suffix: each turns one file into text sections or raises LoadError with a reason code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ingest.binary_formats import load_docx, load_pdf
from ingest.ocr import load_image
from ingest.office_formats import load_pptx, load_xlsx
from ingest.opendocument import load_odp, load_ods, load_odt
from ingest.outlook import load_msg
from ingest.sections import FAILURE_KINDS, LoadError, LoadLimits, Section, decode_text
from ingest.text_formats import load_csv, load_eml, load_html, load_json, load_jsonl, load_rtf, load_text

__all__ = ["FAILURE_KINDS", "LOADERS", "LoadError", "LoadLimits", "Section", "decode_text", "load_file"]

Loader = Callable[[Path, bytes, LoadLimits], list[Section]]

LOADERS: dict[str, Loader] = {
    ".txt": load_text,
    ".md": load_text,
    ".markdown": load_text,
    ".html": load_html,
    ".htm": load_html,
    ".csv": load_csv,
    ".json": load_json,
    ".jsonl": load_jsonl,
    ".eml": load_eml,
    ".pdf": load_pdf,
    ".docx": load_docx,
    ".xlsx": load_xlsx,
    ".xlsm": load_xlsx,
    ".pptx": load_pptx,
    ".msg": load_msg,
    ".odt": load_odt,
    ".ods": load_ods,
    ".odp": load_odp,
    ".rtf": load_rtf,
    ".png": load_image,
    ".jpg": load_image,
    ".jpeg": load_image,
    ".tif": load_image,
    ".tiff": load_image,
}


def load_file(path: Path, data: bytes, limits: LoadLimits) -> list[Section]:
    """Sections of ``path`` (already read as ``data``); LoadError with a clear reason otherwise."""
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        raise LoadError("unsupported", f"unsupported file type {path.suffix or '(none)'}")
    if len(data) > limits.max_bytes:
        raise LoadError("too_large", f"file is {len(data)} bytes, the limit is {limits.max_bytes}")
    if not data.strip():
        raise LoadError("empty", "file is empty")
    try:
        sections = loader(path, data, limits)
    except LoadError:
        raise
    except RecursionError as exc:
        raise LoadError("corrupt", "nesting too deep to parse") from exc
    except MemoryError as exc:
        raise LoadError("too_large", "not enough memory to parse the file") from exc
    sections = [s for s in sections if s.text.strip()]
    if not sections:
        raise LoadError("no_text", "file has no text")
    return sections
