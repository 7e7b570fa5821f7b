"""`privrag users add NAME --role ROLE` and `privrag users list`: through the service, else on the home."""

from __future__ import annotations

import argparse
import secrets
import sys

from app.backend.choose import open_backend
from app.commands.base import EXIT_OK, emit, parse_groups
from app.settings import Settings


def run_add(args: argparse.Namespace, settings: Settings) -> int:
    with open_backend(settings) as backend:
        password = sys.stdin.readline().rstrip("\n") if args.password_stdin else secrets.token_urlsafe(12)
        created = backend.add_user(args.name, args.role, parse_groups(args.groups), password)
    if not args.password_stdin:
        created["password"] = password
    human = f"user {created['name']} ({created['role']}) added"
    if "password" in created:
        human += f"; password: {password}"
    emit(args, created, human)
    return EXIT_OK


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    with open_backend(settings) as backend:
        users = backend.users()
    emit(
        args, {"users": users}, "\n".join(f"{u['name']}\t{u['role']}\t{','.join(u['groups'])}" for u in users)
    )
    return EXIT_OK
