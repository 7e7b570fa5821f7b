"""The document catalog: one row per source file, with its content hash, state and chunk count.

``source`` is the document's display name (its file name pseudonymized like its text), what users see; the
real path is in ``path_sealed``, encrypted (``ingest.sealed_paths``) when the catalog has a sealer. Rows
written before display names existed hold the path in ``source`` and nothing in ``path_sealed``.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, delete, select, update
from sqlalchemy.engine import Engine, Row
from sqlalchemy.exc import IntegrityError

from ingest.sealed_paths import PathSealer

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("doc_id", String(64), primary_key=True),
    Column("source", Text, nullable=False, index=True),
    Column("title", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("groups", Text, nullable=False),
    Column("status", String(16), nullable=False),  # pending | ok | deleting
    Column("chunks", Integer, nullable=False, default=0),
    Column("size_bytes", Integer, nullable=False, default=0),
    Column("updated_at", Float, nullable=False),
    Column("path_sealed", Text, nullable=True),  # the real path, sealed (plain without a sealer)
)

index_info = Table(
    "index_info",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)


PENDING = "pending"  # being (re)written: its chunks are incomplete; the next run deletes and redoes them
OK = "ok"
DELETING = "deleting"  # being removed: the next run finishes the removal


@dataclass
class DocumentRecord:
    doc_id: str
    source: str
    title: str
    content_hash: str
    groups: list[str]
    status: str
    chunks: int
    size_bytes: int
    updated_at: float
    path: str = ""  # the real path (never stored in clear when the catalog has a sealer); "" = ``source``

    def __post_init__(self) -> None:
        self.path = self.path or self.source


def document_id(path: Path) -> str:
    """Stable id of a source file: derived from its absolute path."""
    return hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:24]


@dataclass(frozen=True)
class KnownVersion:
    """What a job needs of a file's row to skip it when unchanged (no path opened)."""

    status: str
    content_hash: str
    groups: list[str]


class IndexMismatchError(RuntimeError):
    """The index was built with other components than the ones configured now."""


