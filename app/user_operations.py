"""User administration shared by the service and the CLI's local mode, each change audited in one place.

Bad input raises ``UserError`` naming the field (``name: no user 'x'`` for an unknown user)."""

from __future__ import annotations

import time
from dataclasses import dataclass

from app.container import Container
from app.stores.users import ROLE_PERMISSIONS, TokenInfo, User, UserError, check_scope, token_id


@dataclass(frozen=True)
class MintLimit:
    """What a token minted through another token may not exceed: that token's expiry and permissions.

    A login session (or an API token) mints API tokens that end no later than itself and hold no permission
    it lacks; with the caller's password given again, or from the local CLI, there is no such cap (the
    lifetime is still at most ``[service] api_token_max_days``)."""

    expires_at: float | None
    permissions: frozenset[str]

    @classmethod
    def of(cls, caller: User) -> MintLimit:
        return cls(caller.token_expires_at, frozenset(caller.permissions))


def token_json(info: TokenInfo) -> dict:
    return {
        "id": info.id,
        "user": info.user,
        "kind": info.kind,
        "created_at": info.created_at,
        "expires_at": info.expires_at,
        "active": info.active,
        "scope": info.scope,
    }


def _require_user(container: Container, name: str) -> None:
    if container.users.get(name) is None:
        raise UserError(f"name: no user {name!r}")


def add_user(
    container: Container, actor: str, name: str, role: str, groups: list[str], password: str
) -> User:
    """Create a user (``UserError`` naming the field when the name, role or password is refused)."""
    created = container.users.add(name, role, groups, password)
    container.audit.record(actor, "user_added", name=created.name, role=created.role, groups=created.groups)
    return created


def change_user(
    container: Container,
    actor: str,
    name: str,
    role: str | None = None,
    groups: list[str] | None = None,
    password: str | None = None,
) -> User:
    """Change a user's role, groups and/or password (a new password ends their sessions)."""
    _require_user(container, name)
    changed = container.users.update(name, role=role, groups=groups)
    if password is not None:
        container.users.set_password(name, password)
    container.audit.record(
        actor,
        "user_changed",
        name=name,
        role=changed.role,
        groups=changed.groups,
        password_changed=password is not None,
    )
    return changed


def remove_user(container: Container, actor: str, name: str) -> None:
    """Delete a user and revoke all of their tokens."""
    container.users.remove(name)
    container.audit.record(actor, "user_removed", name=name)


def issue_api_token(
    container: Container,
    actor: str,
    owner: str,
    expires_in: float | None = None,
    scope: list[str] | None = None,
    limit: MintLimit | None = None,
) -> dict:
    """A new API token for ``owner``: its description and, this once, the token itself.

    It lives ``expires_in`` seconds (``[service] api_token_days`` when omitted, at most
    ``api_token_max_days``) and holds ``scope`` (a subset of the owner's role; all of it when omitted), both
    within ``limit`` when the request came with a token rather than a password."""
    user = container.users.get(owner)
    if user is None:
        raise UserError(f"name: no user {owner!r}")
    service = container.settings.service
    lifetime = service.api_token_days * 86400 if expires_in is None else float(expires_in)
    if lifetime <= 0 or lifetime > service.api_token_max_days * 86400:
        raise UserError(f"expires_in: must be more than 0 s and at most {service.api_token_max_days:g} days")
    allowed = set(ROLE_PERMISSIONS.get(user.role, set()))
    if limit is not None:
        allowed &= limit.permissions
    granted = sorted(allowed) if scope is None else check_scope(scope)
    beyond = sorted(set(granted) - allowed)
    if beyond:
        raise UserError(f"scope: {beyond[0]!r} is beyond what {owner!r} may be given by this request")
    if not granted:
        raise UserError("scope: this request can grant no permission")
    now = time.time()
    expires_at = now + lifetime
    if limit is not None and limit.expires_at is not None:
        expires_at = min(expires_at, limit.expires_at)  # never outlives the token that asked for it
    token = container.users.issue_token(owner, kind="api", lifetime=max(1.0, expires_at - now), scope=granted)
    issued = token_id(token)
    info = next(t for t in container.users.tokens(owner) if t.id == issued)
    container.audit.record(
        actor,
        "token_issued",
        owner=owner,
        token_id=issued,
        scope=granted,
        expires_at=round(info.expires_at or 0),
    )
    return {**token_json(info), "token": token}


def revoke_token(container: Container, actor: str, owner: str, revoked: str) -> bool:
    """Revoke ``owner``'s token whose id is ``revoked``; False when they have none such."""
    if not container.users.revoke_id(owner, revoked):
        return False
    container.audit.record(actor, "token_revoked", owner=owner, token_id=revoked)
    return True
