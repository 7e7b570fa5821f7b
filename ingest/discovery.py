"""Which files a job ingests: folders walked in order, hidden entries and ``.privragignore`` patterns skipped.

A ``.privragignore`` file in a folder lists glob patterns, one a line (``#`` starts a comment), for that
folder and everything below it. A pattern without ``/`` matches a file or folder name at any depth (``*.tmp``,
``questions.jsonl``, ``drafts``); a pattern with ``/`` matches the path relative to the ignore file's folder
(``archive/2019/*.pdf``); a trailing ``/`` matches folders only. Files named explicitly are never ignored.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from ingest.sharding import Shard

IGNORE_FILE = ".privragignore"


@dataclass(frozen=True)
class IgnoreRule:
    base: Path
    pattern: str
    dirs_only: bool

    def matches(self, path: Path, is_dir: bool) -> bool:
        if self.dirs_only and not is_dir:
            return False
        if "/" in self.pattern:
            try:
                relative = path.relative_to(self.base).as_posix()
            except ValueError:
                return False
            return fnmatchcase(relative, self.pattern.lstrip("/"))
        return fnmatchcase(path.name, self.pattern)


def read_ignore_file(folder: Path) -> list[IgnoreRule]:
    """The rules of ``folder/.privragignore`` (none when there is no such file)."""
    try:
        lines = (folder / IGNORE_FILE).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    rules = []
    for line in lines:
        pattern = line.strip()
        if not pattern or pattern.startswith("#"):
            continue
        dirs_only = pattern.endswith("/")
        rules.append(IgnoreRule(folder, pattern.rstrip("/"), dirs_only))
    return rules


@dataclass
class Discovered:
    files: list[Path]
    missing: list[Path]
    ignored: int


def walk(folder: Path, extensions: set[str]) -> tuple[list[Path], int]:
    """Files under ``folder`` with one of ``extensions``, sorted; and how many were ignored by rules."""
    found: list[Path] = []
    ignored = 0
    rules_at: dict[Path, list[IgnoreRule]] = {}
    for root, dirs, names in os.walk(folder):
        here = Path(root)
        inherited = rules_at.get(here.parent, []) if here != folder else []
        rules = rules_at[here] = inherited + read_ignore_file(here)
        kept_dirs = []
        for name in sorted(dirs):
            if name.startswith("."):
                continue
            if any(r.matches(here / name, True) for r in rules):
                ignored += 1
                continue
            kept_dirs.append(name)
        dirs[:] = kept_dirs
        for name in sorted(names):
            path = here / name
            if name.startswith(".") or Path(name).suffix.lower() not in extensions:
                continue
            if any(r.matches(path, False) for r in rules):
                ignored += 1
                continue
            if path.is_symlink() and folder not in path.resolve().parents:
                ignored += 1  # a link out of the folder being ingested: never followed
                continue
            found.append(path)
    return sorted(found), ignored


def discover(paths: Iterable[Path], extensions: set[str], shard: Shard | None = None) -> Discovered:
    """Files to ingest under ``paths`` (folders walked, files taken as named), without duplicates.

    With a ``shard``, only the files that shard owns (by their path relative to the folder given).
    """
    files: list[Path] = []
    missing: list[Path] = []
    ignored = 0
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            root = path.resolve()
            found, skipped = walk(root, extensions)
            files += [f for f in found if shard is None or shard.owns(f, root)]
            ignored += skipped
        elif path.is_file():
            if shard is None or shard.owns(path.resolve(), path.resolve()):
                files.append(path.resolve())
        else:
            missing.append(path)
    return Discovered(list(dict.fromkeys(p.resolve() for p in files)), missing, ignored)
