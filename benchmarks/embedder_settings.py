"""Embedder settings not tried before (issue 24), side by side by CPU time on the same SciFact chunks.

    nice -n 5 .venv/bin/python -m benchmarks.embedder_settings --chunks 192 --slices 3 --json [--compile]

Against torch fp32 as ingestion runs it (2 threads, batches of 16: ``ingest/embedder.py``), on rotating slices
as in ``benchmarks/embedder_variants.py``:

- two single-threaded embedding *processes*, each given half of a slice at once (spawned and loaded before
  the timing, the way ``anonymize/analysis_pool.py`` runs the detector), for torch fp32 and onnx-int8, vs one
  process with two threads; CPU time summed over the workers;
- ONNX Runtime (onnx-int8): graph optimization levels (all, extended, disabled), two inter-op threads with
  the parallel execution mode, one intra-op thread;
- torch: ``torch.backends.mkldnn`` off, ``torch.compile`` (inductor; ``--compile``, its compile time is not
  counted), batch sizes 8, 32 and 64; onnx-int8 at batch 8 and 32.

Reported per setting: wall and CPU-time ratio to the baseline, min/mean cosine to it, the CPU and the load.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from anonymize.offline import go_offline
from benchmarks.embedder_variants import SCIFACT, scifact_chunks

Encode = Callable[[list[str]], tuple[Any, float]]  # vectors, CPU seconds spent (all processes)


def _ort_session(path: Path, threads: int, level: str = "all", inter: int = 1) -> Any:
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = inter
    if inter > 1:
        so.execution_mode = ort.ExecutionMode.ORT_PARALLEL
    so.add_session_config_entry("session.intra_op.allow_spinning", "0")
    so.graph_optimization_level = {
        "all": ort.GraphOptimizationLevel.ORT_ENABLE_ALL,
        "extended": ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
        "basic": ort.GraphOptimizationLevel.ORT_ENABLE_BASIC,
        "disabled": ort.GraphOptimizationLevel.ORT_DISABLE_ALL,
    }[level]
    return ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])


def _ort_encoder(session: Any, tokenizer: Any, batch_size: int) -> Callable[[list[str]], Any]:
    import numpy as np

    from retrieval.onnx_export import INPUT_NAMES

    def encode(texts: list[str]) -> Any:
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            batch = tokenizer(
                [texts[i] for i in rows], padding=True, truncation=True, max_length=256, return_tensors="np"
            )
            out[rows] = session.run(None, {n: batch[n].astype(np.int64) for n in INPUT_NAMES})[0]
        return out

    return encode


def _timed(encode: Callable[[list[str]], Any]) -> Encode:
    def run(texts: list[str]) -> tuple[Any, float]:
        began = time.process_time()
        vectors = encode(texts)
        return vectors, time.process_time() - began

    return run


# -- worker processes: one model per process, one thread each ------------------------------------------
_WORKER: dict[str, Any] = {}


def _worker_init(variant: str, batch_size: int) -> None:
    import torch

    from retrieval.embedding import default_model_path, load_embedding
    from retrieval.onnx_export import export_variant

    go_offline()
    torch.set_num_threads(1)
    path = default_model_path()
    model = load_embedding(path, batch_size, precision="fp32", variant="torch")
    if variant == "torch-fp32":
        _WORKER["encode"] = model._encode_fp32
    else:
        session = _ort_session(export_variant(path, "onnx-int8", None), 1)
        _WORKER["encode"] = _ort_encoder(session, model._model.tokenizer, batch_size)
    _WORKER["encode"](["warm up the worker"] * 4)


def _worker_encode(texts: list[str]) -> tuple[Any, float]:
    began = time.process_time()
    vectors = _WORKER["encode"](texts)
    return vectors, time.process_time() - began


def _pool_encoder(pool: ProcessPoolExecutor) -> Encode:
    import numpy as np

    def run(texts: list[str]) -> tuple[Any, float]:
        half = len(texts) // 2
        parts = [pool.submit(_worker_encode, texts[:half]), pool.submit(_worker_encode, texts[half:])]
        results = [p.result() for p in parts]
        return np.concatenate([r[0] for r in results]), sum(r[1] for r in results)

    return run


def _pool(variant: str, batch_size: int) -> ProcessPoolExecutor:
    pool = ProcessPoolExecutor(
        max_workers=2,
        mp_context=get_context("spawn"),
        initializer=_worker_init,
        initargs=(variant, batch_size),
    )
    list(pool.map(_worker_encode, [["start"], ["start"]]))  # both workers loaded before any timing
    return pool


def encoders(args: argparse.Namespace) -> tuple[dict[str, Encode], list[ProcessPoolExecutor]]:
    import torch

    from retrieval.embedding import default_model_path, load_embedding
    from retrieval.onnx_export import export_variant

    torch.set_num_threads(args.threads)
    path = default_model_path()
    model = load_embedding(path, 16, precision="fp32", variant="torch")
    st_model, tokenizer = model._model, model._model.tokenizer
    int8 = export_variant(path, "onnx-int8", None)

    def torch_encoder(batch_size: int) -> Callable[[list[str]], Any]:
        return lambda texts: st_model.encode(texts, batch_size=batch_size, normalize_embeddings=True)

    def no_mkldnn(texts: list[str]) -> Any:
        with torch.backends.mkldnn.flags(enabled=False):
            return st_model.encode(texts, batch_size=16, normalize_embeddings=True)

    made: dict[str, Encode] = {"torch-fp32": _timed(torch_encoder(16))}
    for size in (8, 32, 64):
        made[f"torch-fp32-batch{size}"] = _timed(torch_encoder(size))
    made["torch-fp32-no-mkldnn"] = _timed(no_mkldnn)
    threads = args.threads
    for level in ("all", "extended", "disabled"):
        made[f"onnx-int8-opt-{level}"] = _timed(
            _ort_encoder(_ort_session(int8, threads, level), tokenizer, 16)
        )
    made["onnx-int8-inter2-parallel"] = _timed(
        _ort_encoder(_ort_session(int8, threads, "all", inter=2), tokenizer, 16)
    )
    made["onnx-int8-intra1"] = _timed(_ort_encoder(_ort_session(int8, 1), tokenizer, 16))
    for size in (8, 32):
        made[f"onnx-int8-batch{size}"] = _timed(_ort_encoder(_ort_session(int8, threads), tokenizer, size))
    if args.compile:
        import copy

        compiled = copy.deepcopy(st_model)
        compiled[0].auto_model = torch.compile(compiled[0].auto_model, dynamic=True)
        made["torch-fp32-compile"] = _timed(
            lambda texts: compiled.encode(texts, batch_size=16, normalize_embeddings=True)
        )
    pools = [_pool("torch-fp32", 16), _pool("onnx-int8", 16)]
    made["torch-fp32-2proc-x1thread"] = _pool_encoder(pools[0])
    made["onnx-int8-2proc-x1thread"] = _pool_encoder(pools[1])
    return made, pools


def run(args: argparse.Namespace) -> dict[str, Any]:
    import numpy as np

    from retrieval.embedding_variants import agreement, cpu_description

    pool_of = scifact_chunks(Path(args.corpus), args.chunks + 16)
    chunks, warm = pool_of[: args.chunks], pool_of[args.chunks :]
    made, pools = encoders(args)
    try:
        for name, encode in made.items():
            began = time.perf_counter()
            encode(warm)  # warm-up (torch.compile: compiles here)
            print(f"warm-up {name}: {time.perf_counter() - began:.1f} s", file=sys.stderr, flush=True)
        names = list(made)
        seconds = dict.fromkeys(names, 0.0)
        cpu = dict.fromkeys(names, 0.0)
        vectors: dict[str, list[Any]] = {n: [None] * args.slices for n in names}
        load_before = os.getloadavg()
        step = -(-len(chunks) // args.slices)
        for number in range(args.slices):
            piece = chunks[number * step : (number + 1) * step]
            for name in names[number % len(names) :] + names[: number % len(names)]:
                began = time.perf_counter()
                out, spent = made[name](piece)
                seconds[name] += time.perf_counter() - began
                cpu[name] += spent
                vectors[name][number] = np.asarray(out)
            print(f"slice {number + 1}/{args.slices}", file=sys.stderr, flush=True)
        load_after = os.getloadavg()
    finally:
        for pool in pools:
            pool.shutdown()
    reference = np.concatenate(vectors["torch-fp32"])
    rows = {}
    for name in names:
        low, mean = agreement(reference, np.concatenate(vectors[name]))
        rows[name] = {
            "chunks_per_s": round(len(chunks) / seconds[name], 2),
            "wall_ratio": round(seconds["torch-fp32"] / seconds[name], 3),
            "cpu_seconds": round(cpu[name], 2),
            "cpu_ratio": round(cpu["torch-fp32"] / cpu[name], 3),
            "min_cosine": round(low, 6),
            "mean_cosine": round(mean, 6),
        }
    return {
        "cpu": cpu_description(),
        "chunks": len(chunks),
        "slices": args.slices,
        "threads": args.threads,
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in load_after],
        "settings": rows,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", default=str(SCIFACT), help="a BEIR corpus.jsonl (default SciFact's)")
    parser.add_argument("--chunks", type=int, default=192)
    parser.add_argument("--slices", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2, help="threads of the one-process settings")
    parser.add_argument("--compile", action="store_true", help="also torch.compile (inductor)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    go_offline()
    try:
        report = run(args)
    except (FileNotFoundError, ValueError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report, indent=1))
        return 0
    print(
        f"{report['cpu']}; {report['chunks']} chunks; load {report['load_average_before']} -> "
        f"{report['load_average_after']}"
    )
    for name, row in report["settings"].items():
        print(
            f"{name:28} {row['chunks_per_s']:7.2f} chunks/s  wall x{row['wall_ratio']:.2f}  "
            f"CPU x{row['cpu_ratio']:.2f}  cosine min {row['min_cosine']:.4f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