class Catalog:
    def __init__(self, engine: Engine, sealer: PathSealer | None = None) -> None:
        self._engine = engine
        self._sealer = sealer
        metadata.create_all(engine)

    def _seal(self, doc_id: str, path: str) -> str:
        return self._sealer.seal(doc_id, path) if self._sealer is not None else path

    def _record(self, row: Row[Any]) -> DocumentRecord:
        record = _record(row)
        sealed = getattr(row, "path_sealed", None)
        if sealed:
            record.path = self._sealer.open(row.doc_id, sealed) if self._sealer is not None else sealed
        return record

    def get(self, doc_id: str) -> DocumentRecord | None:
        with self._engine.connect() as conn:
            row = conn.execute(select(documents).where(documents.c.doc_id == doc_id)).first()
        return self._record(row) if row else None

    def find(self, doc_id_or_source: str) -> DocumentRecord | None:
        """By document id, by real path (its id), or by display name (the first of that name)."""
        found = self.get(doc_id_or_source) or self.get(document_id(Path(doc_id_or_source).expanduser()))
        if found:
            return found
        with self._engine.connect() as conn:
            row = conn.execute(select(documents).where(documents.c.source == doc_id_or_source)).first()
        return self._record(row) if row else None

    def all(self) -> list[DocumentRecord]:
        with self._engine.connect() as conn:
            rows = conn.execute(select(documents).order_by(documents.c.source)).all()
        return [self._record(r) for r in rows]

    def versions(self, doc_ids: Iterable[str], batch: int = 500) -> dict[str, KnownVersion]:
        """The rows of ``doc_ids`` that exist, by id: status, content hash and groups only, read by batches
        of ids (an indexed look-up: a job reads its own files' rows, never the whole catalog)."""
        wanted = list(dict.fromkeys(doc_ids))
        columns = select(documents.c.doc_id, documents.c.status, documents.c.content_hash, documents.c.groups)
        found: dict[str, KnownVersion] = {}
        with self._engine.connect() as conn:
            for start in range(0, len(wanted), batch):
                part = wanted[start : start + batch]
                for row in conn.execute(columns.where(documents.c.doc_id.in_(part))):
                    found[row.doc_id] = KnownVersion(row.status, row.content_hash, json.loads(row.groups))
        return found

    def shown(self) -> Iterator[tuple[str, str, str]]:
        """(doc id, display name, title) of every document, streamed: two short columns, no path opened."""
        columns = select(documents.c.doc_id, documents.c.source, documents.c.title)
        with self._engine.connect() as conn:
            for row in conn.execution_options(yield_per=1000).execute(columns):
                yield str(row.doc_id), str(row.source), str(row.title)

    def upsert(self, record: DocumentRecord) -> None:
        self.upsert_many([record])

    def upsert_many(self, records: list[DocumentRecord]) -> None:
        """Write rows in one transaction (all or none)."""
        if not records:
            return
        now = time.time()
        rows = [
            {
                "doc_id": r.doc_id,
                "source": r.source,
                "title": r.title,
                "content_hash": r.content_hash,
                "groups": json.dumps(r.groups),
                "status": r.status,
                "chunks": r.chunks,
                "size_bytes": r.size_bytes,
                "updated_at": now,
                "path_sealed": self._seal(r.doc_id, r.path),
            }
            for r in records
        ]
        with self._engine.begin() as conn:
            conn.execute(delete(documents).where(documents.c.doc_id.in_([r["doc_id"] for r in rows])))
            conn.execute(documents.insert(), rows)

    def set_titles(self, titles: dict[str, str]) -> None:
        """New titles by document id (the sweep's: a value found later replaced in a title too)."""
        if not titles:
            return
        with self._engine.begin() as conn:
            for doc_id, title in titles.items():
                conn.execute(update(documents).where(documents.c.doc_id == doc_id).values(title=title))

    def set_sources(self, sources: dict[str, str]) -> None:
        """New display names by document id (the sweep's, an erasure's)."""
        with self._engine.begin() as conn:
            for doc_id, source in sources.items():
                conn.execute(update(documents).where(documents.c.doc_id == doc_id).values(source=source))

    def redact(self, doc_id: str, redact: Callable[[str], str]) -> None:
        """Rewrite one document's display name and title with ``redact`` (an erasure)."""
        record = self.get(doc_id)
        if record is not None:
            self.set_titles({doc_id: redact(record.title)})
            self.set_sources({doc_id: redact(record.source)})

    def set_status(self, doc_id: str, status: str) -> None:
        with self._engine.begin() as conn:
            conn.execute(
                update(documents)
                .where(documents.c.doc_id == doc_id)
                .values(status=status, updated_at=time.time())
            )

    def unfinished(self) -> list[DocumentRecord]:
        """Rows a crash left behind: pending (to redo) or deleting (to finish)."""
        with self._engine.connect() as conn:
            rows = conn.execute(select(documents).where(documents.c.status != OK)).all()
        return [self._record(r) for r in rows]

    def remove(self, doc_id: str) -> None:
        with self._engine.begin() as conn:
            conn.execute(delete(documents).where(documents.c.doc_id == doc_id))

    def check_index(self, components: dict[str, str]) -> None:
        """Record the components that build the index, or refuse when they differ from the recorded ones."""
        recorded = self._recorded()
        if not recorded and components:
            try:
                with self._engine.begin() as conn:
                    conn.execute(index_info.insert(), [{"key": k, "value": v} for k, v in components.items()])
                return
            except IntegrityError:  # another process (e.g. an ingestion shard) recorded them first
                recorded = self._recorded()
        differing = {k: (recorded.get(k), v) for k, v in components.items() if recorded.get(k) != v}
        if differing:
            detail = "; ".join(
                f"{k}: index has {old!r}, config has {new!r}" for k, (old, new) in differing.items()
            )
            raise IndexMismatchError(
                f"the index was built with other components ({detail}). Either set the configuration back "
                "to what the index was built with, or rebuild the index with the new components: "
                "`privrag ingest --rebuild PATH...` (stop the service first) drops every chunk and document "
                "of this home's index, keeps users, vault and audit log, and ingests PATH... again."
            )

    def index_components(self) -> dict[str, str]:
        """The components recorded for the index; empty before the first ingestion."""
        return self._recorded()

    def _recorded(self) -> dict[str, str]:
        """The index's components (not the ``state:`` values kept beside them)."""
        with self._engine.connect() as conn:
            rows = conn.execute(select(index_info)).all()
        return {r.key: r.value for r in rows if not r.key.startswith("state:")}

    def reset_index(self, components: dict[str, str]) -> None:
        """Forget every document and record ``components`` as the index's (the caller empties the store)."""
        with self._engine.begin() as conn:
            conn.execute(delete(documents))
            conn.execute(delete(index_info))
            for key, value in components.items():
                conn.execute(index_info.insert().values(key=key, value=value))

    def state(self, name: str) -> str | None:
        """A value the ingestor keeps between runs (e.g. an interrupted job's vault mark), or None."""
        with self._engine.connect() as conn:
            query = select(index_info.c.value).where(index_info.c.key == f"state:{name}")
            return conn.execute(query).scalar()

    def add_state(self, name: str, value: str) -> str:
        """Set ``name`` unless it is set already (another process may be setting it at the same time): the
        value it holds afterwards, this one or the one that was there first."""
        try:
            with self._engine.begin() as conn:
                conn.execute(index_info.insert().values(key=f"state:{name}", value=value))
            return value
        except IntegrityError:
            held = self.state(name)
            if held is None:  # cleared in between: try once more
                return self.add_state(name, value)
            return held

    def states(self, prefix: str) -> dict[str, str]:
        """Every kept value whose name starts with ``prefix``, by name."""
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(index_info).where(index_info.c.key.startswith(f"state:{prefix}", autoescape=True))
            ).all()
        return {r.key.removeprefix("state:"): r.value for r in rows}

    def set_state(self, name: str, value: str | None) -> None:
        """Set (or with None, clear) a value kept between runs; kept beside the index's components."""
        with self._engine.begin() as conn:
            conn.execute(delete(index_info).where(index_info.c.key == f"state:{name}"))
            if value is not None:
                conn.execute(index_info.insert().values(key=f"state:{name}", value=value))


def _record(row: Row[Any]) -> DocumentRecord:
    return DocumentRecord(
        doc_id=row.doc_id,
        source=row.source,
        title=row.title,
        content_hash=row.content_hash,
        groups=json.loads(row.groups),
        status=row.status,
        chunks=row.chunks,
        size_bytes=row.size_bytes,
        updated_at=row.updated_at,
    )
