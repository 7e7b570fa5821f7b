"""Erasure of a data subject's value from everything privrag keeps: the store, the catalog, conversations,
feedback, the audit's details and the vault, then the SQLite file scrubbed.

The value's surrogates come from the vault's HMAC index; each becomes ``<TYPE_ERASED>``, and the value
itself, wherever the detector missed it in clear, too. In the store every chunk of a document that held it is
rewritten (text, title, display name; dense and sparse vectors re-made), since a chunk's BM25 vector also
covers its neighbours' text (``retrieval/sparse_context.py``). SQLite runs with ``secure_delete`` on
(``app.db``), so deleted and overwritten rows are zeroed; after an erasure its WAL is checkpointed and
truncated, so neither the vault's ciphertext nor the value stays in the database file or the WAL.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, or_, select, update
from sqlalchemy.engine import Engine

from anonymize.vault import SURROGATE_PATTERN
from app.container import Container
from app.stores.audit import AuditLog, Principal
from ingest import index_version
from ingest.chunking import FILE_ID
from ingest.rewrite import ChunkEdit, rewrite_documents

log = logging.getLogger("privrag.erasure")


@dataclass(frozen=True)
class Redactor:
    """Replaces a value's surrogates and the value itself (any case, any spacing) by erasure markers."""

    surrogates: dict[str, str]  # surrogate -> <TYPE_ERASED>
    words: tuple[str, ...]  # the value's words
    marker: str  # what the value in clear becomes

    @classmethod
    def build(cls, value: str, surrogates: Sequence[str], entity_type: str | None) -> Redactor:
        markers = {}
        for surrogate in surrogates:
            kind = SURROGATE_PATTERN.fullmatch(surrogate).group(1)  # type: ignore[union-attr]  # vault surrogates match
            markers[surrogate] = f"<{kind}_ERASED>"
        kind = entity_type or (next(iter(markers.values()))[1:-8] if markers else "VALUE")
        return cls(markers, tuple(value.split()), f"<{kind}_ERASED>")

    @property
    def value(self) -> re.Pattern[str] | None:
        if not self.words:
            return None
        return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, self.words)) + r"(?!\w)", re.I)

    def needles(self) -> list[str]:
        """Substrings a text must hold to need redaction (a database pre-filter; case-insensitive)."""
        return [*self.surrogates, *([max(self.words, key=len)] if self.words else [])]

    def __call__(self, content: str) -> str:
        for surrogate, marker in self.surrogates.items():
            content = content.replace(surrogate, marker)
        pattern = self.value
        if pattern is not None:
            content = pattern.sub(self.marker, content)
        return content

    def redact_json(self, content: str) -> str:
        """A JSON text redacted value by value (escaped characters compared as themselves)."""
        try:
            data = json.loads(content)
        except ValueError:
            return self(content)
        return json.dumps(_walk(data, self), sort_keys=isinstance(data, dict))


def _walk(data: Any, redact: Redactor) -> Any:
    if isinstance(data, str):
        return redact(data)
    if isinstance(data, list):
        return [_walk(item, redact) for item in data]
    if isinstance(data, dict):
        return {key: _walk(item, redact) for key, item in data.items()}
    return data


def erase_in_store(container: Container, redact: Redactor) -> int:
    """Rewrite every document holding the value; returns the chunks whose text, title or name changed."""
    from llama_index.core.vector_stores.types import FilterOperator, MetadataFilter, MetadataFilters

    store = container.vector_store
    documents: set[str] = set()
    for term in [*redact.surrogates, *([" ".join(redact.words)] if redact.words else [])]:
        match = MetadataFilters(
            filters=[MetadataFilter(key="text", value=term, operator=FilterOperator.TEXT_MATCH)]
        )
        for node in store.get_nodes(filters=match):
            if redact(node.get_content()) != node.get_content():
                documents.add(str(node.metadata.get(FILE_ID, "")))
    # Display names and titles are not in the text index: a catalog look-up finds the documents they name.
    for record in container.catalog.all():
        if redact(record.title) != record.title or redact(record.source) != record.source:
            documents.add(record.doc_id)
    doc_ids = sorted(d for d in documents if d)
    # Whole documents (ingest/rewrite.py): each chunk's BM25 window is re-made from the redacted texts.
    result = rewrite_documents(store, container.embed_model, doc_ids, ChunkEdit.everywhere(redact))
    for doc_id in doc_ids:
        container.catalog.redact(doc_id, redact)
    return result.changed


