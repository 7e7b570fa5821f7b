"""`privrag erase --value TEXT [--type ENTITY]`: erase a data subject from the index and the vault."""

from __future__ import annotations

import argparse
from typing import Any

from app.settings import Settings


def register(groups: dict[str, Any], common: argparse.ArgumentParser) -> None:
    p = groups["top"].add_parser(
        "erase",
        parents=[common],
        help="erase a value: redact its surrogate in every chunk, drop it from the vault",
    )
    p.add_argument("--value", required=True, help="the raw value, e.g. a person's name")
    p.add_argument(
        "--type", dest="entity_type", help="entity type (PERSON, EMAIL_ADDRESS, ...); any when omitted"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from app.backend.choose import open_backend
    from app.commands.base import CliError, emit

    if not args.value.strip():
        raise CliError("--value: must not be empty")
    with open_backend(settings) as backend:
        result = backend.erase(args.value, args.entity_type)
    if result["vault_entries_removed"] or result["chunks_changed"]:
        human = (
            f"erased {', '.join(result['surrogates'])}: {result['chunks_changed']} chunks redacted, "
            f"{result['vault_entries_removed']} vault entries removed"
        )
    else:
        human = "no vault entry for that value: nothing to erase"
    emit(args, result, human)
    return 0
