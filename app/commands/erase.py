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
    from app.cli import CliError, _container, _service, emit

    if not args.value.strip():
        raise CliError("--value: must not be empty")
    client = _service(settings)
    if client is not None:
        from app.client import ServiceError

        try:
            result = client.erase(args.value, args.entity_type)
        except ServiceError as exc:
            raise CliError(str(exc)) from exc
    else:
        from app.operations import erase_value

        container = _container(settings)
        try:
            result = erase_value(container, "cli", args.value, args.entity_type)
        finally:
            container.close()
    if result["vault_entries_removed"] or result["chunks_changed"]:
        human = (
            f"erased {', '.join(result['surrogates'])}: {result['chunks_changed']} chunks redacted, "
            f"{result['vault_entries_removed']} vault entries removed"
        )
    else:
        human = "no vault entry for that value: nothing to erase"
    emit(args, result, human)
    return 0
