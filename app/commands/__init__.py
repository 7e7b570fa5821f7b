"""CLI command groups beyond the core ones, each in its own module with ``register(groups, common)``.

``groups`` maps a group name ("top", "eval", "bench", "users") to its argparse subparsers object;
``common`` is the parent parser carrying --home/--config/--json. A command sets
``func(args, settings) -> int`` as default, uses ``app.commands.base.emit`` for output (one JSON object on
stdout with --json) and does its work through ``app.backend.choose.open_backend`` when it may run either
through the service or on the home. Modules without ``register`` (ingest, ask, users, audit, setup, serve)
hold the core commands whose arguments ``app/cli.py`` declares. Only the modules whose source defines
``register`` are imported here: the helpers of a command (the benchmark baselines, the timing code) import
llama-index, Presidio or torch, which take seconds, and load when their command runs.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path
from typing import Any

_REGISTERS = "\ndef register("


def register_all(groups: dict[str, Any], common: Any) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        source = Path(__path__[0]) / f"{info.name}.py"
        if source.is_file() and _REGISTERS not in source.read_text(encoding="utf-8"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(groups, common)
