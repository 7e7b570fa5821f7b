"""Embedder variants side by side: the same SciFact chunks embedded by torch fp32 and ONNX Runtime exports.

    nice -n 5 .venv/bin/python -m benchmarks.embedder_variants --chunks 500 --slices 5 [--alternatives]

The chunks are cut as ingestion cuts them (the model's own tokenizer, 192/32 tokens) and timed side by side
(``benchmarks/embedder_bench.py``: rotating slices, wall clock and CPU time). Reported: chunks/s per variant,
its ratio to torch fp32 in the same run (wall clock, and CPU time: the work done, which a loaded machine's
scheduling does not blur), the min/mean cosine of its vectors to torch fp32's, the CPU (bf16 or not) and the
load.

Variants: ``onnx`` and ``onnx-int8`` as privrag exports them (retrieval/onnx_export.py); with
``--alternatives`` also what was tried and not kept: the SDPA export without fusions (fp32 and per-channel
uint8, the first prototype), other quantizations of the fused graph (per-tensor, int8 weights, reduce_range),
ONNX Runtime's basic graph optimization level, one thread, busy-waiting threads; with ``--openvino`` the
OpenVINO builds of ``benchmarks/openvino_variants.py`` (fp32, int8 weights, static int8; ``--ov-builds``).
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.embedder_bench import (
    Encode,
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


def alternatives(
    model_path: Path, fused: Path, work: Path, tokenizer: Any, args: argparse.Namespace
) -> dict[str, Encode]:
    from retrieval.onnx_export import export_fp32, quantize

    unfused = work / "sdpa-unfused.onnx"
    if not unfused.is_file():
        export_fp32(model_path, unfused, attention="sdpa")
    builds = {
        "int8-unfused-pc-u8": (unfused, {"per_channel": True, "weight_type": "QUInt8"}),
        "int8-pt-u8": (fused, {"per_channel": False, "weight_type": "QUInt8"}),
        "int8-pc-s8": (fused, {"per_channel": True, "weight_type": "QInt8"}),
        "int8-pt-s8-rr": (fused, {"per_channel": False, "weight_type": "QInt8", "reduce_range": True}),
    }
    encoders = {"onnx-unfused": ort_encoder(ort_session(unfused, args.threads), tokenizer, args.batch_size)}
    for name, (source, options) in builds.items():
        target = work / f"{name}.onnx"
        if not target.is_file():
            quantize(source, target, options)
        encoders[name] = ort_encoder(ort_session(target, args.threads), tokenizer, args.batch_size)
    return encoders


def encoders(args: argparse.Namespace, calibration: list[str]) -> dict[str, Encode]:
    import torch

    from retrieval.embedding import default_model_path, load_embedding
    from retrieval.onnx_export import export_variant

    torch.set_num_threads(args.threads)
    path = default_model_path()
    model = load_embedding(path, args.batch_size, precision="fp32", variant="torch")
    tokenizer = model._model.tokenizer
    cache = Path(args.cache_dir) if args.cache_dir else None
    int8 = export_variant(path, "onnx-int8", cache)
    fused = export_variant(path, "onnx", cache)

    def session(source: Path, **options: Any) -> Encode:
        threads = options.pop("threads", args.threads)
        return ort_encoder(ort_session(source, threads, **options), tokenizer, args.batch_size)

    made: dict[str, Encode] = {
        REFERENCE: model._encode_fp32,
        "onnx": session(fused),
        "onnx-int8": session(int8),
    }
    if not (args.alternatives or args.openvino):
        return made
    work = Path(args.work_dir or tempfile.mkdtemp(prefix="privrag-embedder-variants-"))
    work.mkdir(parents=True, exist_ok=True)
    if args.alternatives:
        made.update(alternatives(path, fused, work, tokenizer, args))
        made["onnx-int8-basic-opt"] = session(int8, level="basic")
        made["onnx-int8-1-thread"] = session(int8, threads=1)
        made["onnx-int8-spinning"] = session(int8, spin=True)
    if args.openvino:
        from benchmarks.openvino_variants import BUILDS, openvino_encoders

        builds = args.ov_builds.split(",") if args.ov_builds else list(BUILDS)
        made.update(
            openvino_encoders(path, work, tokenizer, calibration, args.threads, args.batch_size, builds)
        )
    return made


def run(args: argparse.Namespace) -> dict[str, Any]:
    calibrate = args.calibration if args.openvino else 0
    pool = scifact_chunks(Path(args.corpus), args.chunks + calibrate)
    chunks, calibration = pool[: args.chunks], pool[args.chunks :]
    made = {name: timed(encode) for name, encode in encoders(args, calibration).items()}
    # warm-up on other chunks than the timed ones (OpenVINO: kernels compiled for the usual shapes)
    result = side_by_side(made, chunks, args.slices, warm=calibration[:64] or chunks[:16])
    report = report_head(result)
    report.update(batch_size=args.batch_size, threads=args.threads, variants=ratio_rows(result, REFERENCE))
    return report


def main(argv: list[str] | None = None) -> int:
    parser = command_parser(__doc__)
    timing_arguments(parser, chunks=500, slices=5)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--alternatives", action="store_true", help="also the variants tried and not kept")
    parser.add_argument(
        "--openvino",
        action="store_true",
        help="also OpenVINO fp32 and int8 (benchmarks/openvino_variants.py)",
    )
    parser.add_argument(
        "--ov-builds", default="", help="--openvino: a comma-separated subset of the builds (default all)"
    )
    parser.add_argument(
        "--calibration", type=int, default=200, help="--openvino: other chunks to calibrate static int8 on"
    )
    parser.add_argument(
        "--cache-dir", default="", help="privrag's exported files (default the embedders cache)"
    )
    parser.add_argument(
        "--work-dir", default="", help="where the alternatives are built (default a temp dir)"
    )
    return run_command(parser, argv, run, lambda r: human_lines(r, r["variants"]))


if __name__ == "__main__":
    raise SystemExit(main())
