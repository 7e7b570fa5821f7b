"""`privrag setup`: the home, the vault key, the first admin and the CLI token; the chat model assembled."""

from __future__ import annotations

import argparse
import os
import secrets
from contextlib import closing
from typing import Any

from app.commands.base import EXIT_OK, emit
from app.settings import Settings


def run(args: argparse.Namespace, settings: Settings) -> int:
    from app import cli_token
    from app.container import Container

    result: dict[str, Any] = {"home": str(settings.home), "admin_created": False}
    with closing(Container(settings)) as container:
        _ = container.vault  # creates the key file (0600)
        users = container.users
        if users.count() == 0:
            password = secrets.token_urlsafe(12)
            users.add("admin", "admin", ["all"], password)
            secret = settings.home / "admin-password.txt"
            fd = os.open(secret, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(password + "\n")
            container.audit.record("setup", "user_added", name="admin", role="admin")
            result.update(admin_created=True, admin_password_file=str(secret))
        cli_token.ensure(container)  # kept when it still works; expired or revoked ones are replaced
        if not args.no_model and settings.llm.backend == "llama_cpp" and not settings.llm.model_path:
            from app.models import CHAT_MODELS, assemble

            path = assemble(CHAT_MODELS[settings.llm.model], settings.home / "models")
            result["model"] = str(path)
    human = f"privrag home: {settings.home}"
    if result["admin_created"]:
        human += f"\nFirst admin: user 'admin', password in {result['admin_password_file']}"
    emit(args, result, human)
    return EXIT_OK
