"""Initial tables: catalog, vault, users and tokens, audit log, feedback, conversations.

Revision ID: 0001
Revises:
Create Date: 2026-11-26

Homes created before migrations existed already hold some or all of these tables (made by
``metadata.create_all``): only the missing ones are created, so such databases are adopted as they are.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TABLES: dict[str, tuple[list[sa.schema.SchemaItem], list[tuple[str, list[str]]]]] = {
    "documents": (
        [
            sa.Column("doc_id", sa.String(length=64), nullable=False),
            sa.Column("source", sa.Text(), nullable=False),
            sa.Column("title", sa.Text(), nullable=False),
            sa.Column("content_hash", sa.String(length=64), nullable=False),
            sa.Column("groups", sa.Text(), nullable=False),
            sa.Column("status", sa.String(length=16), nullable=False),
            sa.Column("chunks", sa.Integer(), nullable=False),
            sa.Column("size_bytes", sa.Integer(), nullable=False),
            sa.Column("updated_at", sa.Float(), nullable=False),
            sa.PrimaryKeyConstraint("doc_id"),
        ],
        [("ix_documents_source", ["source"])],
    ),
    "index_info": (
        [
            sa.Column("key", sa.String(length=64), nullable=False),
            sa.Column("value", sa.Text(), nullable=False),
            sa.PrimaryKeyConstraint("key"),
        ],
        [],
    ),
    "vault_entries": (
        [
            sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
            sa.Column("entity_type", sa.String(length=64), nullable=False),
            sa.Column("seq", sa.Integer(), nullable=False),  # BigInteger from 0002 on
            sa.Column("lookup", sa.String(length=64), nullable=False),
            sa.Column("nonce", sa.LargeBinary(), nullable=False),
            sa.Column("ciphertext", sa.LargeBinary(), nullable=False),
            sa.Column("created_at", sa.Float(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
            sa.UniqueConstraint("entity_type", "seq", name="uq_vault_type_seq"),
            sa.UniqueConstraint("lookup"),
        ],
        [],
    ),
    "users": (
        [
            sa.Column("name", sa.String(length=128), nullable=False),
            sa.Column("role", sa.String(length=32), nullable=False),
            sa.Column("groups", sa.Text(), nullable=False),
            sa.Column("password_hash", sa.Text(), nullable=False),
            sa.Column("created_at", sa.Float(), nullable=False),
            sa.PrimaryKeyConstraint("name"),
        ],
        [],
    ),
    "tokens": (
        [
            sa.Column("token_hash", sa.String(length=64), nullable=False),
            sa.Column("user", sa.String(length=128), nullable=False),
            sa.Column("kind", sa.String(length=16), nullable=False),
            sa.Column("created_at", sa.Float(), nullable=False),
            sa.Column("expires_at", sa.Float(), nullable=True),
            sa.Column("revoked", sa.Boolean(), nullable=False),
            sa.PrimaryKeyConstraint("token_hash"),
        ],
        [("ix_tokens_user", ["user"])],
    ),
    "audit_log": (
        [
            sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
            sa.Column("ts", sa.Float(), nullable=False),
            sa.Column("actor", sa.String(length=128), nullable=False),
            sa.Column("action", sa.String(length=64), nullable=False),
            sa.Column("detail", sa.Text(), nullable=False),
            sa.Column("prev_hash", sa.String(length=64), nullable=False),
            sa.Column("hash", sa.String(length=64), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        ],
        [],
    ),
    "feedback": (
        [
            sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
            sa.Column("ts", sa.Float(), nullable=False),
            sa.Column("user", sa.String(length=128), nullable=False),
            sa.Column("conversation_id", sa.String(length=32), nullable=True),
            sa.Column("question", sa.Text(), nullable=False),
            sa.Column("answer", sa.Text(), nullable=False),
            sa.Column("sources", sa.Text(), nullable=False),
            sa.Column("rating", sa.Integer(), nullable=False),
            sa.Column("comment", sa.Text(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        ],
        [("ix_feedback_user", ["user"])],
    ),
    "conversations": (
        [
            sa.Column("id", sa.String(length=32), nullable=False),
            sa.Column("user", sa.String(length=128), nullable=False),
            sa.Column("title", sa.String(length=200), nullable=False),
            sa.Column("created_at", sa.Float(), nullable=False),
            sa.Column("updated_at", sa.Float(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        ],
        [("ix_conversations_user", ["user"])],
    ),
    "conversation_turns": (
        [
            sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
            sa.Column("conversation_id", sa.String(length=32), nullable=False),
            sa.Column("role", sa.String(length=16), nullable=False),
            sa.Column("content", sa.Text(), nullable=False),
            sa.Column("citations", sa.Text(), nullable=False),
            sa.Column("created_at", sa.Float(), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        ],
        [("ix_conversation_turns_conversation_id", ["conversation_id"])],
    ),
}


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    for name, (items, indexes) in TABLES.items():
        if name in existing:
            continue
        op.create_table(name, *items)
        for index, columns in indexes:
            op.create_index(index, name, columns, unique=False)


def downgrade() -> None:
    for name in reversed(TABLES):
        op.drop_table(name)
