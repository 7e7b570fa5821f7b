"""CLI command groups beyond the core ones, each in its own module with ``register(groups, common)``.

``groups`` maps a group name ("top", "eval", "bench", "users") to its argparse subparsers object;
``common`` is the parent parser carrying --home/--config/--json. A command sets
``func(args, settings) -> int`` as default and uses ``app.cli.emit`` for output (one JSON object on
stdout with --json).
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any


def register_all(groups: dict[str, Any], common: Any) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(groups, common)
