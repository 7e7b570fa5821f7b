"""`privrag audit verify` (through the service, else on the home) and `privrag audit export`."""

from __future__ import annotations

import argparse
import json
from contextlib import closing
from pathlib import Path

from app.backend.choose import open_backend
from app.commands.base import EXIT_FAILED, EXIT_OK, emit
from app.settings import Settings


def run_verify(args: argparse.Namespace, settings: Settings) -> int:
    with open_backend(settings) as backend:
        result = backend.audit_verify()
    emit(
        args,
        result,
        f"audit chain {'OK' if result['ok'] else 'BROKEN at row ' + str(result['first_bad_row'])}"
        + (f" ({result['reason']})" if result.get("reason") else "")
        + f" ({result['rows']} rows)",
    )
    return EXIT_OK if result["ok"] else EXIT_FAILED


def run_export(args: argparse.Namespace, settings: Settings) -> int:
    """Read-only: SQLite allows this beside a running service (the database is not locked like the store)."""
    from app.container import Container
    from app.stores.audit import to_ocsf

    with closing(Container(settings)) as container:
        rows = sorted(container.audit.rows(), key=lambda r: r["id"])
    lines = [json.dumps(to_ocsf(r)) for r in rows]
    if args.out:
        Path(args.out).write_text("".join(line + "\n" for line in lines))
    elif not args.json:
        print("\n".join(lines))
    emit(args, {"rows": len(lines), "out": args.out}, f"{len(lines)} audit rows written to {args.out}")
    return EXIT_OK
