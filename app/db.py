"""The SQL database behind the catalog, vault, users and audit log (SQLite by default, any SQLAlchemy URL).

SQLite is the embedded default (``<home>/privrag.db``); PostgreSQL is selected by ``[database] url =
"postgresql+psycopg://..."`` (or ``PRIVRAG_DATABASE__URL``), through the same code paths.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:  # DB-API objects: untyped
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            # Deleted and overwritten content is zeroed in the file (erasure: no ciphertext in free space).
            cursor.execute("PRAGMA secure_delete=ON")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for ``name`` (PostgreSQL advisory locks take a bigint)."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


def serialize_writers(conn: Connection, name: str) -> None:
    """Make the transaction just begun on ``conn`` the only writer named ``name`` until it ends.

    Every process and thread that calls this with the same name on the same database takes its turn:
    PostgreSQL through a transaction-level advisory lock (released at commit or rollback), SQLite by
    taking the database's write lock now (``BEGIN IMMEDIATE``) rather than at the first write. Call it
    first in the transaction, before anything is read.
    """
    dialect = conn.dialect.name
    if dialect == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key(name)})
    elif dialect == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        raise NotImplementedError(f"serialized writers on {dialect!r}: use SQLite or PostgreSQL")
