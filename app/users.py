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

    @property
    def permissions(self) -> set[str]:
        return ROLE_PERMISSIONS.get(self.role, set())

    def can(self, permission: str) -> bool:
        return permission in self.permissions

    @property
    def access_groups(self) -> list[str] | None:
        """Groups for retrieval filtering; admins see every document."""
        return None if self.role == "admin" else self.groups


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


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

    def revoke(self, token: str) -> None:
        with self._engine.begin() as conn:
            conn.execute(
                update(tokens_table)
                .where(tokens_table.c.token_hash == _token_hash(token))
                .values(revoked=True)
            )
