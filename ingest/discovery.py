"""Which files a job ingests: folders walked in order, hidden entries and ``.privragignore`` patterns skipped.

A ``.privragignore`` file in a folder holds patterns with gitignore semantics (matched by ``pathspec``) for
that folder and everything below it: ``#`` starts a comment; a pattern without ``/`` matches a file or folder
name at any depth (``*.tmp``, ``questions.jsonl``, ``drafts``); a pattern with a ``/`` at its start or middle
is anchored to the ignore file's folder (``/top.md``, ``archive/2019/*.pdf``); ``**`` matches any number of
folders; a trailing ``/`` matches folders only; ``!pattern`` takes back what an earlier pattern (of this file
or of a folder above) ignored, except inside a folder that is itself ignored (it is never walked). Files
named explicitly are never ignored.

Every file or folder not taken is named with its reason (``SKIP_REASONS``), so the admin sees what the index
lacks: a folder skipped as a whole is named once, not file by file.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pathspec import GitIgnoreSpec

from ingest.sharding import Shard

IGNORE_FILE = ".privragignore"
UNSUPPORTED = "unsupported"  # a file type not in the extensions ingested
IGNORED = "ignored"  # matched by a .privragignore pattern
HIDDEN = "hidden"  # a name starting with "."
OUTSIDE = "outside_folder"  # a symbolic link to a file out of the folder being ingested: never followed
SKIP_REASONS = (UNSUPPORTED, IGNORED, HIDDEN, OUTSIDE)


@dataclass(frozen=True)
class SkippedFile:
    """A file (or a whole folder) a job did not take, and why (one of ``SKIP_REASONS``)."""

    path: str
    reason: str


@dataclass(frozen=True)
class IgnoreFile:
    """The patterns of one ``.privragignore``, relative to its folder ``base``."""

    base: Path
    spec: GitIgnoreSpec

    def verdict(self, path: Path, is_dir: bool) -> bool | None:
        """True: ignored, False: taken back by a ``!`` pattern, None: no pattern of this file matches."""
        try:
            relative = path.relative_to(self.base).as_posix()
        except ValueError:
            return None
        return self.spec.check_file(relative + "/" if is_dir else relative).include


def read_ignore_file(folder: Path) -> list[IgnoreFile]:
    """The patterns of ``folder/.privragignore`` (none when there is no such file)."""
    try:
        lines = (folder / IGNORE_FILE).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    spec = GitIgnoreSpec.from_lines(lines)
    return [IgnoreFile(folder, spec)] if any(p.include is not None for p in spec.patterns) else []


def is_ignored(files: Sequence[IgnoreFile], path: Path, is_dir: bool) -> bool:
    """Whether ``path`` is ignored: the last matching pattern decides (deeper ignore files come last)."""
    ignored = False
    for ignore in files:
        verdict = ignore.verdict(path, is_dir)
        if verdict is not None:
            ignored = verdict
    return ignored


@dataclass
class Discovered:
    files: list[Path]
    missing: list[Path]
    ignored: int  # files and folders skipped by .privragignore patterns (also in ``skipped``)
    skipped: list[SkippedFile] = field(default_factory=list)


def walk(folder: Path, extensions: Collection[str]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files under ``folder`` with one of ``extensions``, sorted; and the paths not taken, with why."""
    found: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    rules_at: dict[Path, list[IgnoreFile]] = {}
    for root, dirs, names in os.walk(folder):
        here = Path(root)
        inherited = rules_at.get(here.parent, []) if here != folder else []
        rules = rules_at[here] = inherited + read_ignore_file(here)
        kept_dirs = []
        for name in sorted(dirs):
            if name.startswith("."):
                skipped.append((here / name, HIDDEN))
            elif is_ignored(rules, here / name, True):
                skipped.append((here / name, IGNORED))
            else:
                kept_dirs.append(name)
        dirs[:] = kept_dirs
        for name in sorted(names):
            path = here / name
            if name == IGNORE_FILE:
                continue
            if name.startswith("."):
                skipped.append((path, HIDDEN))
            elif is_ignored(rules, path, False):
                skipped.append((path, IGNORED))
            elif Path(name).suffix.lower() not in extensions:
                skipped.append((path, UNSUPPORTED))
            elif path.is_symlink() and folder not in path.resolve().parents:
                skipped.append((path, OUTSIDE))
            else:
                found.append(path)
    return sorted(found), sorted(skipped)


def discover(paths: Iterable[Path], extensions: Collection[str], shard: Shard | None = None) -> Discovered:
    """Files to ingest under ``paths`` (folders walked, files taken as named), without duplicates; the files
    not taken with their reason (a file named explicitly is skipped only when its type is not supported).

    With a ``shard``, only the files that shard owns (by their path relative to the folder given).
    """
    files: list[Path] = []
    missing: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            root = path.resolve()
            found, passed = walk(root, extensions)
            files += [f for f in found if shard is None or shard.owns(f, root)]
            skipped += [(p, why) for p, why in passed if shard is None or shard.owns(p, root)]
        elif path.is_file():
            if shard is None or shard.owns(path.resolve(), path.resolve()):
                if path.suffix.lower() in extensions:
                    files.append(path.resolve())
                else:
                    skipped.append((path.resolve(), UNSUPPORTED))
        else:
            missing.append(path)
    taken = list(dict.fromkeys(p.resolve() for p in files))
    named = set(taken)
    reasons = dict.fromkeys((p, why) for p, why in skipped if p not in named)  # named files are taken
    listed = [SkippedFile(str(p), why) for p, why in reasons]
    ignored = sum(1 for s in listed if s.reason == IGNORED)
    return Discovered(taken, missing, ignored, listed)


def skipped_summary(skipped: Sequence[Mapping[str, str]], limit: int = 50) -> list[str]:
    """Lines naming the files a job did not take with their reason: a count by reason, then the first
    ``limit`` files (the JSON summary has all of them)."""
    if not skipped:
        return []
    counts = Counter(s["reason"] for s in skipped)
    lines = [f"{len(skipped)} not taken: " + ", ".join(f"{n} {why}" for why, n in sorted(counts.items()))]
    lines += [f"  SKIPPED {s['path']} ({s['reason']})" for s in skipped[:limit]]
    if len(skipped) > limit:
        lines.append(f"  ... and {len(skipped) - limit} more (all of them with --json)")
    return lines
