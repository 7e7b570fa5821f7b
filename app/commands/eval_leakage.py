"""`privrag eval leakage [--values FILE]`: raw personal values in the store or in files under the home."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.settings import Settings


def register(groups: dict[str, Any], common: argparse.ArgumentParser) -> None:
    p = groups["eval"].add_parser(
        "leakage", parents=[common], help="scan the store and the home for raw values (vault's or a list)"
    )
    p.add_argument("--values", help="file with one raw value per line (default: every value in the vault)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from app.backend.choose import open_backend
    from app.commands.base import CliError, emit

    values = None
    if args.values:
        path = Path(args.values).expanduser()
        if not path.is_file():
            raise CliError(f"--values: {path} is not a file")
        values = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    with open_backend(settings) as backend:
        result = backend.leakage(values)
    lines = [
        f"{result['raw_values_found']} raw values found ({result['values_checked']} checked, "
        f"{result['chunks_scanned']} chunks, {result['files_scanned']} files)"
    ]
    lines += [
        f"  {w['value']} in {w['where']}" + (f" ({w['field']})" if "field" in w else "")
        for w in result["where"]
    ]
    emit(args, result, "\n".join(lines))
    return 1 if result["raw_values_found"] else 0
