"""Users: argon2 passwords, validation, session tokens and role permissions."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import select, update

from app.db import make_engine
from app.stores.users import (
    API_TOKEN_SECONDS,
    ROLE_PERMISSIONS,
    User,
    UserError,
    UserStore,
    tokens_table,
    users_table,
)

PASSWORD = "correct horse battery"


@pytest.fixture
def users(tmp_path: Path) -> UserStore:
    return UserStore(make_engine(f"sqlite:///{tmp_path / 'users.db'}"))


def test_add_stores_an_argon2_hash(users: UserStore) -> None:
    user = users.add("alice", "employee", ["hr", "hr", "eng"], PASSWORD)
    assert user == User("alice", "employee", ["eng", "hr"])
    with users._engine.connect() as conn:
        stored = conn.execute(
            select(users_table.c.password_hash).where(users_table.c.name == "alice")
        ).scalar()
    assert stored != PASSWORD
    assert PASSWORD not in stored
    assert stored.startswith("$argon2")
    assert users.get("alice") == user
    assert users.count() == 1
    assert [u.name for u in users.list()] == ["alice"]


def test_check_password(users: UserStore) -> None:
    users.add("alice", "employee", ["hr"], PASSWORD)
    assert users.check_password("alice", PASSWORD) == User("alice", "employee", ["hr"])
    assert users.check_password("alice", PASSWORD + "x") is None
    assert users.check_password("nobody", PASSWORD) is None


def test_unknown_role_is_rejected(users: UserStore) -> None:
    with pytest.raises(UserError, match="role"):
        users.add("alice", "superuser", [], PASSWORD)
    assert users.get("alice") is None


def test_short_password_is_rejected(users: UserStore) -> None:
    with pytest.raises(UserError, match="password"):
        users.add("alice", "employee", [], "short")


@pytest.mark.parametrize("name", ["", "has space", "semi;colon", "x" * 129])
def test_bad_names_are_rejected(users: UserStore, name: str) -> None:
    with pytest.raises(UserError, match="name"):
        users.add(name, "employee", [], PASSWORD)


def test_duplicate_name_is_rejected(users: UserStore) -> None:
    users.add("alice", "employee", [], PASSWORD)
    with pytest.raises(UserError, match="already exists"):
        users.add("alice", "admin", [], PASSWORD)


def test_session_token_and_revocation(users: UserStore) -> None:
    users.add("alice", "employee", ["hr"], PASSWORD)
    token = users.issue_token("alice")
    assert users.user_for_token(token) == User("alice", "employee", ["hr"])
    assert users.user_for_token(token + "x") is None
    with users._engine.connect() as conn:
        hashes = conn.execute(select(tokens_table.c.token_hash)).scalars().all()
    assert token not in hashes  # stored hashed
    users.revoke(token)
    assert users.user_for_token(token) is None


def test_expired_session_token_fails(users: UserStore) -> None:
    users.add("alice", "employee", [], PASSWORD)
    token = users.issue_token("alice")
    with users._engine.begin() as conn:
        conn.execute(update(tokens_table).values(expires_at=1.0))
    assert users.user_for_token(token) is None


def test_api_tokens_expire_too(users: UserStore) -> None:
    users.add("admin", "admin", ["all"], PASSWORD)
    before = time.time()
    token = users.issue_token("admin", kind="api")
    with users._engine.connect() as conn:
        expires = conn.execute(select(tokens_table.c.expires_at)).scalar()
    assert before + API_TOKEN_SECONDS - 5 < expires < time.time() + API_TOKEN_SECONDS + 5
    assert users.user_for_token(token).name == "admin"
    short = users.issue_token("admin", kind="api", lifetime=60)
    assert users.tokens("admin")[0].expires_at < time.time() + 61
    with users._engine.begin() as conn:
        conn.execute(update(tokens_table).values(expires_at=1.0))
    assert users.user_for_token(token) is None and users.user_for_token(short) is None


def test_ids_are_never_reused_and_old_tokens_stay_dead(users: UserStore) -> None:
    first = users.add("alice", "employee", ["hr"], PASSWORD)
    token = users.issue_token("alice", kind="api")
    users.add("root", "admin", [], PASSWORD)
    users.remove("alice")
    second = users.add("alice", "employee", ["eng"], PASSWORD)
    assert first.id and second.id and first.id != second.id
    assert users.by_id(first.id) is None and users.by_id(second.id) == second
    assert users.user_for_token(token) is None
    assert users.tokens("alice") == []  # the predecessor's tokens are not the newcomer's


def test_a_new_password_revokes_sessions_and_api_tokens(users: UserStore) -> None:
    users.add("alice", "employee", ["hr"], PASSWORD)
    session, api = users.issue_token("alice"), users.issue_token("alice", kind="api")
    users.set_password("alice", PASSWORD + "-new")
    assert users.user_for_token(session) is None and users.user_for_token(api) is None
    assert not any(t.active for t in users.tokens("alice"))


def test_a_scoped_token_grants_only_its_scope(users: UserStore) -> None:
    users.add("root", "admin", [], PASSWORD)
    token = users.issue_token("root", kind="api", scope=["chat", "audit"])
    user = users.user_for_token(token)
    assert user.permissions == {"chat", "audit"} and not user.can("manage_users")
    assert user.token_kind == "api" and user.token_expires_at is not None
    assert users.tokens("root")[0].scope == ["audit", "chat"]
    users.update("root", role="admin")
    with pytest.raises(UserError, match="scope"):
        users.issue_token("root", kind="api", scope=["fly"])
    session = users.user_for_token(users.issue_token("root"))
    assert session.scope is None and session.can("manage_users")


def test_permissions_per_role() -> None:
    employee = User("e", "employee", ["hr"])
    assert employee.can("chat")
    assert not employee.can("reveal")
    assert not employee.can("ingest")
    assert not employee.can("manage_users")
    assert employee.access_groups == ["hr"]

    admin = User("a", "admin", [])
    assert all(admin.can(p) for p in ROLE_PERMISSIONS["admin"])
    assert admin.access_groups is None

    officer = User("p", "privacy_officer", ["legal"])
    assert officer.can("reveal") and officer.can("audit") and not officer.can("ingest")
    assert officer.access_groups == ["legal"]

    evaluator = User("v", "evaluator", [])
    assert evaluator.can("evaluate") and not evaluator.can("delete")
    assert User("x", "ghost", []).permissions == set()
