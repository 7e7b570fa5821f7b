"""Users, roles, groups, passwords (argon2) and bearer tokens (stored hashed, revocable)."""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Boolean, Column, Float, MetaData, String, Table, Text, select, update
from sqlalchemy.engine import Engine

metadata = MetaData()

users_table = Table(
    "users",
    metadata,
    Column("name", String(128), primary_key=True),
    Column("role", String(32), nullable=False),
    Column("groups", Text, nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("created_at", Float, nullable=False),
)

tokens_table = Table(
    "tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user", String(128), nullable=False, index=True),
    Column("kind", String(16), nullable=False),  # session | api
    Column("created_at", Float, nullable=False),
    Column("expires_at", Float, nullable=True),
    Column("revoked", Boolean, nullable=False, default=False),
)

ROLE_PERMISSIONS: dict[str, set[str]] = {
    "employee": {"chat"},
    "evaluator": {"chat", "reveal", "evaluate"},
    "privacy_officer": {"chat", "reveal", "erase", "audit"},
    "admin": {"chat", "reveal", "ingest", "delete", "erase", "manage_users", "evaluate", "audit"},
}
SESSION_SECONDS = 12 * 3600


class UserError(ValueError):
    """A bad user name, role, password or credential."""


@dataclass(frozen=True)
class User:
    name: str
    role: str
    groups: list[str]
    # the admin acting as this user (X-Privrag-User, ask --user): audited as the actor, this user the subject
    acting_admin: str | None = None

    @property
    def permissions(self) -> set[str]:
        return ROLE_PERMISSIONS.get(self.role, set())

    def can(self, permission: str) -> bool:
        return permission in self.permissions

    @property
    def access_groups(self) -> list[str] | None:
        """Groups for retrieval filtering; admins see every document."""
        return None if self.role == "admin" else self.groups


TOKEN_ID_CHARS = 16


@dataclass(frozen=True)
class TokenInfo:
    id: str
    user: str
    kind: str
    created_at: float
    expires_at: float | None
    active: bool


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_id(token: str) -> str:
    """A token's public id: a prefix of its stored hash."""
    return _token_hash(token)[:TOKEN_ID_CHARS]


class UserStore:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._hasher = PasswordHasher()
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
        with self._engine.begin() as conn:
            conn.execute(
                users_table.insert().values(
                    name=name,
                    role=role,
                    groups=json.dumps(sorted(set(groups))),
                    password_hash=self._hasher.hash(password),
                    created_at=time.time(),
                )
            )
        return User(name, role, sorted(set(groups)))

    def get(self, name: str) -> User | None:
        with self._engine.connect() as conn:
            row = conn.execute(select(users_table).where(users_table.c.name == name)).first()
        return User(row.name, row.role, json.loads(row.groups)) if row else None

    def list(self) -> list[User]:
        with self._engine.connect() as conn:
            rows = conn.execute(select(users_table).order_by(users_table.c.name)).all()
        return [User(r.name, r.role, json.loads(r.groups)) for r in rows]

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
        return User(row.name, row.role, json.loads(row.groups))

    def issue_token(self, name: str, kind: str = "session") -> str:
        token = secrets.token_urlsafe(32)
        now = time.time()
        with self._engine.begin() as conn:
            conn.execute(
                tokens_table.insert().values(
                    token_hash=_token_hash(token),
                    user=name,
                    kind=kind,
                    created_at=now,
                    expires_at=now + SESSION_SECONDS if kind == "session" else None,
                    revoked=False,
                )
            )
        return token

    def user_for_token(self, token: str) -> User | None:
        with self._engine.connect() as conn:
            row = conn.execute(
                select(tokens_table).where(tokens_table.c.token_hash == _token_hash(token))
            ).first()
        if row is None or row.revoked or (row.expires_at and row.expires_at < time.time()):
            return None
        return self.get(row.user)

    def update(self, name: str, role: str | None = None, groups: list[str] | None = None) -> User:
        """Change a user's role and/or groups; takes effect on the user's next request (tokens stay)."""
        current = self.get(name)
        if current is None:
            raise UserError(f"name: no user {name!r}")
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
                conn.execute(update(users_table).where(users_table.c.name == name).values(**values))
        return self.get(name)  # type: ignore[return-value]

    def set_password(self, name: str, password: str) -> None:
        if self.get(name) is None:
            raise UserError(f"name: no user {name!r}")
        if len(password) < 8:
            raise UserError("password: must be at least 8 characters")
        with self._engine.begin() as conn:
            conn.execute(
                update(users_table)
                .where(users_table.c.name == name)
                .values(password_hash=self._hasher.hash(password))
            )
            conn.execute(  # a new password ends every open session
                update(tokens_table)
                .where(tokens_table.c.user == name, tokens_table.c.kind == "session")
                .values(revoked=True)
            )

    def remove(self, name: str) -> None:
        """Delete a user and revoke all of their tokens."""
        current = self.get(name)
        if current is None:
            raise UserError(f"name: no user {name!r}")
        if current.role == "admin" and self._admins() == 1:
            raise UserError(f"name: {name!r} is the last admin and cannot be removed")
        with self._engine.begin() as conn:
            conn.execute(update(tokens_table).where(tokens_table.c.user == name).values(revoked=True))
            conn.execute(users_table.delete().where(users_table.c.name == name))

    def _admins(self) -> int:
        return sum(1 for u in self.list() if u.role == "admin")

    def tokens(self, name: str) -> list[TokenInfo]:
        """A user's tokens, newest first; the id is a prefix of the stored hash (tokens are not kept)."""
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(tokens_table)
                .where(tokens_table.c.user == name)
                .order_by(tokens_table.c.created_at.desc())
            ).all()
        now = time.time()
        return [
            TokenInfo(
                id=r.token_hash[:TOKEN_ID_CHARS],  # = token_id(the token)
                user=r.user,
                kind=r.kind,
                created_at=r.created_at,
                expires_at=r.expires_at,
                active=not r.revoked and not (r.expires_at and r.expires_at < now),
            )
            for r in rows
        ]

    def revoke_id(self, name: str, token_id: str) -> bool:
        """Revoke the token of ``name`` whose id is ``token_id``; False when there is none."""
        if len(token_id) != TOKEN_ID_CHARS or not all(c in "0123456789abcdef" for c in token_id):
            raise UserError(f"token_id: {token_id!r} is not a token id ({TOKEN_ID_CHARS} hex characters)")
        with self._engine.begin() as conn:
            result = conn.execute(
                update(tokens_table)
                .where(tokens_table.c.user == name, tokens_table.c.token_hash.startswith(token_id))
                .values(revoked=True)
            )
        return bool(result.rowcount)

    def revoke(self, token: str) -> None:
        with self._engine.begin() as conn:
            conn.execute(
                update(tokens_table)
                .where(tokens_table.c.token_hash == _token_hash(token))
                .values(revoked=True)
            )
