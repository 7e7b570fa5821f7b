"""Alembic migrations of every table privrag keeps in its SQL database, run in code (no alembic.ini).

``upgrade(engine)`` brings a database to the newest revision; privrag runs it whenever it opens the database,
so ``privrag setup``, ``privrag serve`` and every other command see the same schema. Databases created before
migrations existed (tables made by ``metadata.create_all``) are adopted by the first revision, which only
creates the tables that are missing. Several processes starting at once on PostgreSQL take turns through a
transaction-level advisory lock; on SQLite through ``BEGIN IMMEDIATE``.

A schema change = the table change in its module + a new revision in ``versions/`` (draft one with
``alembic.command.revision(alembic_config(conn), message=..., autogenerate=True)`` on a connection to a
database at head, then review it); ``tests/app/test_migrations.py`` checks every declared table is migrated.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData
from sqlalchemy.engine import Connection, Engine

from app.db import serialize_writers

HERE = Path(__file__).resolve().parent


def all_metadata() -> list[MetaData]:
    """The MetaData of every module that keeps a table (the migrations' target)."""
    from anonymize.vault import metadata as vault
    from app.directory_accounts import metadata as directory_accounts
    from app.stores.audit import metadata as audit
    from app.stores.conversations import metadata as conversations
    from app.stores.feedback import metadata as feedback
    from app.stores.users import metadata as users
    from ingest.catalog import metadata as catalog

    return [catalog, vault, users, audit, feedback, conversations, directory_accounts]


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head() -> str:
    revision = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert revision is not None
    return revision


def current(engine: Engine) -> str | None:
    """The database's revision, or None when it has never been migrated."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> bool:
    """Migrate the database to ``revision``; returns False when it already was there (nothing done)."""
    target = head() if revision == "head" else revision
    if current(engine) == target:
        return False
    with engine.begin() as conn:
        serialize_writers(conn, "privrag-migrations")
        command.upgrade(alembic_config(conn), revision)
    return True
