"""The OCR figure of `privrag bench ingest`: pages drawn by the bench, read by privrag and by a baseline."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.commands.bench_ocr import human_line, measure, write_corpus
from ingest.loaders import LoadLimits
from tests.ingest.office_files import need_ocr


def test_the_bench_corpus_is_png_pages_and_the_same_pages_as_a_scanned_pdf(tmp_path: Path) -> None:
    need_ocr()
    files = write_corpus(tmp_path, 2)
    assert [p.name for p in files] == ["scan_01.png", "scan_02.png", "scanned_claims.pdf"]


def test_ocr_pages_per_second_beside_the_baseline(tmp_path: Path) -> None:
    need_ocr()
    figures = measure(tmp_path, LoadLimits(), pages=1)
    assert figures["pages"] == 2 and figures["chars"] > 200  # the PNG and the PDF's page, both read
    assert figures["pages_per_s"] > 0 and figures["baseline_pages_per_s"] > 0 and figures["ratio"] > 0
    assert "pages/s" in human_line(figures)


def test_without_tesseract_the_figure_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    figures = measure(tmp_path, LoadLimits(), pages=1)
    assert "apt-get install" in figures["skipped"] and "skipped" in human_line(figures)
    assert measure(tmp_path, LoadLimits(), pages=0) == {"skipped": "--ocr-pages 0"}
