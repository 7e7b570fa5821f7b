"""Users get an id that is never reused; tokens, conversations and feedback are keyed by it; tokens get a
scope, and API tokens an expiry.

Existing rows are kept: every user gets a random id; tokens, conversations and feedback that named a current
user now hold that user's id; those of users already removed get a fresh random id that no user will ever
have (nobody can read them again, as before, but a new user of the same name does not inherit them). Tokens
of removed users are revoked. API tokens that never expired expire ``LEGACY_API_DAYS`` after the migration.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

import time
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

LEGACY_API_DAYS = 365


def _columns(table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)}


def _user_ids(conn: sa.Connection) -> dict[str, str]:
    """User ids by name, giving one to every user without."""
    users = sa.table("users", sa.column("name", sa.String), sa.column("id", sa.String))
    ids: dict[str, str] = {}
    for name, user_id in conn.execute(sa.select(users.c.name, users.c.id)).all():
        if not user_id:
            user_id = uuid.uuid4().hex
            conn.execute(sa.update(users).where(users.c.name == name).values(id=user_id))
        ids[name] = user_id
    return ids


def _rekey(conn: sa.Connection, table: str, ids: dict[str, str]) -> None:
    """``table.user`` from names to ids; values of removed users become a fresh id nobody has."""
    rows = sa.table(table, sa.column("user", sa.String))
    known = set(ids.values())
    orphans: dict[str, str] = {}
    for (value,) in conn.execute(sa.select(rows.c.user).distinct()).all():
        if value in known:
            continue  # already an id
        new = ids.get(value) or orphans.setdefault(value, uuid.uuid4().hex)
        conn.execute(sa.update(rows).where(rows.c.user == value).values(user=new))


def upgrade() -> None:
    conn = op.get_bind()
    if "id" not in _columns("users"):
        op.add_column("users", sa.Column("id", sa.String(length=32), nullable=True))
        ids = _user_ids(conn)
        with op.batch_alter_table("users") as batch:
            batch.alter_column("id", existing_type=sa.String(length=32), nullable=False)
            batch.create_unique_constraint("uq_users_id", ["id"])
    else:
        ids = _user_ids(conn)

    token_columns = _columns("tokens")
    if "scope" not in token_columns:
        op.add_column("tokens", sa.Column("scope", sa.Text(), nullable=True))
    if "user_id" not in token_columns:
        op.add_column("tokens", sa.Column("user_id", sa.String(length=32), nullable=True))
        tokens = sa.table(
            "tokens",
            sa.column("user", sa.String),
            sa.column("user_id", sa.String),
            sa.column("revoked", sa.Boolean),
            sa.column("kind", sa.String),
            sa.column("expires_at", sa.Float),
        )
        for (name,) in conn.execute(sa.select(tokens.c.user).distinct()).all():
            if name in ids:
                conn.execute(sa.update(tokens).where(tokens.c.user == name).values(user_id=ids[name]))
            else:  # the owner was removed: the token is dead for good
                conn.execute(sa.update(tokens).where(tokens.c.user == name).values(user_id="", revoked=True))
        conn.execute(
            sa.update(tokens)
            .where(tokens.c.expires_at.is_(None))
            .values(expires_at=time.time() + LEGACY_API_DAYS * 86400)
        )
        with op.batch_alter_table("tokens") as batch:
            batch.alter_column("user_id", existing_type=sa.String(length=32), nullable=False)
            batch.create_index("ix_tokens_user_id", ["user_id"], unique=False)

    _rekey(conn, "conversations", ids)
    _rekey(conn, "feedback", ids)


def downgrade() -> None:
    with op.batch_alter_table("tokens") as batch:
        batch.drop_index("ix_tokens_user_id")
        batch.drop_column("user_id")
        batch.drop_column("scope")
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint("uq_users_id", type_="unique")
        batch.drop_column("id")
