"""The loader tests' two calls: a file's sections, or the LoadError it must raise, with a readable message."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.loaders import LoadError, LoadLimits, Section, load_file


def load(name: str, data: bytes, limits: LoadLimits | None = None) -> list[Section]:
    """The sections of ``data`` loaded as a file called ``name`` (default limits unless given)."""
    return load_file(Path(name), data, limits or LoadLimits())


def load_error(name: str, data: bytes, limits: LoadLimits | None = None) -> LoadError:
    """The LoadError that loading ``data`` as ``name`` raises; its message must say something to an admin."""
    with pytest.raises(LoadError) as info:
        load(name, data, limits)
    assert str(info.value), f"{name}: a LoadError without a message"
    return info.value
