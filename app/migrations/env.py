"""Alembic environment: runs on the connection privrag hands over (see app/migrations/__init__.py)."""

from __future__ import annotations

from alembic import context

from app.migrations import all_metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - privrag always passes its connection
    raise RuntimeError("privrag's migrations run through app.migrations.upgrade(engine)")

context.configure(connection=connection, target_metadata=all_metadata(), render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
