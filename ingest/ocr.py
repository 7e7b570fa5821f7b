"""OCR with Tesseract: images (.png, .jpg, .tif, a section per TIFF page) and image-only PDF pages.

Tesseract runs as a child process, one page at a time, with a time limit per page. The page image is piped to
its standard input as an uncompressed PNM and the text read from its standard output: the image is never
written to disk (pytesseract would write both to temporary files). OpenMP is limited to one thread per
page, since the other core pseudonymizes and embeds meanwhile.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

from ingest.sections import LoadError, LoadLimits, Section, parts

TESSERACT = "tesseract"
INSTALL_HINT = "install it with: apt-get install -y tesseract-ocr tesseract-ocr-eng"
_VERSION_SECONDS = 20.0  # `tesseract --list-langs` answers in milliseconds


@dataclass(frozen=True)
class OcrEngine:
    """The Tesseract program and the languages it reads, checked to be installed."""

    command: str
    languages: str

    @classmethod
    def find(cls, limits: LoadLimits) -> OcrEngine:
        """The installed engine, or LoadError ``ocr_unavailable`` saying what is missing and how to get it."""
        if not limits.ocr:
            raise LoadError("ocr_unavailable", "OCR is turned off ([ingest] ocr = false)")
        command = shutil.which(TESSERACT)
        if command is None:
            raise LoadError("ocr_unavailable", f"needs OCR, and Tesseract is not installed: {INSTALL_HINT}")
        try:
            listed = subprocess.run(
                [command, "--list-langs"], capture_output=True, timeout=_VERSION_SECONDS, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise LoadError("ocr_unavailable", f"Tesseract does not run: {exc}") from exc
        installed = {line.strip() for line in listed.stdout.decode(errors="replace").splitlines()[1:]}
        wanted = [code for code in limits.ocr_languages.split("+") if code.strip()]
        missing = [code for code in wanted if code not in installed]
        if missing or not wanted:
            packages = " ".join(f"tesseract-ocr-{m}" for m in missing) or "tesseract-ocr-eng"
            raise LoadError(
                "ocr_unavailable",
                f"Tesseract has no language data for {'+'.join(missing) or '(none configured)'}: "
                f"apt-get install -y {packages}",
            )
        return cls(command, "+".join(wanted))

    def read(self, image: Any, page: int, limits: LoadLimits) -> str:
        """The text of one page image (a Pillow image); LoadError ``ocr_timeout`` past the page limit."""
        buffer = io.BytesIO()
        grey = image if image.mode in ("L", "1") else image.convert("L")
        grey.save(buffer, format="PPM")
        environment = dict(os.environ, OMP_THREAD_LIMIT="1")
        try:
            done = subprocess.run(
                [self.command, "stdin", "stdout", "-l", self.languages, "--psm", "3"],
                input=buffer.getvalue(),
                capture_output=True,
                timeout=limits.ocr_page_seconds,
                env=environment,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise LoadError(
                "ocr_timeout", f"OCR of page {page} took longer than {limits.ocr_page_seconds:g} s"
            ) from exc
        if done.returncode != 0:
            reason = " ".join(done.stderr.decode(errors="replace").split())[-300:]
            raise LoadError(
                "corrupt", f"OCR of page {page} failed: {reason or 'exit ' + str(done.returncode)}"
            )
        return clean_ocr_text(done.stdout.decode("utf-8", errors="replace"))


def clean_ocr_text(text: str) -> str:
    """Tesseract's output without form feeds, trailing spaces and runs of blank lines."""
    lines = [line.rstrip() for line in text.replace("\f", "\n").splitlines()]
    out: list[str] = []
    for line in lines:
        if not line and (not out or not out[-1]):
            continue
        out.append(line)
    return "\n".join(out).strip()


def check_pixels(width: int, height: int, limits: LoadLimits, what: str) -> None:
    if width <= 0 or height <= 0:
        raise LoadError("corrupt", f"{what} has no pixels ({width}x{height})")
    if width * height > limits.max_image_pixels:
        raise LoadError(
            "too_large", f"{what} is {width}x{height} pixels, the limit is {limits.max_image_pixels} pixels"
        )


def _frames(data: bytes, limits: LoadLimits) -> Iterator[Any]:
    """The pages of an image file (several for a multi-page TIFF), each checked before it is decoded."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
    except UnidentifiedImageError as exc:
        raise LoadError("corrupt", "not an image (the format is not recognized)") from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise LoadError("corrupt", f"image cannot be read: {exc}") from exc
    with image:
        pages = getattr(image, "n_frames", 1)
        if pages > limits.max_pages:
            raise LoadError("too_large", f"image has {pages} pages, the limit is {limits.max_pages}")
        for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
            check_pixels(frame.width, frame.height, limits, f"page {number} of the image")
            try:
                frame.load()
                yield frame.convert("L")
            except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
                raise LoadError("corrupt", f"page {number} of the image cannot be decoded: {exc}") from exc


def load_image(path: Path, data: bytes, limits: LoadLimits) -> list[Section]:
    """OCR text of each page of an image (page numbers for citations); the image itself is not kept."""
    frames = _frames(data, limits)
    first = next(frames, None)  # a file that is not an image fails here, before Tesseract is looked for
    if first is None:
        raise LoadError("corrupt", "image has no pages")
    engine = OcrEngine.find(limits)
    sections: list[Section] = []
    for number, frame in enumerate(chain([first], frames), start=1):
        sections += _page_sections(engine, frame, number, limits)
    if not sections:
        raise LoadError("no_text", "OCR found no text in the image")
    return sections


def _page_sections(engine: OcrEngine, frame: Any, number: int, limits: LoadLimits) -> list[Section]:
    text = engine.read(frame, number, limits)
    return parts(text, limits, {"page": number, "ocr": "tesseract"}, number) if text else []


def ocr_pdf_pages(data: bytes, pages: list[int], limits: LoadLimits) -> dict[int, str]:
    """OCR text of the given (1-based) pages of a PDF that carry an image, rendered with PDFium.

    Pages without any image object (blank pages) are not OCRed. LoadError ``ocr_unavailable`` when some page
    needs OCR and Tesseract is missing; ``ocr_timeout`` when a page exceeds its time limit.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise LoadError("corrupt", f"PDF cannot be rendered for OCR: {exc}") from exc
    texts: dict[int, str] = {}
    try:
        scanned = []
        for number in pages:
            page = document[number - 1]
            images = page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=4)
            if next(iter(images), None) is not None:
                scanned.append(number)
            page.close()
        if not scanned:
            return texts
        engine = OcrEngine.find(limits)
        for number in scanned:
            page = document[number - 1]
            try:
                width, height = page.get_size()
                scale = limits.ocr_dpi / 72
                pixels = width * scale * height * scale
                if pixels > limits.max_image_pixels:  # a huge page: rendered at the resolution that fits
                    scale *= (limits.max_image_pixels / pixels) ** 0.5
                image = page.render(scale=scale, grayscale=True).to_pil()
            except pdfium.PdfiumError as exc:
                raise LoadError("corrupt", f"page {number} of the PDF cannot be rendered: {exc}") from exc
            finally:
                page.close()
            texts[number] = engine.read(image, number, limits)
    finally:
        document.close()
    return texts
