"""Stage 1 of a job (its own thread): read, hash, skip unchanged files, parse the others into sections."""

from __future__ import annotations

import hashlib
import queue
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.catalog import OK, DocumentRecord, KnownVersion, document_id
from ingest.loaders import LoadError, LoadLimits, Section, load_file
from ingest.report import IngestFailure
from ingest.stages import DONE, Tracker, offer


@dataclass(eq=False)  # identity: one object per file in a job
class LoadedFile:
    """A file on its way through the stages, from its sections to its catalog row."""

    path: Path
    doc_id: str
    content_hash: str
    size: int
    sections: list[Section]
    title: str
    chars: int
    remaining: int  # sections not chunked yet
    record: DocumentRecord | None = None  # set once the pending row is written
    chunks: int = 0
    failed: bool = False
    display: str = ""  # the file name pseudonymized (ingest/display_names.py): shown instead of the path
    replaces: bool = True  # the catalog had a row for it when the job began: old chunks may be stored

    @property
    def source(self) -> str:
        """The name users see: the pseudonymized display name once there is one."""
        return self.display or self.path.name

    @property
    def file_type(self) -> str:
        return self.path.suffix.lower().lstrip(".")


@dataclass
class NotLoaded:
    """A file the job does not ingest: unchanged since the last run, or failed to load."""

    path: Path
    size: int
    failure: IngestFailure | None = None  # None: unchanged


def default_title(path: Path) -> str:
    return path.stem.replace("_", " ")


@dataclass(frozen=True)
class FileLoader:
    """Loads one file of a job: ``known`` holds the catalog's rows of the job's files when it started
    (``Catalog.versions``); a file without one has no chunk in the store, so none is deleted for it."""

    limits: LoadLimits
    groups: list[str]
    known: dict[str, KnownVersion]

    def load(self, path: Path, size: int) -> LoadedFile | NotLoaded:
        try:
            if size > self.limits.max_bytes:
                raise LoadError("too_large", f"file is {size} bytes, the limit is {self.limits.max_bytes}")
            data = path.read_bytes()
            content_hash = hashlib.sha256(data).hexdigest()
            doc_id = document_id(path)
            previous = self.known.get(doc_id)
            if (
                previous is not None
                and previous.status == OK
                and (previous.content_hash, previous.groups) == (content_hash, self.groups)
            ):
                return NotLoaded(path, size)
            sections = load_file(path, data, self.limits)
        except LoadError as exc:
            return NotLoaded(path, size, IngestFailure(str(path), f"{exc.kind}: {exc}", exc.kind))
        except OSError as exc:
            message = f"unreadable: {exc.strerror or exc}"
            return NotLoaded(path, size, IngestFailure(str(path), message, "unreadable"))
        title = next((str(s.meta["title"]) for s in sections if s.meta.get("title")), default_title(path))
        chars = sum(len(s.text) for s in sections)
        loaded = LoadedFile(path, doc_id, content_hash, len(data), sections, title, chars, len(sections))
        loaded.replaces = previous is not None
        return loaded


def load_stage(
    loader: FileLoader,
    files: list[Path],
    sizes: dict[Path, int],
    out: queue.Queue[Any],
    stop: threading.Event,
    tracker: Tracker,
) -> None:
    """Load ``files`` in order onto ``out``, then its end marker; returns early once ``stop`` is set."""
    for path in files:
        if stop.is_set():
            return
        with tracker.timed("load"):
            item = loader.load(path, sizes[path])
        offer(out, item, stop)
    offer(out, DONE, stop)
