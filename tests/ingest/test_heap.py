"""The C heap's free memory returned to the system after each written batch (ingest/heap.py)."""

from __future__ import annotations

import ctypes
import os
from pathlib import Path

import pytest

from app.container import Container
from ingest import heap

BLOCK = 64 * 1024  # below glibc's mmap threshold: served from the heap, kept there when freed
BLOCKS = 1600  # 100 MB


def _anon_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssAnon:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no RssAnon in /proc/self/status")


glibc_only = pytest.mark.skipif(
    not heap.can_release() and os.environ.get("CI") != "true", reason="not glibc (CI runs on Debian)"
)


@glibc_only
def test_freed_heap_memory_goes_back_to_the_system() -> None:
    libc = ctypes.CDLL(None)
    libc.malloc.restype, libc.malloc.argtypes = ctypes.c_void_p, [ctypes.c_size_t]
    libc.free.argtypes = [ctypes.c_void_p]
    blocks = [libc.malloc(BLOCK) for _ in range(BLOCKS)]
    assert all(blocks)
    for block in blocks:
        ctypes.memset(block, 1, BLOCK)  # resident
    resident = _anon_mb()
    for block in blocks[:-1]:  # the last block stays in use above the others: the heap cannot shrink
        libc.free(block)
    held = _anon_mb()
    assert held > resident - 30  # freed, but malloc keeps it (what a job's batches left behind)
    assert heap.release_free_heap()
    assert _anon_mb() < held - 60  # most of the 100 MB went back
    libc.free(blocks[-1])


def test_a_job_releases_the_heap_after_each_batch_unless_told_not_to(
    container: Container, docs: Path, tmp_path: Path
) -> None:
    report = container.ingestor.run([docs])
    assert report.ingested == 3
    assert "release_heap" in report.stage_seconds
    container.ingestor.release_heap = False
    (docs / "badges.md").write_text("# Badges\n\nLost badges are replaced by the front desk within a day.\n")
    second = container.ingestor.run([docs])
    assert second.ingested == 1 and "release_heap" not in second.stage_seconds
