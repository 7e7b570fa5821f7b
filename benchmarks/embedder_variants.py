"""Embedder variants side by side: the same SciFact chunks embedded by torch fp32 and ONNX Runtime exports.

    nice -n 5 .venv/bin/python -m benchmarks.embedder_variants --chunks 500 --slices 5 [--alternatives]

The chunks are cut as ingestion cuts them (the model's own tokenizer, 192/32 tokens). They are split into
slices; every slice is embedded by every variant in turn, the order rotating from slice to slice, so a change
of load on a shared machine hits all variants alike. Reported: chunks/s per variant, its ratio to torch fp32
in the same run (wall clock, and CPU time: the work done, which a loaded machine's scheduling does not blur),
the min/mean cosine of its vectors to torch fp32's, the CPU (bf16 or not) and the load.

Variants: ``onnx`` and ``onnx-int8`` as privrag exports them (retrieval/onnx_export.py); with
``--alternatives`` also what was tried and not kept: the SDPA export without fusions (fp32 and per-channel
uint8, the first prototype), other quantizations of the fused graph (per-tensor, int8 weights, reduce_range),
ONNX Runtime's basic graph optimization level, one thread, busy-waiting threads; with ``--openvino`` the
OpenVINO builds of ``benchmarks/openvino_variants.py`` (fp32, int8 weights, static int8).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from anonymize.offline import go_offline

ROOT = Path(__file__).resolve().parents[1]
SCIFACT = ROOT.parent / "shared" / "data" / "scifact" / "corpus.jsonl"
Encode = Callable[[list[str]], Any]


def scifact_chunks(corpus: Path, limit: int, chunk_tokens: int = 192, overlap: int = 32) -> list[str]:
    from llama_index.core import Document
    from llama_index.core.node_parser import SentenceSplitter

    from retrieval.embedding import default_model_path, word_piece_counter

    if not corpus.is_file():
        raise FileNotFoundError(f"--corpus: {corpus} is not a BEIR corpus.jsonl")
    splitter = SentenceSplitter(
        chunk_size=chunk_tokens, chunk_overlap=overlap, tokenizer=word_piece_counter(default_model_path())
    )
    chunks: list[str] = []
    with corpus.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            try:
                record = json.loads(line)
            except ValueError as exc:
                print(f"{corpus}:{number}: skipped, not JSON ({exc})", file=sys.stderr)
                continue
            text = f"{record.get('title', '')}\n\n{record.get('text', '')}".strip()
            chunks += [n.get_content() for n in splitter.get_nodes_from_documents([Document(text=text)])]
            if len(chunks) >= limit:
                break
    return chunks[:limit]


def session_encoder(path: Path, tokenizer: Any, args: argparse.Namespace, **options: Any) -> Encode:
    """An ONNX Runtime session with explicit options (threads, spinning, optimization level)."""
    import numpy as np
    import onnxruntime as ort

    from retrieval.onnx_export import INPUT_NAMES

    so = ort.SessionOptions()
    so.intra_op_num_threads = options.get("threads", args.threads)
    so.inter_op_num_threads = 1
    so.add_session_config_entry("session.intra_op.allow_spinning", "1" if options.get("spin") else "0")
    if options.get("basic"):
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
    session = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])

    def encode(texts: list[str]) -> Any:
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for start in range(0, len(order), args.batch_size):
            rows = order[start : start + args.batch_size]
            batch = tokenizer(
                [texts[i] for i in rows], padding=True, truncation=True, max_length=256, return_tensors="np"
            )
            out[rows] = session.run(None, {n: batch[n].astype(np.int64) for n in INPUT_NAMES})[0]
        return out

    return encode


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
    encoders = {"onnx-unfused": session_encoder(unfused, tokenizer, args)}
    for name, (source, options) in builds.items():
        target = work / f"{name}.onnx"
        if not target.is_file():
            quantize(source, target, options)
        encoders[name] = session_encoder(target, tokenizer, args)
    return encoders


def run(args: argparse.Namespace) -> dict[str, Any]:
    import numpy as np
    import torch

    from retrieval.embedding import default_model_path, load_embedding
    from retrieval.embedding_variants import agreement, cpu_description
    from retrieval.onnx_export import export_variant

    torch.set_num_threads(args.threads)
    calibrate = args.calibration if args.openvino else 0
    pool = scifact_chunks(Path(args.corpus), args.chunks + calibrate)
    chunks, calibration = pool[: args.chunks], pool[args.chunks :]
    path = default_model_path()
    model = load_embedding(path, args.batch_size, precision="fp32", variant="torch")
    tokenizer = model._model.tokenizer
    cache = Path(args.cache_dir) if args.cache_dir else None
    int8 = export_variant(path, "onnx-int8", cache)
    fused = export_variant(path, "onnx", cache)
    encoders: dict[str, Encode] = {
        "torch-fp32": model._encode_fp32,
        "onnx": session_encoder(fused, tokenizer, args),
        "onnx-int8": session_encoder(int8, tokenizer, args),
    }
    if args.alternatives:
        work = Path(args.work_dir or tempfile.mkdtemp(prefix="privrag-embedder-variants-"))
        work.mkdir(parents=True, exist_ok=True)
        encoders.update(alternatives(path, fused, work, tokenizer, args))
        encoders["onnx-int8-basic-opt"] = session_encoder(int8, tokenizer, args, basic=True)
        encoders["onnx-int8-1-thread"] = session_encoder(int8, tokenizer, args, threads=1)
        encoders["onnx-int8-spinning"] = session_encoder(int8, tokenizer, args, spin=True)
    if args.openvino:
        from benchmarks.openvino_variants import openvino_encoders

        work = Path(args.work_dir or tempfile.mkdtemp(prefix="privrag-embedder-variants-"))
        work.mkdir(parents=True, exist_ok=True)
        encoders.update(openvino_encoders(path, work, tokenizer, calibration, args.threads, args.batch_size))
    for encode in encoders.values():
        encode(calibration[:64] or chunks[:16])  # warm-up (OpenVINO: kernels for the usual shapes)
    names = list(encoders)
    seconds = dict.fromkeys(names, 0.0)
    cpu_seconds = dict.fromkeys(names, 0.0)  # the process's CPU time: the work, whatever the load
    vectors: dict[str, list[Any]] = {name: [None] * args.slices for name in names}
    load_before = os.getloadavg()
    step = -(-len(chunks) // args.slices)
    for number in range(args.slices):
        piece = chunks[number * step : (number + 1) * step]
        for name in names[number % len(names) :] + names[: number % len(names)]:
            began, began_cpu = time.perf_counter(), time.process_time()
            vectors[name][number] = np.asarray(encoders[name](piece))
            seconds[name] += time.perf_counter() - began
            cpu_seconds[name] += time.process_time() - began_cpu
        print(f"slice {number + 1}/{args.slices}", file=sys.stderr, flush=True)
    load_after = os.getloadavg()
    reference = np.concatenate(vectors["torch-fp32"])
    report: dict[str, Any] = {
        "cpu": cpu_description(),
        "chunks": len(chunks),
        "slices": args.slices,
        "batch_size": args.batch_size,
        "threads": args.threads,
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in load_after],
        "variants": {},
    }
    for name in names:
        low, mean = agreement(reference, np.concatenate(vectors[name]))
        report["variants"][name] = {
            "seconds": round(seconds[name], 2),
            "chunks_per_s": round(len(chunks) / seconds[name], 2),
            "ratio_to_torch_fp32": round(seconds["torch-fp32"] / seconds[name], 3),
            "cpu_seconds": round(cpu_seconds[name], 2),
            "cpu_ratio_to_torch_fp32": round(cpu_seconds["torch-fp32"] / cpu_seconds[name], 3),
            "min_cosine": round(low, 6),
            "mean_cosine": round(mean, 6),
        }
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", default=str(SCIFACT), help="a BEIR corpus.jsonl (default SciFact's)")
    parser.add_argument("--chunks", type=int, default=500)
    parser.add_argument("--slices", type=int, default=5, help="rounds in which the variants alternate")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2, help="torch and ONNX Runtime intra-op threads")
    parser.add_argument("--alternatives", action="store_true", help="also the variants tried and not kept")
    parser.add_argument(
        "--openvino",
        action="store_true",
        help="also OpenVINO fp32 and int8 (benchmarks/openvino_variants.py)",
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
    parser.add_argument("--json", action="store_true", help="print one JSON object")
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
    cpu = report["cpu"]
    bf16 = "bf16" if cpu["bf16"] else "no bf16"
    print(f"{cpu['model']} ({cpu['cores']} cores; {', '.join(cpu['flags']) or 'no avx2'}; {bf16})")
    load = f"{report['load_average_before']} -> {report['load_average_after']}"
    print(
        f"{report['chunks']} chunks, batch {report['batch_size']}, {report['threads']} threads; load {load}"
    )
    for name, row in report["variants"].items():
        print(
            f"{name:22} {row['chunks_per_s']:8.2f} chunks/s  x{row['ratio_to_torch_fp32']:.2f}  "
            f"CPU x{row['cpu_ratio_to_torch_fp32']:.2f}  "
            f"cosine min {row['min_cosine']:.4f} mean {row['mean_cosine']:.5f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
