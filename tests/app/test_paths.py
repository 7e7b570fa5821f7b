"""Ingestion paths and upload names that try to escape are rejected."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.paths import UnsafePathError, allowed_roots, check_within, safe_upload_name


def test_paths_inside_the_roots_are_accepted(tmp_path: Path) -> None:
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    roots = [tmp_path / "docs"]
    assert check_within(str(tmp_path / "docs" / "sub"), roots) == (tmp_path / "docs" / "sub").resolve()
    assert check_within(str(tmp_path / "docs"), roots) == (tmp_path / "docs").resolve()


@pytest.mark.parametrize("raw", ["/etc", "/etc/passwd", "{docs}/../secret", "{docs}/sub/../../secret", ""])
def test_paths_outside_the_roots_are_refused(tmp_path: Path, raw: str) -> None:
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    with pytest.raises(UnsafePathError):
        check_within(raw.format(docs=tmp_path / "docs"), [tmp_path / "docs"])


def test_a_symlink_pointing_out_of_the_roots_is_refused(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "secret").mkdir()
    (tmp_path / "docs" / "link").symlink_to(tmp_path / "secret")
    with pytest.raises(UnsafePathError, match="outside the allowed"):
        check_within(str(tmp_path / "docs" / "link"), [tmp_path / "docs"])


def test_uploads_folder_is_always_allowed(tmp_path: Path) -> None:
    roots = allowed_roots([], tmp_path)
    assert roots == [(tmp_path / "uploads").resolve()]


@pytest.mark.parametrize(
    "name", ["../x.txt", "/etc/passwd", "a/b.txt", "..", "a\\b.txt", "x\x00.txt", ".hidden"]
)
def test_upload_names_that_are_paths_are_refused(name: str) -> None:
    with pytest.raises(UnsafePathError):
        safe_upload_name(name)


def test_plain_upload_names_pass() -> None:
    assert safe_upload_name("Q3 report (final).pdf") == "Q3 report (final).pdf"


def test_a_symlinked_file_pointing_out_of_an_ingested_folder_is_skipped(tmp_path: Path) -> None:
    from ingest.discovery import discover

    (tmp_path / "docs").mkdir()
    (tmp_path / "secret.txt").write_text("outside\n")
    (tmp_path / "docs" / "ok.txt").write_text("inside\n")
    (tmp_path / "docs" / "escape.txt").symlink_to(tmp_path / "secret.txt")
    found = discover([tmp_path / "docs"], {".txt"})
    assert [p.name for p in found.files] == ["ok.txt"]
