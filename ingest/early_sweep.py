"""The sweep brought forward: values a job found in its earlier batches replaced in a batch's chunks before
they are embedded, so the end-of-job sweep (``ingest/sweep.py``) re-embeds only the chunks that hold a value
found *after* their batch.

Why: on a 600-document job the end-of-job sweep was 19.6% of the job, nearly all of it re-embedding chunks
that held a value (a name, or a city or company the detector took for one) detected in another file. With this
step a value found in batch N is replaced in batch N's chunks and in every later batch's before any of them is
embedded; the prepare stage also holds each batch back until the next one is pseudonymized
(``prepare_stage.EARLY_SWEEP_LOOKAHEAD``), so batch N-1 takes them too. Only the chunks of the batches before
that are still rewritten at the end. The privacy promise does not change: the end-of-job sweep still replaces
every value the job added, in every stored chunk.

Which values: those the vault received after the job's mark up to the moment the next batch was pseudonymized
(``refresh``, called by the prepare stage before it hands a batch to the write stage): a function of the
job's files and batches, so an uninterrupted job is deterministic. Read incrementally (each refresh reads only
the entries added since the last), so the cost follows the job, not the vault. Each refresh's new values are
added in a canonical order; the end-of-job sweep adds all of them in one canonical order. Where two values
compete (a name part of two names, two values overlapping in one span), a chunk swept early may thus take a
different surrogate, or a different split into surrogates, than the end-of-job sweep would have given it:
every value is replaced either way, but a job resumed after a crash, whose batches differ, may then differ
from an uninterrupted run in such a chunk (docs/ingestion_scale.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import InitVar, dataclass, field

from llama_index.core.schema import BaseNode

from anonymize.known_spill import SpilledKnownValues
from anonymize.known_values import KnownValues
from anonymize.pseudonymizer import Pseudonymizer
from ingest.display_names import sweep_display
from ingest.rewrite import ChunkEdit


@dataclass
class EarlySweep:
    """The values a running job has found so far (after its mark ``since``), to replace in its chunks."""

    pseudonymizer: Pseudonymizer
    since: int  # the job's vault mark: values up to it are propagated by the pseudonymizer already
    # Where the values go; default: an encrypted SQLite file (anonymize/known_spill.py), memory flat however
    # many values the job finds, with the pseudonymizer's reach (values from other documents).
    into: InitVar[KnownValues | None] = None
    loaded_to: int = -1
    changed: int = 0  # chunks changed so far (text, title or display name)

    known: KnownValues = field(init=False)

    def __post_init__(self, into: KnownValues | None) -> None:
        self.known = into if into is not None else SpilledKnownValues(self.pseudonymizer.reach)
        if self.loaded_to < 0:
            self.loaded_to = self.since

    def close(self) -> None:
        """Drop the values (the spilled file is removed)."""
        self.known.close()

    def refresh(self) -> int:
        """Read the values the vault received since the last refresh; how many."""
        until = self.pseudonymizer.vault.last_id()
        if until <= self.loaded_to:
            return 0
        entries = self.pseudonymizer.entries_between(self.loaded_to, until)
        self.known.add_all(entries)  # spilled: one transaction
        self.loaded_to = until
        return len(entries)

    def replace(self, text: str) -> str:
        """``text`` with the values found so far still in clear replaced by their surrogates."""
        if not len(self.known) or not text:
            return text
        return self.pseudonymizer.sweep(text, self.known)

    def display(self, name: str) -> str:
        """A display name with the values found so far replaced (as the end-of-job sweep reads it)."""
        return sweep_display(name, self.replace) if name else name

    def apply(self, nodes: Sequence[BaseNode]) -> int:
        """Replace the values found so far in ``nodes`` (text, title, display name), in place; how many
        changed."""
        if not len(self.known):
            return 0
        memo: dict[str, str] = {}

        def title(text: str) -> str:
            if text not in memo:
                memo[text] = self.replace(text)
            return memo[text]

        edit = ChunkEdit(self.replace, title, self.display)
        changed = sum(1 for node in nodes if edit.apply(node))
        self.changed += changed
        return changed
