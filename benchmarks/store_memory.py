"""The embedded Qdrant's own memory: upsert N chunk-like points into a fresh edge store, RSS per point.

Separates the store's cost from the ingestion pipeline's (issue 24: the peak RSS of a large job rose ~30 KB
per stored chunk). Nothing is embedded: the dense vectors are random unit vectors (their values do not change
what the engine keeps), the texts are synthetic business documents cut to chunk size, the payload is what the
pipeline writes (llama-index's layout through ``EdgeVectorStore.add``, BM25 with its neighbour context).

    nice -n 10 .venv/bin/python -m benchmarks.store_memory --points 20000 --json

Reported every ``--step`` points: the process's resident memory split as the kernel counts it (``RssAnon``:
heap, the engine's in-RAM structures; ``RssFile``: pages of the segment files it maps, which the kernel can
drop under pressure), the Python heap (tracemalloc, when ``--tracemalloc``), and the store's size on disk.
Each reading follows ``malloc_trim`` (``ingest/heap.py``), so freed memory is not counted.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from llama_index.core.schema import TextNode
from llama_index.core.vector_stores.types import VectorStoreQuery, VectorStoreQueryMode

from app.commands.bench_large import memory_mb
from app.commands.bench_synthetic import documents
from ingest.heap import release_free_heap
from retrieval.edge_store import EdgeVectorStore

CHUNK_CHARS = 900  # about the pipeline's chunks (192 tokens)


def disk_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def chunk_nodes(count: int, seed: int, dim: int) -> list[TextNode]:
    """``count`` chunk-like nodes: synthetic document text cut to chunk size, random unit vectors; file ids
    (hence point ids) unique per ``seed``."""
    rng = random.Random(seed)
    nodes: list[TextNode] = []
    for number, (name, text) in enumerate(documents(seed, 10**9)):
        for index, start in enumerate(range(0, len(text), CHUNK_CHARS)):
            vector = [rng.gauss(0.0, 1.0) for _ in range(dim)]
            norm = sum(x * x for x in vector) ** 0.5
            file_id = f"s{seed}-f{number:07d}"
            nodes.append(
                TextNode(
                    id_=f"{file_id}:{index}",
                    text=text[start : start + CHUNK_CHARS],
                    embedding=[x / norm for x in vector],
                    metadata={"file_id": file_id, "title": name, "groups": ["all"], "source": name},
                )
            )
            if len(nodes) == count:
                return nodes
    return nodes


def search_latency(store: EdgeVectorStore, searches: int, seed: int) -> dict[str, float]:
    """``searches`` hybrid queries (a random unit vector, three words of a stored chunk), one at a time, as
    the chat asks them: milliseconds per search, median and 95th percentile (memory read after them)."""
    rng = random.Random(seed + 1)
    words = [w for node in chunk_nodes(50, seed, 1) for w in node.get_content().split() if w.isalpha()]
    times = []
    for _ in range(searches):
        vector = [rng.gauss(0.0, 1.0) for _ in range(store.dim)]
        norm = sum(x * x for x in vector) ** 0.5
        query = VectorStoreQuery(
            query_embedding=[x / norm for x in vector],
            query_str=" ".join(rng.sample(words, 3)),
            similarity_top_k=8,
            mode=VectorStoreQueryMode.HYBRID,
        )
        started = time.perf_counter()
        store.query(query)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    mem = memory_mb()
    return {
        "searches": searches,
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))], 2),
        "anon_mb_after": round(mem["RssAnon"], 1),
        "file_mb_after": round(mem["RssFile"], 1),
    }


def run(
    points: int,
    step: int,
    batch: int,
    trace: bool,
    optimize: bool = False,
    seed: int = 0,
    memory: str = "ram",
    searches: int = 0,
) -> dict[str, Any]:
    if trace:
        tracemalloc.start()
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="privrag-store-memory-") as tmp:
        store = EdgeVectorStore(Path(tmp) / "store", memory=memory)
        base = memory_mb()
        started = time.perf_counter()
        written = 0
        while written < points:
            nodes = chunk_nodes(min(step, points - written), seed + written, store.dim)
            for start in range(0, len(nodes), batch):
                store.add(nodes[start : start + batch])
            written += len(nodes)
            del nodes
            release_free_heap()  # what the engine holds, not the free heap the step's nodes left behind
            mem = memory_mb()
            row = {
                "points": written,
                "seconds": round(time.perf_counter() - started, 1),
                "rss_mb": round(mem["VmRSS"], 1),
                "anon_mb": round(mem["RssAnon"], 1),
                "file_mb": round(mem["RssFile"], 1),
                "disk_mb": round(disk_mb(Path(tmp)), 1),
            }
            if trace:
                row["python_heap_mb"] = round(tracemalloc.get_traced_memory()[0] / 2**20, 1)
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
        stored = store.count()
        optimized = None
        if optimize:  # segments merged, HNSW built: what the store holds once the engine optimized
            store.optimize()
            release_free_heap()
            mem = memory_mb()
            optimized = {key: round(mem[key], 1) for key in ("VmRSS", "RssAnon", "RssFile")}
        latency = search_latency(store, searches, seed) if searches else None  # after optimize(), if asked
        store.close()
        closed = memory_mb()
    first, last = rows[0], rows[-1]
    span = last["points"] - first["points"]
    per_point = {
        key: round((last[key] - first[key]) * 1024 / span, 2) if span else None
        for key in ("rss_mb", "anon_mb", "file_mb", "disk_mb")
    }
    return {
        "points": points,
        "memory": memory,
        "stored": stored,
        "batch": batch,
        "base_rss_mb": round(base["VmRSS"], 1),
        "rows": rows,
        "kb_per_point_after_first_step": per_point,
        "after_optimize_mb": optimized,
        "search_ms": latency,
        "rss_after_close_mb": round(closed["VmRSS"], 1),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=20000)
    parser.add_argument("--step", type=int, default=2000, help="points between two memory readings")
    parser.add_argument("--batch", type=int, default=64, help="points per add() (a job's write batch)")
    parser.add_argument("--tracemalloc", action="store_true", help="also the Python heap (slower)")
    parser.add_argument("--optimize", action="store_true", help="then optimize() the store: memory after")
    parser.add_argument(
        "--memory",
        choices=("ram", "disk", "both"),
        default="ram",
        help="the store's placement (both: one run each)",
    )
    parser.add_argument("--searches", type=int, default=0, help="then time this many hybrid searches")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    placements = ("ram", "disk") if args.memory == "both" else (args.memory,)
    results = [
        run(
            args.points,
            args.step,
            args.batch,
            args.tracemalloc,
            args.optimize,
            memory=m,
            searches=args.searches,
        )
        for m in placements
    ]
    if args.json:
        print(json.dumps(results[0] if len(results) == 1 else results, indent=2))
        return
    for result in results:
        print("memory:", result["memory"])
        for row in result["rows"]:
            print(row)
        print("KB per point:", result["kb_per_point_after_first_step"])
        print("after optimize():", result["after_optimize_mb"])
        print("searches:", result["search_ms"])


if __name__ == "__main__":
    main()
