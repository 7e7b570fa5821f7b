"""``privrag users set|remove|token|tokens|revoke``: change a user's role or groups, remove a user, and manage
API tokens for scripts. Through the running service when there is one (as the CLI's admin), else directly on
the home; every change is audited either way."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app import user_operations as ops
from app.cli import CliError, _container, _groups, _service, emit
from app.settings import Settings


def register(groups: dict[str, Any], common: argparse.ArgumentParser) -> None:
    users = groups["users"]
    p = users.add_parser("set", parents=[common], help="change a user's role, groups or password")
    p.add_argument("name")
    p.add_argument("--role")
    p.add_argument("--groups", help="comma-separated; replaces the user's groups ('' for none)")
    p.add_argument("--password-stdin", action="store_true", help="read a new password from stdin")
    p.set_defaults(func=cmd_set)
    p = users.add_parser("remove", parents=[common], help="remove a user and revoke their tokens")
    p.add_argument("name")
    p.set_defaults(func=cmd_remove)
    p = users.add_parser("token", parents=[common], help="issue an API token for a user (shown once)")
    p.add_argument("name")
    p.set_defaults(func=cmd_token)
    p = users.add_parser("tokens", parents=[common], help="list a user's tokens (ids, not the tokens)")
    p.add_argument("name")
    p.set_defaults(func=cmd_tokens)
    p = users.add_parser("revoke", parents=[common], help="revoke one of a user's tokens by id")
    p.add_argument("name")
    p.add_argument("token_id")
    p.set_defaults(func=cmd_revoke)


def _direct(settings: Settings, action):  # type: ignore[no-untyped-def]
    """Run ``action(container)`` on the home itself, turning bad input into one clear line."""
    from app.stores.users import UserError

    container = _container(settings)
    try:
        return action(container)
    except UserError as exc:
        raise CliError(str(exc)) from exc
    finally:
        container.close()


def cmd_set(args: argparse.Namespace, settings: Settings) -> int:
    groups = _groups(args.groups) if args.groups is not None else None
    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else None
    if args.role is None and groups is None and password is None:
        raise CliError("nothing to change: give --role, --groups or --password-stdin")
    client = _service(settings)
    if client is not None:
        changed = client.change_user(args.name, args.role, groups, password)
    else:

        def action(container):  # type: ignore[no-untyped-def]
            user = ops.change_user(container, "cli", args.name, args.role, groups, password)
            return {"name": user.name, "role": user.role, "groups": user.groups}

        changed = _direct(settings, action)
    human = f"user {changed['name']}: role {changed['role']}, groups {','.join(changed['groups'])}"
    emit(args, changed, human)
    return 0


def cmd_remove(args: argparse.Namespace, settings: Settings) -> int:
    client = _service(settings)
    if client is not None:
        result = client.remove_user(args.name)
    else:

        def action(container):  # type: ignore[no-untyped-def]
            ops.remove_user(container, "cli", args.name)
            return {"removed": args.name}

        result = _direct(settings, action)
    emit(args, result, f"user {args.name} removed; their tokens are revoked")
    return 0


def cmd_token(args: argparse.Namespace, settings: Settings) -> int:
    client = _service(settings)
    if client is not None:
        issued = client.issue_token(args.name)
    else:
        issued = _direct(settings, lambda c: ops.issue_api_token(c, "cli", args.name))
    emit(
        args,
        issued,
        f"API token for {args.name} (id {issued['id']}); it is shown only now:\n{issued['token']}\n"
        "Send it as 'Authorization: Bearer <token>'.",
    )
    return 0


def cmd_tokens(args: argparse.Namespace, settings: Settings) -> int:
    client = _service(settings)
    if client is not None:
        tokens = client.tokens(args.name)
    else:
        tokens = _direct(settings, lambda c: [ops.token_json(t) for t in c.users.tokens(args.name)])
    lines = [f"{t['id']}\t{t['kind']}\t{'active' if t['active'] else 'revoked/expired'}" for t in tokens]
    emit(args, {"tokens": tokens}, "\n".join(lines) or f"{args.name} has no tokens")
    return 0


def cmd_revoke(args: argparse.Namespace, settings: Settings) -> int:
    client = _service(settings)
    if client is not None:
        result = client.revoke_token(args.token_id, args.name)
    else:

        def action(container):  # type: ignore[no-untyped-def]
            if not ops.revoke_token(container, "cli", args.name, args.token_id):
                raise CliError(f"token_id: {args.name!r} has no token {args.token_id!r}")
            return {"revoked": args.token_id}

        result = _direct(settings, action)
    emit(args, result, f"token {args.token_id} of {args.name} revoked")
    return 0
