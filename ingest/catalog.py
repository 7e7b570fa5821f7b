"""The document catalog: one row per source file, with its content hash, state and chunk count."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, delete, select
from sqlalchemy.engine import Engine

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("doc_id", String(64), primary_key=True),
    Column("source", Text, nullable=False, index=True),
    Column("title", Text, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("groups", Text, nullable=False),
    Column("status", String(16), nullable=False),  # pending | ok
    Column("chunks", Integer, nullable=False, default=0),
    Column("size_bytes", Integer, nullable=False, default=0),
    Column("updated_at", Float, nullable=False),
)

index_info = Table(
    "index_info",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)


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


class IndexMismatchError(RuntimeError):
    """The index was built with other components than the ones configured now."""


class Catalog:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        metadata.create_all(engine)

    def get(self, doc_id: str) -> DocumentRecord | None:
        with self._engine.connect() as conn:
            row = conn.execute(select(documents).where(documents.c.doc_id == doc_id)).first()
        return _record(row) if row else None

    def find(self, doc_id_or_source: str) -> DocumentRecord | None:
        found = self.get(doc_id_or_source)
        if found:
            return found
        with self._engine.connect() as conn:
            row = conn.execute(select(documents).where(documents.c.source == doc_id_or_source)).first()
        return _record(row) if row else None

    def all(self) -> list[DocumentRecord]:
        with self._engine.connect() as conn:
            rows = conn.execute(select(documents).order_by(documents.c.source)).all()
        return [_record(r) for r in rows]

    def upsert(self, record: DocumentRecord) -> None:
        values = {
            "doc_id": record.doc_id,
            "source": record.source,
            "title": record.title,
            "content_hash": record.content_hash,
            "groups": json.dumps(record.groups),
            "status": record.status,
            "chunks": record.chunks,
            "size_bytes": record.size_bytes,
            "updated_at": time.time(),
        }
        with self._engine.begin() as conn:
            conn.execute(delete(documents).where(documents.c.doc_id == record.doc_id))
            conn.execute(documents.insert().values(**values))

    def remove(self, doc_id: str) -> None:
        with self._engine.begin() as conn:
            conn.execute(delete(documents).where(documents.c.doc_id == doc_id))

    def check_index(self, components: dict[str, str]) -> None:
        """Record the components that build the index, or refuse when they differ from the recorded ones."""
        with self._engine.begin() as conn:
            recorded = {r.key: r.value for r in conn.execute(select(index_info))}
            if not recorded:
                for key, value in components.items():
                    conn.execute(index_info.insert().values(key=key, value=value))
                return
        differing = {k: (recorded.get(k), v) for k, v in components.items() if recorded.get(k) != v}
        if differing:
            detail = "; ".join(
                f"{k}: index has {old!r}, config has {new!r}" for k, (old, new) in differing.items()
            )
            raise IndexMismatchError(
                f"the index was built with other components ({detail}). Rebuild it: stop the service, "
                "move the home's store/ and privrag.db aside (or use a new --home), and ingest again."
            )


def _record(row) -> DocumentRecord:  # type: ignore[no-untyped-def]
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
