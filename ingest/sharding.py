"""Deterministic split of an ingestion's files across N workers: ``privrag ingest PATH --shard I/N``.

A file belongs to shard ``I`` of ``N`` (1-based) when the SHA-256 of its path relative to the folder given
on the command line (its name, for a file given by name), taken as a number, is ``I - 1`` modulo ``N``. The
split depends on nothing but those paths: the same on every machine, in every run, whatever the mount point,
so N workers (each with its own ``--shard``) together ingest each file exactly once.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

_SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


class ShardError(ValueError):
    """A malformed ``--shard`` argument."""


@dataclass(frozen=True)
class Shard:
    index: int  # 1..count
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        match = _SHARD.match(text)
        if not match:
            raise ShardError(f"--shard: {text!r} is not I/N (e.g. 2/3: the second of three workers)")
        index, count = int(match.group(1)), int(match.group(2))
        if count < 1 or not 1 <= index <= count:
            raise ShardError(
                f"--shard: {text!r} needs N >= 1 and 1 <= I <= N: shards are numbered from 1 "
                "(I/N = 1/3, 2/3, 3/3)"
            )
        return cls(index, count)

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"

    def owns_key(self, key: str) -> bool:
        digest = hashlib.sha256(key.encode("utf-8")).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index - 1

    def owns(self, path: Path, root: Path) -> bool:
        """Whether this shard ingests ``path``, found under ``root`` (or given by name when equal)."""
        return self.owns_key(shard_key(path, root))

    def owns_source(self, source: Path, roots: Sequence[Path]) -> bool:
        """For a catalogued file: whether it falls under one of ``roots`` in this shard."""
        for root in roots:
            if source == root or root in source.parents:
                return self.owns(source, root)
        return False


def shard_key(path: Path, root: Path) -> str:
    """The path relative to the root it was found under, with ``/`` separators; a named file: its name."""
    if path == root:
        return path.name
    return path.relative_to(root).as_posix()
