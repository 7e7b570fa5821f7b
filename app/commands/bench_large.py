"""`privrag bench ingest --large scifact|synthetic`: a job of the size admins run, measured as they live it.

One ``privrag ingest``-like job in a throw-away home on the cached corpus (the whole SciFact corpus as 5,183
files, or N synthetic business documents: ``bench_synthetic``), wall clock from the model load to the end of
the sweep, with chunks/s per tenth of the files and per minute, the stages' busy times (catalog and sweep
among them), the resident memory sampled in a thread, then a second job of 10 new files into that store
(its sweep time), and last the embedding-only bound on a sample of the very chunks stored.
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.commands.bench_corpus import scifact_files
from app.commands.bench_figures import MB, bench_settings, embedding_bound, figures, machine, say
from app.commands.bench_synthetic import synthetic_corpus
from app.settings import Settings
from ingest.report import IngestProgress

TARGET_WALL_BOUND = 0.75  # wall clock chunks/s (model load and sweep included) vs the embedding-only bound
TARGET_SWEEP_SHARE = 0.05
TARGET_SECOND_SWEEP_S = 5.0
TARGET_LAST_FIRST = 0.9  # chunks/s of the last tenth vs the first
TARGET_MEMORY_GROWTH = 1.2


def memory_mb() -> dict[str, float]:
    """This process's resident memory as the kernel counts it (``/proc/self/status``), in MB: ``VmRSS`` in
    all, ``RssAnon`` (heaps: Python's, the models', the store engine's structures) and ``RssFile`` (mapped
    file pages: libraries, the store's segment files and WAL, which the kernel can drop under pressure)."""
    wanted = {"VmRSS", "RssAnon", "RssFile"}
    out = dict.fromkeys(wanted, 0.0)
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in wanted:
            out[key] = int(rest.split()[0]) / 1024
    return out


def rss_mb() -> float:
    """This process's resident memory (``/proc/self/status``), in MB."""
    return memory_mb()["VmRSS"]


class MemorySampler(threading.Thread):
    """Samples the resident memory every ``interval`` seconds until stopped: (perf_counter, MB)."""

    def __init__(self, interval: float = 0.5) -> None:
        super().__init__(name="bench-rss", daemon=True)
        self.interval = interval
        self.samples: list[tuple[float, float]] = []
        self.split: list[tuple[float, float, float]] = []  # (perf_counter, RssAnon MB, RssFile MB)
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            now, memory = time.perf_counter(), memory_mb()
            self.samples.append((now, memory["VmRSS"]))
            self.split.append((now, memory["RssAnon"], memory["RssFile"]))
            self._stop_event.wait(self.interval)

    def stop(self) -> list[tuple[float, float]]:
        self._stop_event.set()
        self.join()
        return self.samples


@dataclass
class RateRecorder:
    """A job's progress callback: (perf_counter, files done, chunks) at each update."""

    samples: list[tuple[float, int, int]] = field(default_factory=list)
    files_total: int = 0

    def __call__(self, progress: IngestProgress) -> None:
        self.files_total = progress.files_total
        self.samples.append((time.perf_counter(), progress.files_done, progress.chunks))


def by_tenth(
    samples: list[tuple[float, int, int]],
    files_total: int,
    rss: list[tuple[float, float]],
    split: list[tuple[float, float, float]] | None = None,
) -> list[dict[str, Any]]:
    """Chunks/s and peak memory over each tenth of the files (the time from one tenth's boundary to the
    next's, at the first progress update that reached it); with ``split`` (the sampler's), also the
    anonymous and file-backed resident memory at the tenth's last sample."""
    if not samples or files_total <= 0:
        return []
    bounds = [samples[0]]
    for k in range(1, 11):
        reached = next((s for s in samples if s[1] >= files_total * k / 10), samples[-1])
        bounds.append(reached)
    tenths = []
    for k in range(10):
        (t0, _, c0), (t1, _, c1) = bounds[k], bounds[k + 1]
        peak = max((mb for t, mb in rss if t0 <= t <= t1), default=0.0)
        seconds = t1 - t0
        tenth: dict[str, Any] = {
            "tenth": k + 1,
            "chunks": c1 - c0,
            "seconds": round(seconds, 1),
            "chunks_per_s": round((c1 - c0) / seconds, 2) if seconds > 0 else None,
            "peak_rss_mb": round(peak, 1),
        }
        inside = [s for s in split or () if t0 <= s[0] <= t1]
        if inside:
            tenth["end_anon_mb"], tenth["end_file_mb"] = round(inside[-1][1], 1), round(inside[-1][2], 1)
        tenths.append(tenth)
    return tenths


def by_minute(samples: list[tuple[float, int, int]]) -> list[float]:
    """Chunks/s in each whole minute of the job (from its first progress update)."""
    if not samples:
        return []
    start = samples[0][0]
    rates: list[float] = []
    last_chunks, minute = samples[0][2], 1
    for t, _, chunks in samples:
        while t - start >= 60 * minute:
            rates.append(round((chunks - last_chunks) / 60, 2))
            last_chunks, minute = chunks, minute + 1
    return rates


def _corpus(args: argparse.Namespace, cache: Path) -> Path:
    if args.large == "scifact":
        return scifact_files(cache)
    return synthetic_corpus(cache, args.docs, args.seed)


def _sample_texts(store: Any, wanted: int) -> list[str]:
    """The embedding inputs of about ``wanted`` stored chunks, evenly spread (every n-th); all when 0."""
    from llama_index.core.schema import MetadataMode

    step = max(1, store.count() // wanted) if wanted > 0 else 1
    return [
        n.get_content(metadata_mode=MetadataMode.EMBED)
        for i, n in enumerate(store.iter_nodes())
        if i % step == 0
    ]


def _growth(tenths: list[dict[str, Any]], key: str) -> float | None:
    """``key`` at the last tenth over the second (after the first tenth's warm-up)."""
    values = [t[key] for t in tenths if t.get(key)]
    return round(values[-1] / values[1], 3) if len(values) > 1 else None


def run_large(args: argparse.Namespace, settings: Settings) -> dict[str, Any]:
    from app.container import Container
    from ingest.discovery import discover

    cache = Path(args.cache).expanduser() if args.cache else settings.home / "cache" / "bench-ingest"
    cache.mkdir(parents=True, exist_ok=True)
    say(f"large corpus ({args.large}) in {cache} (written once)")
    folder = _corpus(args, cache)
    files = discover([folder], {e.lower() for e in settings.ingest.extensions}).files
    nbytes = sum(p.stat().st_size for p in files)
    say(f"corpus: {len(files)} files, {nbytes / MB:.1f} MB")
    before = machine()
    sampler = MemorySampler()
    sampler.start()
    recorder = RateRecorder()
    with tempfile.TemporaryDirectory(prefix="privrag-bench-large-", dir=cache) as tmp:
        started = time.perf_counter()
        container = Container(bench_settings(settings, Path(tmp) / "home"))
        try:
            ingestor = container.ingestor
            ingestor.release_heap = not getattr(args, "keep_heap", False)
            if container.pseudonymizer is not None:
                container.pseudonymizer.detector.analyze(["Warm up with Jane Doe at jane@example.com."])
            container.embed_model.embed_texts(["warm up"])
            load_seconds = time.perf_counter() - started
            say(f"models loaded in {load_seconds:.1f} s; the job")
            report = ingestor.run([folder], progress=recorder)
            wall = time.perf_counter() - started
            rss = sampler.stop()
            say(f"{report.chunks} chunks in {report.seconds:.0f} s; a second job of 10 new files")
            second_dir = synthetic_corpus(cache / "second-job", 10, seed=args.seed + 1)
            second = ingestor.run([second_dir])
            say("the embedding-only bound on a sample of the stored chunks")
            texts = _sample_texts(container.vector_store, args.bound_chunks)
            sample_bytes = sum(len(t.encode()) for t in texts)
            bound = embedding_bound(container.embed_model, texts, sample_bytes, ingestor.overlap_threads)
            bound["sample_of"] = container.vector_store.count()
            precision = container.embed_model.precision.precision
        finally:
            container.close()
    stages = report.stage_seconds
    ours = figures(report.chunks, wall, nbytes)
    ours.update(
        files=report.files,
        ingested=report.ingested,
        failed=len(report.failed),
        job_seconds=report.seconds,
        model_load_seconds=round(load_seconds, 1),
        stage_seconds=stages,
        catalog_seconds=stages.get("catalog", 0.0),
        sweep_seconds=stages.get("sweep", 0.0),
        sweep_share=round(stages.get("sweep", 0.0) / wall, 4) if wall else None,
        swept=report.swept,
        precision=precision,
        release_heap=not getattr(args, "keep_heap", False),
    )
    tenths = by_tenth(recorder.samples, recorder.files_total, rss, sampler.split)
    timed = [t for t in tenths if t["chunks_per_s"]]  # a tenth no progress update ended has no rate
    rates = (timed[0]["chunks_per_s"], timed[-1]["chunks_per_s"]) if timed else (None, None)
    peaks = [t["peak_rss_mb"] for t in tenths if t["peak_rss_mb"]]
    last = {"peak_rss_mb": peaks[-1] if peaks else 0.0}
    memory_base = peaks[1] if len(peaks) > 1 else 0.0  # after the first tenth's warm-up
    return {
        "mode": f"large:{args.large}",
        "corpus": {"source": str(folder), "files": len(files), "mb": round(nbytes / MB, 2)},
        "privrag": ours,
        "by_tenth": tenths,
        "chunks_per_s_by_minute": by_minute(recorder.samples),
        "last_vs_first_tenth": round(rates[1] / rates[0], 3) if rates[0] and rates[1] else None,
        "memory": {
            "peak_rss_mb": round(max((mb for _, mb in rss), default=0.0), 1),
            "growth_last_vs_second_tenth": round(last["peak_rss_mb"] / memory_base, 3)
            if memory_base
            else None,
            "anon_growth_last_vs_second_tenth": _growth(tenths, "end_anon_mb"),
            "file_growth_last_vs_second_tenth": _growth(tenths, "end_file_mb"),
        },
        "embedding_only": bound,
        "ratio_wall_bound": round(ours["chunks_per_s"] / bound["chunks_per_s"], 3)
        if bound["chunks_per_s"]
        else None,
        "second_job": {
            "files": second.files,
            "chunks": second.chunks,
            "seconds": second.seconds,
            "sweep_seconds": second.stage_seconds.get("sweep", 0.0),
            "swept": second.swept,
        },
        "targets": {
            "wall_vs_bound": TARGET_WALL_BOUND,
            "sweep_share": TARGET_SWEEP_SHARE,
            "second_job_sweep_seconds": TARGET_SECOND_SWEEP_S,
            "last_vs_first_tenth": TARGET_LAST_FIRST,
            "memory_growth": TARGET_MEMORY_GROWTH,
        },
        "machine": {**before, "load_avg_after": machine()["load_avg"]},
    }


def human(r: dict[str, Any]) -> str:
    p, m, s = r["privrag"], r["memory"], r["second_job"]
    tenths = " ".join(str(t["chunks_per_s"]) for t in r["by_tenth"])
    return "\n".join(
        [
            f"corpus: {r['corpus']['files']} files, {r['corpus']['mb']} MB ({r['corpus']['source']})",
            f"  privrag ({p['precision']}): {p['chunks']} chunks, {p['seconds']} s wall (models "
            f"{p['model_load_seconds']} s, sweep {p['sweep_seconds']} s = {p['sweep_share']:.1%}), "
            f"{p['chunks_per_s']} chunks/s",
            f"  embedding only ({r['embedding_only']['chunks']} of the chunks): "
            f"{r['embedding_only']['chunks_per_s']} chunks/s; wall/bound = {r['ratio_wall_bound']} "
            f"(target >= {TARGET_WALL_BOUND})",
            f"  chunks/s by tenth: {tenths}; last/first = {r['last_vs_first_tenth']}",
            f"  peak RSS {m['peak_rss_mb']} MB; last/second tenth = {m['growth_last_vs_second_tenth']} "
            f"(anonymous {m.get('anon_growth_last_vs_second_tenth')}, "
            f"file-backed {m.get('file_growth_last_vs_second_tenth')})",
            f"  second job: {s['files']} files, sweep {s['sweep_seconds']} s "
            f"(target <= {TARGET_SECOND_SWEEP_S})",
            f"  machine: {r['machine']['cpu']}, {r['machine']['cpus']} cpus, bf16 {r['machine']['bf16']}, "
            f"load {r['machine']['load_avg']}",
            f"report: {r.get('report', '')}",
        ]
    )
