"""Alembic migrations run in code: fresh databases get every table, older homes are adopted as they are."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import BigInteger, Integer, inspect

from app.container import Container
from app.db import make_engine
from app.migrations import all_metadata, current, head, upgrade
from app.stores.audit import GENESIS, audit_log, row_hash
from app.stores.users import UserStore
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


def test_user_ids_migration_keeps_the_data_and_keys_it_by_id(tmp_path: Path) -> None:
    """0005: users get ids; tokens, conversations and feedback of a user follow the id; those of a user
    removed before the migration belong to nobody; API tokens that never expired get an expiry."""
    import time

    from sqlalchemy import text

    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(engine, "0004")
    with engine.begin() as conn:
        for name in ("alice", "bob"):
            conn.execute(
                text(
                    "INSERT INTO users (name, role, groups, password_hash, created_at) "
                    "VALUES (:n, 'employee', '[\"hr\"]', 'x', 0)"
                ),
                {"n": name},
            )
        for user, token_hash, kind, expires in (
            ("alice", "a" * 64, "api", None),
            ("carol", "c" * 64, "session", 9e12),
        ):
            conn.execute(
                text(
                    'INSERT INTO tokens (token_hash, "user", kind, created_at, expires_at, revoked) '
                    "VALUES (:h, :u, :k, 0, :e, 0)"
                ),
                {"h": token_hash, "u": user, "k": kind, "e": expires},
            )
        for cid, user in (("c1", "alice"), ("c2", "carol")):  # carol was removed before the migration
            conn.execute(
                text(
                    'INSERT INTO conversations (id, "user", title, created_at, updated_at) '
                    "VALUES (:i, :u, '', 0, 0)"
                ),
                {"i": cid, "u": user},
            )
        conn.execute(
            text(
                'INSERT INTO feedback (ts, "user", question, answer, sources, rating, comment) '
                "VALUES (0, 'bob', 'q', 'a', '[]', 1, '')"
            )
        )
    assert upgrade(engine) is True and current(engine) == head()
    users = UserStore(engine)
    alice, bob = users.get("alice"), users.get("bob")
    assert alice.id and bob.id and alice.id != bob.id and len(alice.id) == 32
    with engine.connect() as conn:
        owners = dict(conn.execute(text('SELECT id, "user" FROM conversations')).all())
        tokens = {
            r[0][:1]: r[1:]
            for r in conn.execute(text("SELECT token_hash, user_id, revoked, expires_at FROM tokens"))
        }
        feedback_user = conn.execute(text('SELECT "user" FROM feedback')).scalar()
    assert owners["c1"] == alice.id
    assert owners["c2"] not in (alice.id, bob.id, "carol") and len(owners["c2"]) == 32
    assert feedback_user == bob.id
    assert tokens["a"][0] == alice.id and not tokens["a"][1] and tokens["a"][2] > time.time() + 300 * 86400
    assert tokens["c"][1]  # carol's token: revoked for good
    users.add("carol", "employee", ["hr"], "correct horse")
    assert owners["c2"] != users.get("carol").id  # a new carol does not inherit the old one's conversation
    engine.dispose()
