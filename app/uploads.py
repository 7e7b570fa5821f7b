"""Files uploaded through the web UI, saved under ``<home>/uploads/<id>/`` with checked names and sizes."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from app.paths import UnsafePathError
from app.paths import safe_upload_name as plain_upload_name

_COPY_CHUNK = 1024 * 1024


class UploadError(ValueError):
    """A rejected upload: the message says which file and why."""

    def __init__(self, message: str, too_large: bool = False) -> None:
        super().__init__(message)
        self.too_large = too_large


@dataclass
class Upload:
    name: str
    stream: BinaryIO


def safe_upload_name(name: str | None) -> str:
    """The name itself when it is a plain file name (rules of ``app.paths``); anything else is rejected."""
    if not name or not name.strip():
        raise UploadError("a file has no name")
    try:
        return plain_upload_name(name)
    except UnsafePathError as exc:
        raise UploadError(str(exc)) from exc


def save_uploads(root: Path, uploads: Sequence[Upload], max_bytes: int) -> Path:
    """Write every upload into a new folder ``root/<id>``; all or nothing."""
    if not uploads:
        raise UploadError("no files were uploaded")
    names = [safe_upload_name(u.name) for u in uploads]
    if len(set(names)) != len(names):
        raise UploadError("two uploaded files have the same name")
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder = root / uuid.uuid4().hex[:12]
    folder.mkdir(mode=0o700)
    try:
        for name, upload in zip(names, uploads, strict=True):
            target = folder / name
            if target.resolve().parent != folder.resolve():  # belt and braces after the name checks
                raise UploadError(f"file name escapes the upload folder: {name!r}")
            written = 0
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out:
                while chunk := upload.stream.read(_COPY_CHUNK):
                    written += len(chunk)
                    if written > max_bytes:
                        limit = f"{max_bytes / 1024 / 1024:.0f} MB"
                        raise UploadError(f"{name}: larger than the limit of {limit}", too_large=True)
                    out.write(chunk)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder


def discard_uploads(root: Path, paths: Sequence[str]) -> None:
    """Remove upload folders once ingested: the home keeps no raw documents, only the pseudonymized index."""
    resolved_root = root.resolve()
    for path in paths:
        resolved = Path(path).resolve()
        for folder in (resolved, resolved.parent):
            if folder.parent == resolved_root and folder.is_dir():
                shutil.rmtree(folder, ignore_errors=True)


def clean_uploads(root: Path) -> int:
    """Remove everything under ``root`` (uploads a stopped or crashed service left); returns how many entries.

    Run when the service starts: no job can be using them then (jobs live in the service's memory)."""
    if not root.is_dir():
        return 0
    removed = 0
    for entry in root.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed += 1
    return removed
