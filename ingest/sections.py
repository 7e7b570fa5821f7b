"""What every file reader returns (sections of text) or raises (LoadError with a reason code); limits."""

from __future__ import annotations

from dataclasses import dataclass, field

from charset_normalizer import from_bytes

# Reason codes of LoadError.kind, listed in the job's summary.
FAILURE_KINDS = (
    "corrupt",
    "encrypted",
    "too_large",
    "unsupported",
    "undecodable",
    "empty",
    "no_text",
    "zip_bomb",
    "ocr_unavailable",  # a scan or an image, and no Tesseract (or its language data) on this machine
    "ocr_timeout",  # OCR of one page took longer than the per-page limit
)


class LoadError(Exception):
    """A file that cannot be ingested; ``kind`` is a short reason code, the message says what is wrong."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass
class Section:
    """One citable part of a file: a PDF page, a block of CSV rows, a JSON record, a part of a long text.

    ``meta`` goes into every chunk's metadata (``page``, ``section``, ``title``...); ``key`` makes the chunk
    ids of the section unique within the file (0 when the file has one section).
    """

    text: str
    meta: dict[str, str | int] = field(default_factory=dict)
    key: int | str = 0


@dataclass(frozen=True)
class LoadLimits:
    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 2000
    max_decompressed_bytes: int = 200 * 1024 * 1024  # sum of a DOCX's declared member sizes
    max_compression_ratio: float = 100.0  # of any large DOCX member (zip bombs reach 1000+)
    max_archive_members: int = 10_000
    rows_per_section: int = 50  # CSV rows per section
    max_section_chars: int = 50_000  # longer texts are cut at paragraph boundaries into parts
    max_sheets: int = 100  # worksheets of a spreadsheet
    max_cells: int = 1_000_000  # cells read from one spreadsheet (each row counts at least one)
    max_image_pixels: int = 100_000_000  # of an image or a PDF page rendered for OCR
    ocr: bool = True  # OCR of images and image-only PDF pages (Tesseract)
    ocr_languages: str = "eng"  # Tesseract language codes, joined with "+"
    ocr_page_seconds: float = 60.0  # the time limit of OCR of one page
    ocr_dpi: int = 300  # resolution at which image-only PDF pages are rendered for OCR


def decode_text(data: bytes) -> str:
    """Decode bytes of unknown encoding (BOMs, UTF-8, legacy code pages) or raise LoadError."""
    if not data.strip():
        raise LoadError("empty", "file is empty")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError("undecodable", "binary content in a text file")
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


def split_long(text: str, max_chars: int) -> list[str]:
    """``text`` cut into parts of at most ``max_chars``, at paragraph, else line, else word boundaries."""
    if len(text) <= max_chars:
        return [text]
    parts: list[str] = []
    start = 0
    while len(text) - start > max_chars:
        window = text[start : start + max_chars]
        cut = -1
        for separator in ("\n\n", "\n", " "):
            cut = window.rfind(separator)
            if cut > max_chars // 2:
                cut += len(separator)
                break
        if cut <= max_chars // 2:
            cut = max_chars
        parts.append(text[start : start + cut])
        start += cut
    parts.append(text[start:])
    return [p for p in parts if p.strip()]


def parts(
    text: str, limits: LoadLimits, meta: dict[str, str | int] | None = None, key: int | str = 0
) -> list[Section]:
    """Sections of one logical unit of text, cut into parts when it is longer than the limit."""
    pieces = split_long(text, limits.max_section_chars)
    if len(pieces) == 1:
        return [Section(pieces[0], dict(meta or {}), key)]
    return [Section(p, dict(meta or {}), f"{key}.{n}") for n, p in enumerate(pieces, start=1)]
