"""The CLI's local token (``<home>/keys/cli.token``, mode 0600): how ``privrag`` commands reach the service
running on the same home.

It is an API token of the first admin and, like every token, it expires (``[service]
api_token_max_days``) and is revoked when that admin's password changes or the admin is removed. Whoever can
read ``<home>/keys/`` already holds the vault key, so the CLI simply issues itself a new token from the
database when the one on file no longer works (``ensure``): no password is asked for.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.container import Container
from app.stores.users import UserError


def token_path(home: Path) -> Path:
    return home / "keys" / "cli.token"


def read(home: Path) -> str | None:
    path = token_path(home)
    try:
        return path.read_text().strip() or None
    except OSError:
        return None


def _admin(container: Container) -> str:
    admins = [u.name for u in container.users.list() if u.role == "admin"]
    if not admins:
        raise UserError("name: this home has no admin; run `privrag setup` first")
    return "admin" if "admin" in admins else admins[0]


def ensure(container: Container) -> str:
    """The CLI token on file when it still works, else a new one written in its place."""
    home = container.settings.home
    current = read(home)
    if current is not None and container.users.user_for_token(current) is not None:
        return current
    lifetime = container.settings.service.api_token_max_days * 86400
    token = container.users.issue_token(_admin(container), kind="api", lifetime=lifetime)
    path = token_path(home)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(token + "\n")
    return token
