"""Property tests: every loader, fed arbitrary bytes, returns sections or a LoadError — no crash, no hang."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.loaders import LOADERS, LoadError, LoadLimits, load_file

LIMITS = LoadLimits()


@pytest.mark.parametrize("suffix", sorted(LOADERS))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2048))
def test_arbitrary_bytes_never_crash_a_loader(suffix: str, data: bytes) -> None:
    try:
        sections = load_file(Path(f"fuzz{suffix}"), data, LIMITS)
    except LoadError as exc:
        assert exc.kind and str(exc)
        return
    assert sections and all(isinstance(s.text, str) and s.text.strip() for s in sections)


@settings(max_examples=40, deadline=None)
@given(text=st.text(max_size=1500))
def test_arbitrary_text_files_load_or_fail_cleanly(text: str) -> None:
    for suffix in (".txt", ".md", ".csv", ".json", ".html", ".eml"):
        with contextlib.suppress(LoadError):  # a clear LoadError is a fine outcome; anything else fails
            load_file(Path(f"fuzz{suffix}"), text.encode("utf-8", "surrogatepass"), LIMITS)
