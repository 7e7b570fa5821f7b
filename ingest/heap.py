"""Give the C heap's free memory back to the system between a job's batches (glibc ``malloc_trim``).

Why: a job's resident memory rose with every batch although nothing it keeps grows. On 400 SciFact files
(1,021 chunks; docs/ingestion_scale.md) the memory glibc's allocator had handed out stayed at 336-338 MB
while the *free* memory it kept in its arenas rose from 195 to 297 MB: spaCy's and torch's large,
differently sized temporary arrays of each batch, freed in the job's threads, leave holes that malloc keeps
for later instead of returning them. ``malloc_trim(0)`` returns the free pages of every arena (all threads')
to the system; what is still in use is untouched, so it changes no result, only the memory the process holds.

Elsewhere than glibc (musl, macOS) there is no such call and nothing is done.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
from typing import Any


@functools.cache
def _libc() -> Any | None:
    """glibc, when this process runs on it and it has ``malloc_trim``; else None."""
    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        libc = ctypes.CDLL(name)
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return libc


def can_release() -> bool:
    """Whether :func:`release_free_heap` can do anything here (glibc)."""
    return _libc() is not None


def release_free_heap() -> bool:
    """Return the heap's free pages to the system (``malloc_trim(0)``); whether any memory was released."""
    libc = _libc()
    return bool(libc.malloc_trim(0)) if libc is not None else False
