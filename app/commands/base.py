"""What every CLI command shares: its error type, exit codes, output (one JSON object with --json) and the
stderr console for progress."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from app.backend.base import BackendError

if TYPE_CHECKING:
    from rich.console import Console

EXIT_OK = 0
EXIT_FAILED = 1  # an unexpected error, or a check that found a problem (audit chain broken, leaked values)
EXIT_USAGE = 2  # a CliError: bad input or a refused request, explained in one line
EXIT_PARTIAL = 3  # an ingestion where some files failed


class CliError(BackendError):
    """A failure to report to the user as one clear line (and a JSON error object with --json); the CLI
    reports a backend's ``BackendError`` the same way."""


def emit(args: argparse.Namespace, data: dict[str, Any], human: str) -> None:
    """With --json, ``data`` as the one JSON object on stdout; else ``human``."""
    if args.json:
        sys.stdout.write(json.dumps(data, default=str) + "\n")
    else:
        print(human)


def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True)


def parse_groups(raw: str | None) -> list[str]:
    """``--groups G1,G2`` as a list (blanks dropped)."""
    return [g.strip() for g in (raw or "").split(",") if g.strip()]
