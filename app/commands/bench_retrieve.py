"""`privrag bench retrieve`: p95 query latency at scale (query embedding included) and HNSW recall,
each against exact search run side by side."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from app.settings import Settings

DEFAULT_DATASET = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "scifact"


def register(groups: dict[str, Any], common: argparse.ArgumentParser) -> None:
    p = groups["bench"].add_parser(
        "retrieve", parents=[common], help="query latency at N chunks and HNSW recall vs exact search"
    )
    p.add_argument("--chunks", type=int, default=100_000, help="synthetic index size (default 100000)")
    p.add_argument("--queries", type=int, default=200, help="real queries timed (default 200)")
    p.add_argument(
        "--dataset", help=f"real documents and queries the vectors are drawn from (default {DEFAULT_DATASET})"
    )
    p.add_argument("--seed-docs", type=int, default=0, help="real documents embedded as seeds (0 = all)")
    p.add_argument("--no-recall-study", action="store_true", help="skip the HNSW parameter study")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    import numpy as np

    from app.commands.base import CliError, emit
    from app.eval_homes import EvalHomes
    from eval.baseline import embed_docs
    from eval.bench_retrieve import BenchOptions, build_scale_index, recall_study, scale_latency
    from eval.datasets import load_dataset
    from eval.homes import HomeSpec
    from retrieval.edge_store import EdgeVectorStore

    if args.chunks < 1 or args.queries < 1:
        raise CliError("--chunks and --queries must be positive")
    folder = Path(args.dataset).expanduser() if args.dataset else DEFAULT_DATASET
    try:
        dataset = load_dataset(folder, limit=args.queries)
    except (OSError, ValueError) as exc:
        raise CliError(f"--dataset: {exc}") from exc
    docs = dataset.docs[: args.seed_docs] if args.seed_docs else dataset.docs
    options = BenchOptions(
        chunks=args.chunks, queries=args.queries, log=lambda m: print(m, file=sys.stderr, flush=True)
    )
    started = time.perf_counter()
    # Libraries print progress notes to stdout (llama-index's splitter): keep stdout for the one JSON object.
    with tempfile.TemporaryDirectory(prefix="privrag-bench-") as tmp, contextlib.redirect_stdout(sys.stderr):
        container = EvalHomes(settings)(HomeSpec(Path(tmp) / "home", anonymize=False))
        try:
            embed = container.embed_model
            cache = settings.home / "reports" / "retrieval" / "cache"
            name = "baseline" if len(docs) == len(dataset.docs) else f"seed{len(docs)}"
            path = cache / f"{name}-{dataset.fingerprint()}.npy"
            if path.is_file():
                seed = np.load(path)
            else:
                options.log(f"embedding {len(docs)} real documents as seeds (cached in {path})")
                seed = embed_docs(docs, embed.get_text_embedding_batch)
                path.parent.mkdir(parents=True, exist_ok=True)
                np.save(path, seed)
            questions = list(dataset.queries.values())[: args.queries]
            query_vectors = np.asarray([embed.get_query_embedding(q) for q in questions], dtype=np.float32)
            result: dict[str, Any] = {
                "chunks": args.chunks,
                "queries": len(questions),
                "seed_docs": len(seed),
            }
            if not args.no_recall_study:
                result["recall_study"] = recall_study(seed, query_vectors, Path(tmp) / "recall", options)
            store = container.vector_store
            if not isinstance(store, EdgeVectorStore):
                raise CliError('bench retrieve: needs the embedded store ([store] backend = "edge")')
            options.log(f"building the scale index: {args.chunks} chunks")
            result["index"] = {
                **build_scale_index(store, seed, docs, options),
                "m": store.hnsw_m,
                "ef_construct": store.hnsw_ef_construct,
                "ef": store.hnsw_ef,
                "points": store.count(),
            }
            options.log("timing queries: HNSW (privrag) and exact search (baseline), interleaved")
            scale = scale_latency(container.retriever, store, questions, options)
        finally:
            container.close()
    retrieval = settings.retrieval
    result.update(
        {
            "latency_ms": scale["privrag_hnsw_ms"],
            "latency_note": f"{retrieval.mode} query, top_k={retrieval.top_k}, query embedding included",
            "baseline": {
                "name": "exact (brute-force) dense search, same store and query",
                **scale["baseline_exact_ms"],
            },
            "ratio_p95_baseline_over_privrag": scale["ratio_p95_exact_over_hnsw"],
            **{k: v for k, v in scale.items() if k not in ("privrag_hnsw_ms", "baseline_exact_ms")},
            "seconds": round(time.perf_counter() - started, 1),
        }
    )
    out = settings.home / "reports" / "bench-retrieve" / time.strftime("%Y%m%d-%H%M%S")
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(result, indent=2))
    result["report_file"] = str(out / "report.json")
    human = (
        f"{args.chunks} chunks: p50 {result['latency_ms']['p50']:.1f} ms, "
        f"p95 {result['latency_ms']['p95']:.1f} ms "
        f"(HNSW) vs p95 {result['baseline']['p95']:.1f} ms (exact), query embedding p95 "
        f"{result['query_embedding_ms']['p95']:.1f} ms; HNSW recall@10 vs exact "
        f"{result['hnsw_recall@10_vs_exact']:.3f}\nReport: {out / 'report.json'}"
    )
    emit(args, result, human)
    return 0
