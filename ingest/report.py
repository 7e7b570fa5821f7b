"""What an ingestion job tells its caller: the final report, and progress while it runs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from ingest.discovery import SkippedFile


@dataclass
class IngestFailure:
    path: str
    error: str
    kind: str = "error"


@dataclass
class IngestReport:
    files: int = 0
    ingested: int = 0
    unchanged: int = 0
    failed: list[IngestFailure] = field(default_factory=list)
    chunks: int = 0
    removed: int = 0
    ignored: int = 0  # skipped by .privragignore patterns
    skipped: list[SkippedFile] = field(default_factory=list)  # every file not taken, with its reason
    recovered: int = 0  # rows an interrupted run left unfinished, cleaned up at the start
    swept: int = 0  # chunks in which the sweep replaced values this job found elsewhere (see ingest/sweep.py)
    swept_early: int = 0  # chunks in which values found earlier in the job were replaced before embedding
    shards_finished: int = 0  # --shard I/N: shards of the run finished so far (the N-th one sweeps)
    stage_seconds: dict[str, float] = field(default_factory=dict)  # busy time of each step, all threads
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["failed"] = [{"path": f.path, "error": f.error} for f in self.failed]
        data["failed_kinds"] = dict(Counter(f.kind for f in self.failed))
        data["chunks_per_s"] = round(self.chunks / self.seconds, 1) if self.seconds else 0.0
        return data


@dataclass
class IngestProgress:
    files_total: int
    files_done: int
    chunks: int
    current: str
    bytes_total: int = 0
    bytes_done: int = 0
    failed: int = 0
    elapsed: float = 0.0

    @property
    def chunks_per_s(self) -> float:
        return self.chunks / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def files_per_s(self) -> float:
        return self.files_done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta_seconds(self) -> float | None:
        """Time left at the rate of the bytes done so far (large files count for what they are); None before
        anything is done."""
        if self.bytes_total and self.bytes_done >= self.bytes_total:
            return 0.0
        if self.elapsed <= 0 or self.bytes_done <= 0 or not self.bytes_total:
            return None
        return self.elapsed * (self.bytes_total - self.bytes_done) / self.bytes_done


ProgressCallback = Callable[[IngestProgress], None]
