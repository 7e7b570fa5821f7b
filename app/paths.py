"""Path safety: server-side ingestion paths must stay inside the allowed roots; upload names must be plain."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path


class UnsafePathError(ValueError):
    """A path or file name that tries to escape where it is allowed to be."""


def allowed_roots(configured: Sequence[str], home: Path) -> list[Path]:
    """The configured roots (``~`` expanded), plus the home's uploads folder, resolved."""
    roots = [Path(r).expanduser().resolve() for r in configured]
    return [*roots, (home / "uploads").resolve()]


def check_within(raw: str, roots: Sequence[Path]) -> Path:
    """``raw`` resolved (symlinks followed); UnsafePathError when it lies outside every root."""
    if not raw or "\x00" in raw:
        raise UnsafePathError(f"path {raw!r}: empty or contains a NUL byte")
    resolved = Path(raw).expanduser().resolve()
    if not any(resolved == root or root in resolved.parents for root in roots):
        names = ", ".join(str(r) for r in roots)
        raise UnsafePathError(f"path {raw!r} is outside the allowed ingestion roots ({names})")
    return resolved


_SAFE_NAME = re.compile(r"^[\w][\w .,()+-]{0,200}$")


def safe_upload_name(name: str) -> str:
    """An uploaded file's name, refused when it is a path (``..``, ``/``, ``\\``) or has odd characters."""
    if not name or name in {".", ".."} or "/" in name or "\\" in name or "\x00" in name or ".." in name:
        raise UnsafePathError(f"upload name {name!r}: must be a plain file name, not a path")
    if not _SAFE_NAME.match(name):
        raise UnsafePathError(f"upload name {name!r}: use letters, digits, spaces and . , ( ) + - _ only")
    return name
