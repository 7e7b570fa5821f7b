"""The evaluation packages (the ``eval`` extra of pyproject.toml): present, or one clear line naming them.

The product (ingestion, retrieval, answers) runs without them; ``privrag eval ...``, ``privrag bench ...`` and
the Evaluate page need them. ``make test`` installs them; a plain ``pip install privrag`` does not.
"""

from __future__ import annotations

import importlib.util

# module imported -> the distribution of the ``eval`` extra that provides it
EVAL_MODULES: dict[str, str] = {
    "ranx": "ranx",
    "presidio_evaluator": "presidio-evaluator",
    "pandas": "pandas",
    "matplotlib": "matplotlib",
    "bm25s": "bm25s",
    "Stemmer": "PyStemmer",
    "llama_index.vector_stores.qdrant": "llama-index-vector-stores-qdrant",
}
INSTALL_HINT = "pip install 'privrag[eval]'"


class EvalExtraMissing(RuntimeError):
    """An evaluation or benchmark command ran without the ``eval`` extra installed."""


def _importable(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a missing parent package, or a module without a spec
        return False


def missing_eval_packages() -> list[str]:
    """The distributions of the ``eval`` extra that are not installed (empty when all are)."""
    return sorted({dist for module, dist in EVAL_MODULES.items() if not _importable(module)})


def require_eval_extra(command: str) -> None:
    """Raise ``EvalExtraMissing`` (one line: what is missing, how to install it) unless the extra is there."""
    missing = missing_eval_packages()
    if missing:
        raise EvalExtraMissing(
            f"{command} needs the evaluation packages (missing: {', '.join(missing)}): {INSTALL_HINT}"
        )
