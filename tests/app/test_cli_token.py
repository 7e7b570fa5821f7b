"""The CLI's local token: written 0600, kept while it works, replaced once expired or revoked."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import update

from app import cli_token
from app.container import Container
from app.tokens import tokens_table
from tests.conftest import make_settings

PASSWORD = "correct horse battery"


def test_the_cli_token_renews_itself(tmp_path: Path) -> None:
    container = Container(make_settings(tmp_path, None))
    try:
        container.users.add("admin", "admin", ["all"], PASSWORD)
        first = cli_token.ensure(container)
        path = cli_token.token_path(tmp_path)
        assert path.read_text().strip() == first and path.stat().st_mode & 0o777 == 0o600
        user = container.users.user_for_token(first)
        assert user.name == "admin" and user.token_kind == "api" and user.token_expires_at is not None
        assert cli_token.ensure(container) == first  # still valid: kept

        container.users.set_password("admin", PASSWORD + "-new")  # revokes every token, the CLI's too
        second = cli_token.ensure(container)
        assert second != first and container.users.user_for_token(second).name == "admin"

        with container.engine.begin() as conn:  # expired
            conn.execute(update(tokens_table).values(expires_at=1.0))
        third = cli_token.ensure(container)
        assert third not in (first, second) and cli_token.read(tmp_path) == third
    finally:
        container.close()
