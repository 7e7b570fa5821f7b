"""The audit chain keyed and anchored: a ``subject`` column (the user an admin acted as) and the signed head;
the catalog's real paths sealed apart from the display names (``documents.path_sealed``).

Rows written before this revision keep their unkeyed SHA-256 links. The head inserted here points at the last
of them (``legacy_until``) and is left unsigned: privrag signs it when it creates the audit key
(``<home>/keys/audit.key``) on its next start; from then on every row is linked by an HMAC under that key.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if "path_sealed" not in {c["name"] for c in sa.inspect(bind).get_columns("documents")}:
        op.add_column("documents", sa.Column("path_sealed", sa.Text(), nullable=True))
    columns = {c["name"] for c in sa.inspect(bind).get_columns("audit_log")}
    if "subject" not in columns:
        op.add_column("audit_log", sa.Column("subject", sa.String(length=128), nullable=True))
    if not sa.inspect(bind).has_table("audit_head"):
        head = op.create_table(
            "audit_head",
            sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
            sa.Column("last_id", sa.Integer(), nullable=False),
            sa.Column("last_hash", sa.String(length=64), nullable=False),
            sa.Column("legacy_until", sa.Integer(), nullable=False),
            sa.Column("signature", sa.String(length=64), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
        last = bind.execute(sa.text("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")).first()
        last_id, last_hash = (int(last[0]), str(last[1])) if last else (0, "0" * 64)
        op.bulk_insert(
            head,
            [{"id": 1, "last_id": last_id, "last_hash": last_hash, "legacy_until": last_id, "signature": ""}],
        )


def downgrade() -> None:
    op.drop_table("audit_head")
    op.drop_column("audit_log", "subject")
    op.drop_column("documents", "path_sealed")
