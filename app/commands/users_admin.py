"""``privrag users set|remove|token|tokens|revoke``: change a user's role or groups, remove a user, and manage
API tokens for scripts. Through the running service when there is one (as the CLI's admin), else directly on
the home; every change is audited either way."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.backend.choose import open_backend
from app.commands.base import CliError, emit, parse_groups
from app.settings import Settings


def register(groups: dict[str, Any], common: argparse.ArgumentParser) -> None:
    users = groups["users"]
    p = users.add_parser("set", parents=[common], help="change a user's role, groups or password")
    p.add_argument("name")
    p.add_argument("--role")
    p.add_argument("--groups", help="comma-separated; replaces the user's groups ('' for none)")
    p.add_argument("--password-stdin", action="store_true", help="read a new password from stdin")
    p.set_defaults(func=cmd_set)
    for command, help_text, func in (  # the commands that take only the user's name
        ("remove", "remove a user and revoke their tokens", cmd_remove),
        ("token", "issue an API token for a user (shown once)", cmd_token),
        ("tokens", "list a user's tokens (ids, not the tokens)", cmd_tokens),
    ):
        p = users.add_parser(command, parents=[common], help=help_text)
        p.add_argument("name")
        p.set_defaults(func=func)
    p = users.add_parser("revoke", parents=[common], help="revoke one of a user's tokens by id")
    p.add_argument("name")
    p.add_argument("token_id")
    p.set_defaults(func=cmd_revoke)


def cmd_set(args: argparse.Namespace, settings: Settings) -> int:
    groups = parse_groups(args.groups) if args.groups is not None else None
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else None
    if args.role is None and groups is None and password is None:
        raise CliError("nothing to change: give --role, --groups or --password-stdin")
    with open_backend(settings) as backend:
        changed = backend.change_user(args.name, args.role, groups, password)
    human = f"user {changed['name']}: role {changed['role']}, groups {','.join(changed['groups'])}"
    emit(args, changed, human)
    return 0


def cmd_remove(args: argparse.Namespace, settings: Settings) -> int:
    with open_backend(settings) as backend:
        result = backend.remove_user(args.name)
    emit(args, result, f"user {args.name} removed; their tokens are revoked")
    return 0


def cmd_token(args: argparse.Namespace, settings: Settings) -> int:
    with open_backend(settings) as backend:
        issued = backend.issue_token(args.name)
    emit(
        args,
        issued,
        f"API token for {args.name} (id {issued['id']}); it is shown only now:\n{issued['token']}\n"
        "Send it as 'Authorization: Bearer <token>'.",
    )
    return 0


def cmd_tokens(args: argparse.Namespace, settings: Settings) -> int:
    with open_backend(settings) as backend:
        tokens = backend.tokens(args.name)
    lines = [f"{t['id']}\t{t['kind']}\t{'active' if t['active'] else 'revoked/expired'}" for t in tokens]
    emit(args, {"tokens": tokens}, "\n".join(lines) or f"{args.name} has no tokens")
    return 0


def cmd_revoke(args: argparse.Namespace, settings: Settings) -> int:
    with open_backend(settings) as backend:
        result = backend.revoke_token(args.name, args.token_id)
    emit(args, result, f"token {args.token_id} of {args.name} revoked")
    return 0
