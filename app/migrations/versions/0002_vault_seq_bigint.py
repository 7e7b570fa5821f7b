"""Vault surrogate numbers as 64-bit integers: keyed numbering (``[anonymize] surrogate_numbers = "keyed"``)
gives 12-digit numbers, beyond PostgreSQL's 32-bit INTEGER. SQLite's INTEGER is already 64-bit: nothing to do.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("vault_entries", "seq", type_=sa.BigInteger(), existing_nullable=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("vault_entries", "seq", type_=sa.Integer(), existing_nullable=False)
