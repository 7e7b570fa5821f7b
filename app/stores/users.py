"""Users, roles, groups, passwords (argon2) and bearer tokens (``app.tokens``: hashed, expiring, scoped).

Every user has an id that is never reused (a random 128-bit hex string): tokens, conversations and feedback
are keyed by it, so a removed user's data never passes to a new user of the same name. A new password or
the user's removal revokes every token of the user, sessions and API tokens alike.
"""

from __future__ import annotations

import builtins
import json
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Column, Float, String, Table, Text, select, update
from sqlalchemy.engine import Engine, Row

from app.tokens import TOKEN_ID_CHARS, TokenInfo, TokenStore, metadata, token_id, tokens_table

__all__ = [
    "ROLE_PERMISSIONS",
    "TOKEN_ID_CHARS",
    "TokenInfo",
    "User",
    "UserError",
    "UserStore",
    "metadata",
    "token_id",
    "tokens_table",
    "users_table",
]

users_table = Table(
    "users",
    metadata,
    Column("name", String(128), primary_key=True),
    Column("id", String(32), nullable=False, unique=True),  # never reused: what stored data is keyed by
    Column("role", String(32), nullable=False),
    Column("groups", Text, nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("created_at", Float, nullable=False),
)

ROLE_PERMISSIONS: dict[str, set[str]] = {
    "employee": {"chat"},
    "evaluator": {"chat", "reveal", "evaluate"},
    "privacy_officer": {"chat", "reveal", "erase", "audit"},
    "admin": {"chat", "reveal", "ingest", "delete", "erase", "manage_users", "evaluate", "audit"},
}
ALL_PERMISSIONS = frozenset().union(*ROLE_PERMISSIONS.values())
SESSION_SECONDS = 12 * 3600
API_TOKEN_SECONDS = 30 * 86400  # the default lifetime of an API token when none is asked for


class UserError(ValueError):
    """A bad user name, role, password or credential."""


@dataclass(frozen=True)
class User:
    """A user; when it comes from a token, also what that token grants (scope, expiry)."""

    name: str
    role: str
    groups: list[str]
    id: str = field(default="", compare=False)
    scope: frozenset[str] | None = field(default=None, compare=False)  # None: every permission of the role
    token_kind: str | None = field(default=None, compare=False)
    token_expires_at: float | None = field(default=None, compare=False)
    # the admin acting as this user (X-Privrag-User, ask --user): audited as the actor, this user the subject
    acting_admin: str | None = field(default=None, compare=False)

    @property
    def permissions(self) -> set[str]:
        held = set(ROLE_PERMISSIONS.get(self.role, set()))
        return held if self.scope is None else held & self.scope

    def can(self, permission: str) -> bool:
        return permission in self.permissions

    @property
    def access_groups(self) -> list[str] | None:
        """Groups for retrieval filtering; admins see every document."""
        return None if self.role == "admin" else self.groups


def _user(row: Row[Any]) -> User:
    return User(row.name, row.role, json.loads(row.groups), id=row.id)


def check_scope(scope: Iterable[str]) -> list[str]:
    """A token scope as a sorted list of known permissions (``UserError`` naming an unknown one)."""
    wanted = sorted(set(scope))
    unknown = [p for p in wanted if p not in ALL_PERMISSIONS]
    if unknown:
        raise UserError(
            f"scope: unknown permission {unknown[0]!r}; choose from {', '.join(sorted(ALL_PERMISSIONS))}"
        )
    if not wanted:
        raise UserError("scope: a token needs at least one permission")
    return wanted


class UserStore:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._hasher = PasswordHasher()
        self._tokens = TokenStore(engine)
        metadata.create_all(engine)

    def add(self, name: str, role: str, groups: list[str], password: str) -> User:
        if role not in ROLE_PERMISSIONS:
            raise UserError(f"role: unknown role {role!r}; choose one of {', '.join(ROLE_PERMISSIONS)}")
        if (
            not name
            or len(name) > 128
            or not name.replace("_", "").replace("-", "").replace(".", "").isalnum()
        ):
            raise UserError(f"name: {name!r} must be 1-128 letters, digits, '.', '_' or '-'")
        if len(password) < 8:
            raise UserError("password: must be at least 8 characters")
        if self.get(name):
            raise UserError(f"name: user {name!r} already exists")
        user_id = uuid.uuid4().hex
        with self._engine.begin() as conn:
            conn.execute(
                users_table.insert().values(
                    name=name,
                    id=user_id,
                    role=role,
                    groups=json.dumps(sorted(set(groups))),
                    password_hash=self._hasher.hash(password),
                    created_at=time.time(),
                )
            )
        return User(name, role, sorted(set(groups)), id=user_id)

    def get(self, name: str) -> User | None:
        with self._engine.connect() as conn:
            row = conn.execute(select(users_table).where(users_table.c.name == name)).first()
        return _user(row) if row else None

    def by_id(self, user_id: str) -> User | None:
        with self._engine.connect() as conn:
            row = conn.execute(select(users_table).where(users_table.c.id == user_id)).first()
        return _user(row) if row else None

    def list(self) -> list[User]:
        with self._engine.connect() as conn:
            rows = conn.execute(select(users_table).order_by(users_table.c.name)).all()
        return [_user(r) for r in rows]

    def names(self) -> dict[str, str]:
        """Current user names by id."""
        return {u.id: u.name for u in self.list()}

    def count(self) -> int:
        return len(self.list())

    def check_password(self, name: str, password: str) -> User | None:
        with self._engine.connect() as conn:
            row = conn.execute(select(users_table).where(users_table.c.name == name)).first()
        if row is None:
            self._hasher.hash(password)  # same work either way: no user-name oracle by timing
            return None
        try:
            self._hasher.verify(row.password_hash, password)
        except (VerificationError, InvalidHashError):
            return None
        return _user(row)

    def _owner(self, name: str) -> User:
        user = self.get(name)
        if user is None:
            raise UserError(f"name: no user {name!r}")
        return user

    def issue_token(
        self,
        name: str,
        kind: str = "session",
        lifetime: float | None = None,
        scope: Iterable[str] | None = None,
    ) -> str:
        """A new token of ``name``: a session for ``SESSION_SECONDS`` or an API token for ``lifetime``
        seconds (``API_TOKEN_SECONDS`` when omitted); every token expires."""
        owner = self._owner(name)
        seconds = (
            lifetime if lifetime is not None else SESSION_SECONDS if kind == "session" else API_TOKEN_SECONDS
        )
        if seconds <= 0:
            raise UserError("expires_in: a token's lifetime must be positive")
        return self._tokens.issue(
            owner.id, owner.name, kind, time.time() + seconds, None if scope is None else check_scope(scope)
        )

    def user_for_token(self, token: str) -> User | None:
        """The token's owner with the token's scope and expiry; None for an unknown, revoked or expired
        token, or one whose owner is gone (a new user of the same name has another id)."""
        grant = self._tokens.grant(token)
        if grant is None:
            return None
        owner = self.by_id(grant.user_id)
        if owner is None:
            return None
        return User(
            owner.name,
            owner.role,
            owner.groups,
            id=owner.id,
            scope=grant.scope,
            token_kind=grant.kind,
            token_expires_at=grant.expires_at,
        )

    def update(self, name: str, role: str | None = None, groups: builtins.list[str] | None = None) -> User:
        """Change a user's role and/or groups; takes effect on the user's next request (tokens stay)."""
        current = self._owner(name)
        if role is not None and role not in ROLE_PERMISSIONS:
            raise UserError(f"role: unknown role {role!r}; choose one of {', '.join(ROLE_PERMISSIONS)}")
        if current.role == "admin" and role not in (None, "admin") and self._admins() == 1:
            raise UserError(f"role: {name!r} is the last admin; make another user admin first")
        values: dict[str, str] = {}
        if role is not None:
            values["role"] = role
        if groups is not None:
            values["groups"] = json.dumps(sorted(set(groups)))
        if values:
            with self._engine.begin() as conn:
                conn.execute(update(users_table).where(users_table.c.id == current.id).values(**values))
        return self._owner(name)

    def set_password(self, name: str, password: str) -> None:
        """A new password; it revokes every token of the user (sessions and API tokens)."""
        current = self._owner(name)
        if len(password) < 8:
            raise UserError("password: must be at least 8 characters")
        with self._engine.begin() as conn:
            conn.execute(
                update(users_table)
                .where(users_table.c.id == current.id)
                .values(password_hash=self._hasher.hash(password))
            )
        self._tokens.revoke_all(current.id)

    def remove(self, name: str) -> None:
        """Delete a user and revoke all of their tokens (their id is never given to anyone again)."""
        current = self._owner(name)
        if current.role == "admin" and self._admins() == 1:
            raise UserError(f"name: {name!r} is the last admin and cannot be removed")
        self._tokens.revoke_all(current.id)
        with self._engine.begin() as conn:
            conn.execute(users_table.delete().where(users_table.c.id == current.id))

    def _admins(self) -> int:
        return sum(1 for u in self.list() if u.role == "admin")

    def tokens(self, name: str) -> builtins.list[TokenInfo]:
        """A user's tokens, newest first; the id is a prefix of the stored hash (tokens are not kept)."""
        user = self.get(name)
        return [] if user is None else self._tokens.list(user.id)

    def revoke_id(self, name: str, token_id: str) -> bool:
        """Revoke the token of ``name`` whose id is ``token_id``; False when there is none."""
        if len(token_id) != TOKEN_ID_CHARS or not all(c in "0123456789abcdef" for c in token_id):
            raise UserError(f"token_id: {token_id!r} is not a token id ({TOKEN_ID_CHARS} hex characters)")
        user = self.get(name)
        return False if user is None else self._tokens.revoke_id(user.id, token_id)

    def revoke(self, token: str) -> None:
        self._tokens.revoke(token)
