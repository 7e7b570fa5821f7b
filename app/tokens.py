"""Bearer tokens: stored hashed, keyed by the owner's user id (never reused), each with an expiry and a scope.

A token is shown once, when it is issued; afterwards only its id (a prefix of its stored hash) is known.
``kind`` is ``session`` (a login) or ``api`` (scripts, the CLI's local token). ``scope`` is the set of
permissions the token may use, a subset of its owner's role (``None``: all of them, as for a login session);
the effective permissions are always re-computed from the owner's current role at use.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Boolean, Column, Float, MetaData, String, Table, Text, select, update
from sqlalchemy.engine import Engine

metadata = MetaData()  # shared with app.stores.users (one MetaData for the users module's tables)

tokens_table = Table(
    "tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user", String(128), nullable=False, index=True),  # the owner's name when issued (display)
    Column("user_id", String(32), nullable=False, index=True),  # the owner's id: what the token belongs to
    Column("kind", String(16), nullable=False),  # session | api
    Column("created_at", Float, nullable=False),
    Column("expires_at", Float, nullable=True),  # None only for rows older than migration 0003
    Column("revoked", Boolean, nullable=False, default=False),
    Column("scope", Text, nullable=True),  # comma-separated permissions; NULL = the owner's role
)

TOKEN_ID_CHARS = 16
KINDS = ("session", "api")


@dataclass(frozen=True)
class TokenInfo:
    id: str
    user: str
    kind: str
    created_at: float
    expires_at: float | None
    active: bool
    scope: list[str] | None = None


@dataclass(frozen=True)
class TokenGrant:
    """What a presented token grants: whose it is, until when, and which permissions at most."""

    user_id: str
    kind: str
    expires_at: float | None
    scope: frozenset[str] | None


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_id(token: str) -> str:
    """A token's public id: a prefix of its stored hash."""
    return _token_hash(token)[:TOKEN_ID_CHARS]


def _scope_text(scope: Iterable[str] | None) -> str | None:
    return None if scope is None else ",".join(sorted(set(scope)))


def _scope_set(text: str | None) -> frozenset[str] | None:
    return None if text is None else frozenset(p for p in text.split(",") if p)


class TokenStore:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def issue(
        self, user_id: str, name: str, kind: str, expires_at: float, scope: Iterable[str] | None = None
    ) -> str:
        if kind not in KINDS:
            raise ValueError(f"kind: {kind!r} is not one of {', '.join(KINDS)}")
        token = secrets.token_urlsafe(32)
        with self._engine.begin() as conn:
            conn.execute(
                tokens_table.insert().values(
                    token_hash=_token_hash(token),
                    user=name,
                    user_id=user_id,
                    kind=kind,
                    created_at=time.time(),
                    expires_at=expires_at,
                    revoked=False,
                    scope=_scope_text(scope),
                )
            )
        return token

    def grant(self, token: str) -> TokenGrant | None:
        """The grant of a live token; None when it is unknown, revoked or expired."""
        with self._engine.connect() as conn:
            row = conn.execute(
                select(tokens_table).where(tokens_table.c.token_hash == _token_hash(token))
            ).first()
        if row is None or row.revoked or (row.expires_at is not None and row.expires_at < time.time()):
            return None
        return TokenGrant(row.user_id, row.kind, row.expires_at, _scope_set(row.scope))

    def revoke_all(self, user_id: str) -> int:
        """Revoke every token (sessions and API tokens) of a user; returns how many were live."""
        with self._engine.begin() as conn:
            result = conn.execute(
                update(tokens_table)
                .where(tokens_table.c.user_id == user_id, tokens_table.c.revoked.is_(False))
                .values(revoked=True)
            )
        return int(result.rowcount or 0)

    def list(self, user_id: str) -> list[TokenInfo]:
        """A user's tokens, newest first; the id is a prefix of the stored hash (tokens are not kept)."""
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(tokens_table)
                .where(tokens_table.c.user_id == user_id)
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
                active=not r.revoked and not (r.expires_at is not None and r.expires_at < now),
                scope=None if r.scope is None else sorted(_scope_set(r.scope) or ()),
            )
            for r in rows
        ]

    def revoke_id(self, user_id: str, token_id: str) -> bool:
        """Revoke the token of ``user_id`` whose id is ``token_id``; False when there is none."""
        with self._engine.begin() as conn:
            result = conn.execute(
                update(tokens_table)
                .where(tokens_table.c.user_id == user_id, tokens_table.c.token_hash.startswith(token_id))
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
