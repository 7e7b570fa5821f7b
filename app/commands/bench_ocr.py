"""OCR pages per second for `privrag bench ingest`, on a small corpus of typed pages the bench draws itself.

privrag's OCR (``ingest.ocr``: the page piped to Tesseract, one OpenMP thread, through ``load_file``) beside a
baseline run side by side on the same pages: what pytesseract does (the page written to a temporary PNG, then
``tesseract FILE OUT`` with Tesseract's default threads, the text read back from a file).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from ingest.loaders import LoadError, LoadLimits, load_file

PAGE_LINES = [
    "Northwind Analytics Ltd. - expense claim {n}",
    "Employee: Jordan Avery    Department: Data Engineering",
    "Trip: client workshop in Chicago, 12-14 March 2025",
    "Hotel: 3 nights at 189.00 USD; meals: 3 days at 75.00 USD",
    "Taxi and parking: 64.50 USD; total claimed: 856.50 USD",
    "Approved by the budget owner on 20 March 2025.",
]


def draw_pages(count: int) -> list[Any]:
    """``count`` A4 pages at 200 dpi with a few lines of typed text (DejaVu Sans)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 32)
    pages = []
    for n in range(1, count + 1):
        page = Image.new("L", (1654, 2339), 255)
        draw = ImageDraw.Draw(page)
        for i, line in enumerate(PAGE_LINES * 3):
            draw.text((140, 180 + i * 58), line.format(n=n), fill=0, font=font)
        pages.append(page)
    return pages


def write_corpus(folder: Path, pages: int) -> list[Path]:
    """The pages as PNG files, and the same pages again as one scanned (image-only) PDF."""
    folder.mkdir(parents=True, exist_ok=True)
    images = draw_pages(pages)
    paths = []
    for n, image in enumerate(images, start=1):
        path = folder / f"scan_{n:02d}.png"
        image.save(path, format="PNG")
        paths.append(path)
    pdf = folder / "scanned_claims.pdf"
    images[0].convert("RGB").save(
        pdf, format="PDF", resolution=200, save_all=True, append_images=[i.convert("RGB") for i in images[1:]]
    )
    return [*paths, pdf]


def _ours(files: list[Path], limits: LoadLimits) -> tuple[float, int, int]:
    started = time.perf_counter()
    pages = chars = 0
    for path in files:
        sections = load_file(path, path.read_bytes(), limits)
        pages += len({s.meta.get("page") for s in sections})
        chars += sum(len(s.text) for s in sections)
    return time.perf_counter() - started, pages, chars


def _baseline(images: list[Any], languages: str) -> float:
    """pytesseract's way: a temporary PNG per page, ``tesseract IN OUT``, the text file read back."""
    command = shutil.which("tesseract") or "tesseract"
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="privrag-bench-ocr-") as tmp:
        for n, image in enumerate(images):
            source = Path(tmp) / f"page{n}.png"
            image.save(source, format="PNG")
            subprocess.run(
                [command, str(source), str(Path(tmp) / f"out{n}"), "-l", languages],
                capture_output=True,
                check=True,
            )
            (Path(tmp) / f"out{n}.txt").read_text(errors="replace")
    return time.perf_counter() - started


def measure(workdir: Path, limits: LoadLimits, pages: int = 4) -> dict[str, Any]:
    """OCR figures on ``pages`` PNG pages plus the same pages as a scanned PDF; ``skipped`` when Tesseract
    is not installed (the reason says how to install it) or ``pages`` is 0."""
    from ingest.ocr import OcrEngine

    if pages <= 0:
        return {"skipped": "--ocr-pages 0"}
    try:
        OcrEngine.find(limits)
    except LoadError as exc:
        return {"skipped": str(exc)}
    files = write_corpus(workdir, pages)
    try:
        seconds, done, chars = _ours(files, limits)
    except LoadError as exc:
        return {"skipped": f"OCR failed on the bench corpus: {exc.kind}: {exc}"}
    baseline = _baseline(draw_pages(pages) * 2, limits.ocr_languages)  # the PNGs and the PDF's pages
    return {
        "pages": done,
        "chars": chars,
        "seconds": round(seconds, 2),
        "pages_per_s": round(done / seconds, 3) if seconds else 0.0,
        "dpi": limits.ocr_dpi,
        "baseline": "temporary PNG + tesseract FILE OUT (as pytesseract), default threads",
        "baseline_seconds": round(baseline, 2),
        "baseline_pages_per_s": round(done / baseline, 3) if baseline else 0.0,
        "ratio": round(baseline / seconds, 2) if seconds else None,
    }


def human_line(ocr: dict[str, Any]) -> str:
    if "skipped" in ocr:
        return f"  OCR: skipped ({ocr['skipped']})"
    return (
        f"  OCR: {ocr['pages']} pages in {ocr['seconds']:.1f} s = {ocr['pages_per_s']:.2f} pages/s; baseline "
        f"(temporary file, as pytesseract) {ocr['baseline_pages_per_s']:.2f} pages/s; ratio {ocr['ratio']}"
    )