def _redact_table(engine: Engine, table: Table, key: str, columns: dict[str, bool], redact: Redactor) -> int:
    """Redact ``columns`` (name -> holds JSON) of the rows holding a needle; returns the rows changed."""
    needles = redact.needles()
    if not needles:
        return 0
    held = or_(*(table.c[c].ilike(f"%{n}%") for c in columns for n in needles))
    changed = 0
    with engine.begin() as conn:
        for row in conn.execute(select(table).where(held)).all():
            values = {}
            for column, is_json in columns.items():
                old = getattr(row, column)
                if isinstance(old, str):
                    new = redact.redact_json(old) if is_json else redact(old)
                    limit = getattr(table.c[column].type, "length", None)  # markers are longer than values
                    new = new[:limit] if limit else new
                    if new != old:
                        values[column] = new
            if values:
                conn.execute(update(table).where(table.c[key] == getattr(row, key)).values(**values))
                changed += 1
    return changed


def erase_in_tables(container: Container, redact: Redactor) -> dict[str, int]:
    """Conversations (titles, turns and their citations), feedback and the audit's details."""
    from app.stores.conversations import conversations_table, turns_table
    from app.stores.feedback import feedback_table

    engine = container.engine
    counts = {
        "conversation_turns": _redact_table(
            engine, turns_table, "id", {"content": False, "citations": True}, redact
        ),
        "conversations": _redact_table(engine, conversations_table, "id", {"title": False}, redact),
        "feedback": _redact_table(
            engine,
            feedback_table,
            "id",
            {"question": False, "answer": False, "comment": False, "sources": True},
            redact,
        ),
    }
    counts["audit_rows"] = erase_in_audit(container.audit, redact)
    return counts


def erase_in_audit(audit: AuditLog, redact: Redactor) -> int:
    """Audit details holding the value: redacted, and the chain re-linked under its key from the first."""
    from app.stores.audit import audit_log

    needles = redact.needles()
    if not needles:
        return 0
    held = or_(*(audit_log.c.detail.ilike(f"%{n}%") for n in needles))
    rewrite = {}
    with audit.engine.connect() as conn:
        for row in conn.execute(select(audit_log.c.id, audit_log.c.detail).where(held)).all():
            new = redact.redact_json(row.detail)
            if new != row.detail:
                rewrite[row.id] = new
    audit.rewrite_details(rewrite)
    return len(rewrite)


def scrub_sqlite(engine: Engine, attempts: int = 20) -> bool:
    """Checkpoint SQLite's WAL into the database file and truncate it (erased pages gone from the WAL);
    True when done (also for other databases: nothing to do)."""
    if engine.dialect.name != "sqlite":
        return True
    for _ in range(attempts):
        with engine.connect() as conn:
            busy, _log, _done = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
        if not busy:
            return True
        time.sleep(0.05)  # a reader holds an old snapshot: wait for it to end
    log.warning("the WAL could not be checkpointed after an erasure: readers kept it busy")
    return False


def erase_value(
    container: Container, actor: str | Principal, value: str, entity_type: str | None = None
) -> dict:
    """Erase a subject's value everywhere; the audit row names the types and counts, not the surrogates."""
    started = time.perf_counter()
    surrogates = container.vault.lookup_value(value, entity_type or None)
    redact = Redactor.build(value, surrogates, entity_type)
    chunks = erase_in_store(container, redact) if surrogates or value.strip() else 0
    tables = erase_in_tables(container, redact)
    removed = sum(1 for s in surrogates if container.vault.remove(s))
    index_version.bump(container.catalog)  # answers cached before the erasure are never served again
    pseudonymizer = container.__dict__.get("pseudonymizer")
    if pseudonymizer is not None:
        pseudonymizer.forget()
    types = sorted({SURROGATE_PATTERN.fullmatch(s).group(1) for s in surrogates})  # type: ignore[union-attr]  # vault surrogates
    container.audit.record(
        actor, "erase", entity_types=types, entity_type=entity_type, chunks=chunks, removed=removed, **tables
    )
    scrubbed = scrub_sqlite(container.engine)
    return {
        "chunks_changed": chunks,
        "vault_entries_removed": removed,
        "surrogates": surrogates,
        "rows_redacted": tables,
        "wal_checkpointed": scrubbed,
        "seconds": round(time.perf_counter() - started, 4),
    }
