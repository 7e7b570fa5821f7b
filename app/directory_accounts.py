"""Which privrag users come from the directory: their DN, whether they are disabled, when last synced.

A directory user is an ordinary row of ``users`` (role and groups as mapped at their last login or sync) with
an unusable random password: they log in through the directory only. A row here marks them as such.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import Boolean, Column, Float, MetaData, String, Table, Text, select, update
from sqlalchemy.engine import Engine

metadata = MetaData()

directory_accounts = Table(
    "directory_accounts",
    metadata,
    Column("name", String(128), primary_key=True),
    Column("dn", Text, nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("synced_at", Float, nullable=False),
)


@dataclass(frozen=True)
class DirectoryAccount:
    name: str
    dn: str
    disabled: bool
    synced_at: float


class DirectoryAccounts:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def get(self, name: str) -> DirectoryAccount | None:
        with self._engine.connect() as conn:
            row = conn.execute(select(directory_accounts).where(directory_accounts.c.name == name)).first()
        return DirectoryAccount(row.name, row.dn, row.disabled, row.synced_at) if row else None

    def list(self) -> list[DirectoryAccount]:
        with self._engine.connect() as conn:
            rows = conn.execute(select(directory_accounts).order_by(directory_accounts.c.name)).all()
        return [DirectoryAccount(r.name, r.dn, r.disabled, r.synced_at) for r in rows]

    def save(self, name: str, dn: str, disabled: bool = False) -> None:
        """Record ``name`` as the directory entry ``dn`` (enabled unless told), synced now."""
        now = time.time()
        with self._engine.begin() as conn:
            done = conn.execute(
                update(directory_accounts)
                .where(directory_accounts.c.name == name)
                .values(dn=dn, disabled=disabled, synced_at=now)
            )
            if not done.rowcount:
                conn.execute(
                    directory_accounts.insert().values(name=name, dn=dn, disabled=disabled, synced_at=now)
                )
