"""User administration shared by the service and the CLI's local mode, each change audited in one place.

Bad input raises ``UserError`` naming the field (``name: no user 'x'`` for an unknown user)."""

from __future__ import annotations

from app.container import Container
from app.users import TokenInfo, User, UserError, token_id


def token_json(info: TokenInfo) -> dict:
    return {
        "id": info.id,
        "user": info.user,
        "kind": info.kind,
        "created_at": info.created_at,
        "expires_at": info.expires_at,
        "active": info.active,
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


def issue_api_token(container: Container, actor: str, owner: str) -> dict:
    """A new API token for ``owner``: its description and, this once, the token itself."""
    _require_user(container, owner)
    token = container.users.issue_token(owner, kind="api")
    issued = token_id(token)
    info = next(t for t in container.users.tokens(owner) if t.id == issued)
    container.audit.record(actor, "token_issued", owner=owner, token_id=issued)
    return {**token_json(info), "token": token}


def revoke_token(container: Container, actor: str, owner: str, revoked: str) -> bool:
    """Revoke ``owner``'s token whose id is ``revoked``; False when they have none such."""
    if not container.users.revoke_id(owner, revoked):
        return False
    container.audit.record(actor, "token_revoked", owner=owner, token_id=revoked)
    return True
