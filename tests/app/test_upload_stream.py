"""Uploads parsed off the stream into the home: every file in the new folder, nothing anywhere else, and the
folder gone on any failure."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from app.upload_stream import receive_uploads
from app.uploads import UploadError, clean_uploads

BOUNDARY = "privragBoundary42"
CONTENT_TYPE = f"multipart/form-data; boundary={BOUNDARY}"


def _body(parts: list[tuple[str, str | None, bytes]], end: bool = True) -> bytes:
    out = b""
    for name, filename, data in parts:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        out += f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n\r\n".encode() + data + b"\r\n"
    return out + (f"--{BOUNDARY}--\r\n".encode() if end else b"")


async def _chunks(body: bytes, size: int = 1000) -> AsyncIterator[bytes]:
    for start in range(0, len(body), size):
        yield body[start : start + size]


def _receive(root: Path, body: bytes, max_bytes: int = 10**7, content_type: str = CONTENT_TYPE):  # type: ignore[no-untyped-def]
    return asyncio.run(receive_uploads(content_type, _chunks(body), root, max_bytes))


def test_files_and_fields_arrive_in_a_private_folder(tmp_path: Path) -> None:
    root = tmp_path / "uploads"
    big = b"line of text\n" * 200_000  # 2.6 MB in 1,000-byte chunks
    received = _receive(
        root, _body([("files", "b.md", b"beta"), ("groups", None, b"hr, eng"), ("files", "a.txt", big)])
    )
    assert received.folder.parent == root and received.names == ["b.md", "a.txt"]
    assert received.fields == {"groups": "hr, eng"}
    assert (received.folder / "a.txt").read_bytes() == big
    assert (received.folder / "b.md").stat().st_mode & 0o777 == 0o600
    assert received.folder.stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (_body([("files", "a.md", b"ok"), ("files", "big.md", b"x" * 5000)]), "big.md: larger than"),
        (_body([("files", "a.md", b"1"), ("files", "a.md", b"2")]), "same name"),
        (_body([("files", "../escape.md", b"x")]), ""),
        (_body([("files", "a.md", b"x" * 3000)], end=False)[:-10], "cut off"),
        (_body([("groups", None, b"hr")]), "no files"),
    ],
)
def test_a_bad_upload_leaves_nothing(tmp_path: Path, body: bytes, message: str) -> None:
    root = tmp_path / "uploads"
    with pytest.raises(UploadError, match=message or None):
        _receive(root, body, max_bytes=4000)
    assert list(root.iterdir()) == []


def test_only_multipart_is_accepted(tmp_path: Path) -> None:
    with pytest.raises(UploadError, match="multipart/form-data"):
        _receive(tmp_path, b"{}", content_type="application/json")


def test_clean_uploads_removes_whatever_was_left(tmp_path: Path) -> None:
    root = tmp_path / "uploads"
    (root / "abc123").mkdir(parents=True)
    (root / "abc123" / "Jane_Doe_warning.txt").write_text("raw")
    (root / "stray.txt").write_text("raw")
    assert clean_uploads(root) == 2 and list(root.iterdir()) == []
    assert clean_uploads(tmp_path / "missing") == 0
