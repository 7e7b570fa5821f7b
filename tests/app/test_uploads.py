"""Upload names and sizes are checked before anything is written; folders go once ingested."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from app.uploads import Upload, UploadError, discard_uploads, safe_upload_name, save_uploads


@pytest.mark.parametrize(
    "name",
    [
        "",
        " ",
        "..",
        "../x.md",
        "a/../../x.md",
        "/etc/passwd",
        "a/b.md",
        "C:\\x.md",
        "C:x.md",
        "x\\y.md",
        ".env",
        "a\x00b.md",
        "a\nb.md",
        "x" * 300,
    ],
)
def test_unsafe_names_are_rejected(name: str) -> None:
    with pytest.raises(UploadError):
        safe_upload_name(name)


@pytest.mark.parametrize("name", ["report.pdf", "Q3 plan (final).docx", "résumé.md", "a.b.txt"])
def test_plain_names_pass(name: str) -> None:
    assert safe_upload_name(name) == name


def test_save_writes_every_file_into_a_new_private_folder(tmp_path: Path) -> None:
    root = tmp_path / "uploads"
    folder = save_uploads(
        root, [Upload("a.md", io.BytesIO(b"alpha")), Upload("b.txt", io.BytesIO(b"beta"))], 100
    )
    assert folder.parent == root
    assert sorted(p.name for p in folder.iterdir()) == ["a.md", "b.txt"]
    assert (folder / "a.md").read_bytes() == b"alpha"
    assert (folder / "a.md").stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700


def test_save_is_all_or_nothing(tmp_path: Path) -> None:
    root = tmp_path / "uploads"
    with pytest.raises(UploadError) as too_large:
        save_uploads(root, [Upload("a.md", io.BytesIO(b"ok")), Upload("b.md", io.BytesIO(b"x" * 101))], 100)
    assert too_large.value.too_large and "b.md" in str(too_large.value)
    with pytest.raises(UploadError):
        save_uploads(root, [Upload("a.md", io.BytesIO(b"ok")), Upload("../b.md", io.BytesIO(b"x"))], 100)
    with pytest.raises(UploadError):
        save_uploads(root, [Upload("a.md", io.BytesIO(b"1")), Upload("a.md", io.BytesIO(b"2"))], 100)
    with pytest.raises(UploadError):
        save_uploads(root, [], 100)
    assert not root.exists() or list(root.iterdir()) == []


def test_discard_removes_only_upload_folders(tmp_path: Path) -> None:
    root = tmp_path / "uploads"
    folder = save_uploads(root, [Upload("a.md", io.BytesIO(b"alpha"))], 100)
    outside = tmp_path / "docs"
    outside.mkdir()
    (outside / "keep.md").write_text("keep")
    discard_uploads(root, [str(folder / "a.md"), str(outside / "keep.md"), str(outside)])
    assert not folder.exists()
    assert (outside / "keep.md").exists()
