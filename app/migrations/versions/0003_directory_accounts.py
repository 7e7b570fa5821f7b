"""Directory accounts: which users log in through LDAP / Active Directory, and whether they are disabled.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("directory_accounts"):
        return
    op.create_table(
        "directory_accounts",
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("dn", sa.Text(), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("synced_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("directory_accounts")
