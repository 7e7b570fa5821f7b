"""Alembic migrations run in code: fresh databases get every table, older homes are adopted as they are."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import BigInteger, Integer, inspect

from app.audit import GENESIS, audit_log, row_hash
from app.container import Container
from app.db import make_engine
from app.migrations import all_metadata, current, head, upgrade
from app.users import UserStore
from tests.conftest import make_settings

TABLES = {
    "documents",
    "index_info",
    "vault_entries",
    "users",
    "tokens",
    "audit_log",
    "audit_head",
    "feedback",
    "conversations",
    "conversation_turns",
    "directory_accounts",
}


def test_every_table_of_the_code_is_in_the_migrations(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    assert current(engine) is None
    assert upgrade(engine) is True
    assert current(engine) == head()
    created = set(inspect(engine).get_table_names()) - {"alembic_version"}
    declared = {name for metadata in all_metadata() for name in metadata.tables}
    assert created == declared == TABLES
    assert upgrade(engine) is False  # already at head: nothing to do


def test_a_home_made_before_migrations_is_adopted_with_its_rows(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'privrag.db'}")
    for metadata in all_metadata():
        metadata.create_all(engine)  # how homes were created before migrations
    UserStore(engine).add("alice", "admin", [], "correct horse")
    with engine.begin() as conn:  # a row as privrag wrote it then: unkeyed link, no audit_head table
        conn.execute(
            audit_log.insert().values(
                ts=1.0,
                actor="alice",
                action="login",
                detail="{}",
                prev_hash=GENESIS,
                hash=row_hash(GENESIS, 1.0, "alice", "login", "{}"),
            )
        )
        conn.exec_driver_sql("DROP TABLE audit_head")
    engine.dispose()
    container = Container(make_settings(tmp_path, None))
    try:
        assert current(container.engine) == head()
        assert [u.name for u in container.users.list()] == ["alice"]
        assert container.audit.verify().rows == 1
        assert (
            container.audit.verify().ok
        )  # adopted: the head left by migration 0004, signed with the new key
    finally:
        container.close()


def test_migrations_on_postgres(pg_url: str) -> None:
    engine = make_engine(pg_url)
    try:
        assert upgrade(engine, "0001") is True
        seq = {c["name"]: c["type"] for c in inspect(engine).get_columns("vault_entries")}["seq"]
        assert isinstance(seq, Integer) and not isinstance(seq, BigInteger)
        assert upgrade(engine) is True  # 0002: keyed 12-digit surrogate numbers need 64 bits
        seq = {c["name"]: c["type"] for c in inspect(engine).get_columns("vault_entries")}["seq"]
        assert isinstance(seq, BigInteger)
        assert set(inspect(engine).get_table_names()) == TABLES | {"alembic_version"}
        assert upgrade(engine) is False
    finally:
        engine.dispose()
