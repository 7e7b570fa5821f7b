"""Embedder settings not tried before (issue 24), side by side by CPU time on the same SciFact chunks.

    nice -n 5 .venv/bin/python -m benchmarks.embedder_settings --chunks 192 --slices 3 --json [--compile]

Against torch fp32 as ingestion runs it (2 threads, batches of 16: ``ingest/embedder.py``), timed side by
side as ``benchmarks/embedder_bench.py`` does (rotating slices, wall clock and CPU time):

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
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from anonymize.offline import go_offline
from benchmarks.embedder_bench import (
    Encode,
    Timed,
    command_parser,
    human_lines,
    ort_encoder,
    ort_session,
    ratio_rows,
    report_head,
    run_command,
    scifact_chunks,
    side_by_side,
    timed,
    timing_arguments,
)

REFERENCE = "torch-fp32"

# -- worker processes: one model per process, one thread each ------------------------------------------
_WORKER: dict[str, Any] = {}  # the worker process's own encoder (set once by its initializer)


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
        session = ort_session(export_variant(path, "onnx-int8", None), 1)
        _WORKER["encode"] = ort_encoder(session, model._model.tokenizer, batch_size)
    _WORKER["encode"](["warm up the worker"] * 4)


def _worker_encode(texts: list[str]) -> tuple[Any, float]:
    return timed(_WORKER["encode"])(texts)


def _pool_encoder(pool: ProcessPoolExecutor) -> Timed:
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


def encoders(args: argparse.Namespace) -> tuple[dict[str, Timed], list[ProcessPoolExecutor]]:
    import torch

    from retrieval.embedding import default_model_path, load_embedding
    from retrieval.onnx_export import export_variant

    torch.set_num_threads(args.threads)
    path = default_model_path()
    model = load_embedding(path, 16, precision="fp32", variant="torch")
    st_model, tokenizer = model._model, model._model.tokenizer
    int8 = export_variant(path, "onnx-int8", None)

    def torch_encoder(batch_size: int) -> Encode:
        return lambda texts: st_model.encode(texts, batch_size=batch_size, normalize_embeddings=True)

    def no_mkldnn(texts: list[str]) -> Any:
        with torch.backends.mkldnn.flags(enabled=False):
            return st_model.encode(texts, batch_size=16, normalize_embeddings=True)

    def int8_encoder(batch_size: int = 16, threads: int = args.threads, **options: Any) -> Encode:
        return ort_encoder(ort_session(int8, threads, **options), tokenizer, batch_size)

    plain: dict[str, Encode] = {REFERENCE: torch_encoder(16)}
    for size in (8, 32, 64):
        plain[f"torch-fp32-batch{size}"] = torch_encoder(size)
    plain["torch-fp32-no-mkldnn"] = no_mkldnn
    for level in ("all", "extended", "disabled"):
        plain[f"onnx-int8-opt-{level}"] = int8_encoder(level=level)
    plain["onnx-int8-inter2-parallel"] = int8_encoder(inter=2)
    plain["onnx-int8-intra1"] = int8_encoder(threads=1)
    for size in (8, 32):
        plain[f"onnx-int8-batch{size}"] = int8_encoder(size)
    if args.compile:
        import copy

        compiled = copy.deepcopy(st_model)
        compiled[0].auto_model = torch.compile(compiled[0].auto_model, dynamic=True)
        plain["torch-fp32-compile"] = lambda texts: compiled.encode(
            texts, batch_size=16, normalize_embeddings=True
        )
    made = {name: timed(encode) for name, encode in plain.items()}
    pools = [_pool("torch-fp32", 16), _pool("onnx-int8", 16)]
    made["torch-fp32-2proc-x1thread"] = _pool_encoder(pools[0])
    made["onnx-int8-2proc-x1thread"] = _pool_encoder(pools[1])
    return made, pools


def run(args: argparse.Namespace) -> dict[str, Any]:
    pool_of = scifact_chunks(Path(args.corpus), args.chunks + 16)
    chunks, warm = pool_of[: args.chunks], pool_of[args.chunks :]
    made, pools = encoders(args)
    try:
        result = side_by_side(made, chunks, args.slices, warm=warm)  # warm-up: torch.compile compiles
    finally:
        for pool in pools:
            pool.shutdown()
    report = report_head(result)
    report.update(threads=args.threads, settings=ratio_rows(result, REFERENCE))
    return report


def main(argv: list[str] | None = None) -> int:
    parser = command_parser(__doc__)
    timing_arguments(parser, chunks=192, slices=3)
    parser.add_argument("--compile", action="store_true", help="also torch.compile (inductor)")
    return run_command(parser, argv, run, lambda r: human_lines(r, r["settings"]))


if __name__ == "__main__":
    raise SystemExit(main())
