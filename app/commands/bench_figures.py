"""Figures shared by the ingestion benchmarks: rates of a run, the embedding-only bound, the machine."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from app.settings import Settings

MB = 1024 * 1024


def figures(chunks: int, seconds: float, nbytes: int) -> dict[str, Any]:
    return {
        "chunks": chunks,
        "seconds": round(seconds, 2),
        "chunks_per_s": round(chunks / seconds, 1) if seconds else 0.0,
        "mb_per_min": round(nbytes / MB / (seconds / 60), 3) if seconds else 0.0,
    }


def embedding_bound(
    embed_model: Any, texts: list[str], nbytes: int, fewer_threads: int | None
) -> dict[str, Any]:
    """The best time to only embed ``texts``: all threads, or fewer (faster on an oversubscribed CPU)."""
    timings: dict[str, float] = {}
    for name, threads in (("all_threads", None), (f"{fewer_threads}_threads", fewer_threads)):
        started = time.perf_counter()
        embed_model.embed_texts(texts, threads=threads)
        timings[name] = round(time.perf_counter() - started, 2)
    best = figures(len(texts), min(timings.values()), nbytes)
    best.update(precision=embed_model.precision.precision, seconds_by_threads=timings)
    return best


def machine(cpuinfo: Path = Path("/proc/cpuinfo")) -> dict[str, Any]:
    """The CPU (model, cores, whether it has native bf16) and the load average now."""
    model, flags = "", set[str]()
    try:
        for line in cpuinfo.read_text().splitlines():
            key, _, value = line.partition(":")
            if key.strip() == "model name" and not model:
                model = value.strip()
            elif key.strip() == "flags" and not flags:
                flags = set(value.split())
    except OSError:
        pass
    return {
        "cpu": model or "unknown",
        "cpus": os.cpu_count(),
        "avx2": "avx2" in flags,
        "bf16": bool(flags & {"avx512_bf16", "amx_bf16"}),
        "load_avg": [round(x, 2) for x in os.getloadavg()],
    }


def say(message: str) -> None:
    print(f"bench ingest: {message}", file=sys.stderr, flush=True)


def bench_settings(settings: Settings, home: Path) -> Settings:
    """The user's settings in a throw-away home, on the embedded store and SQLite."""
    copy = settings.model_copy(deep=True)
    copy.home = home
    copy.database.url = ""
    copy.store.backend = "edge"
    return copy
