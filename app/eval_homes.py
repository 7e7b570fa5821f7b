"""The fresh homes the benchmarks ingest their datasets into, configured like the caller's installation.

``eval`` knows nothing of ``app``: it asks for a home through ``eval.homes.HomeFactory``; ``EvalHomes``
is that factory, building a ``Container`` over a copy of the caller's settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.container import Container
from app.settings import Settings
from eval.homes import HomeSpec


def eval_settings(base: Settings, spec: HomeSpec, chat_model: Path | None = None) -> Settings:
    """The caller's settings (retrieval, embedding, anonymization config) on a separate home, store and
    SQLite database; the chat model the caller's own (``chat_model``) when given."""
    settings = base.model_copy(deep=True)
    settings.home = spec.home
    settings.database.url = ""
    if spec.anonymize is not None:
        settings.anonymize.enabled = spec.anonymize
    settings.store.backend = spec.backend
    settings.store.url = ":memory:" if spec.backend == "qdrant" else ""
    if chat_model is not None:
        settings.llm.model_path = str(chat_model)
    return settings


@dataclass(frozen=True)
class EvalHomes:
    """A ``HomeFactory`` over ``settings``: each call builds a ``Container`` on the spec's new home."""

    settings: Settings

    def __call__(self, spec: HomeSpec) -> Container:
        return Container(eval_settings(self.settings, spec, self.chat_model_path()))

    def chat_model_path(self) -> Path | None:
        """The caller's local chat model file (llama.cpp), shared by every evaluation home; else None."""
        if self.settings.llm.backend != "llama_cpp":
            return None
        return Container(self.settings).chat_model_path()

    def model_name(self) -> str:
        """The chat model answers come from: its file, or the OpenAI-compatible server's URL."""
        return str(self.chat_model_path() or self.settings.llm.url)
