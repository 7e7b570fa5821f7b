"""What the embedder benchmarks share (embedder_variants, embedder_settings, embedder_quality).

SciFact chunks cut as ingestion cuts them, ONNX Runtime encoders with explicit session options, the rotating
side-by-side timing (every slice of the chunks embedded by every encoder in turn, the order rotating from
slice to slice, so that a change of load on a shared machine hits all encoders alike; wall clock and CPU
time: the work done, which a loaded machine's scheduling does not blur), the rows of ratios and cosines to
a reference encoder, and the commands' frame (offline, errors as ``error: ...`` and exit code 2).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from anonymize.offline import go_offline

ROOT = Path(__file__).resolve().parents[1]
SCIFACT = ROOT.parent / "shared" / "data" / "scifact"
SCIFACT_CORPUS = SCIFACT / "corpus.jsonl"
CHUNK_TOKENS = 192  # as ingestion's default chunking
CHUNK_OVERLAP = 32
DIMENSION = 384  # all-MiniLM-L6-v2
Encode = Callable[[list[str]], Any]  # texts -> vectors
Timed = Callable[[list[str]], tuple[Any, float]]  # texts -> (vectors, CPU seconds of all its processes)


def chunk_splitter(chunk_tokens: int = CHUNK_TOKENS, overlap: int = CHUNK_OVERLAP) -> Any:
    """llama-index's sentence splitter counting the embedding model's own word pieces, as ingestion does."""
    from llama_index.core.node_parser import SentenceSplitter

    from retrieval.embedding import default_model_path, word_piece_counter

    return SentenceSplitter(
        chunk_size=chunk_tokens, chunk_overlap=overlap, tokenizer=word_piece_counter(default_model_path())
    )


def scifact_chunks(corpus: Path, limit: int) -> list[str]:
    """The first ``limit`` chunks of a BEIR ``corpus.jsonl`` (title, blank line, text), cut as ingestion
    cuts them; a line that is not JSON is reported on stderr and skipped."""
    from llama_index.core import Document

    if not corpus.is_file():
        raise FileNotFoundError(f"--corpus: {corpus} is not a BEIR corpus.jsonl")
    splitter = chunk_splitter()
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


def ort_session(path: Path, threads: int, level: str = "all", inter: int = 1, spin: bool = False) -> Any:
    """An ONNX Runtime CPU session: intra-op ``threads``, ``inter`` inter-op threads (parallel execution
    mode when more than one), busy-waiting threads or not, graph optimization ``level``."""
    import onnxruntime as ort

    levels = {
        "all": ort.GraphOptimizationLevel.ORT_ENABLE_ALL,
        "extended": ort.GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
        "basic": ort.GraphOptimizationLevel.ORT_ENABLE_BASIC,
        "disabled": ort.GraphOptimizationLevel.ORT_DISABLE_ALL,
    }
    if level not in levels:
        raise ValueError(f"ort_session: level {level!r} is not one of {', '.join(levels)}")
    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = inter
    if inter > 1:
        so.execution_mode = ort.ExecutionMode.ORT_PARALLEL
    so.add_session_config_entry("session.intra_op.allow_spinning", "1" if spin else "0")
    so.graph_optimization_level = levels[level]
    return ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])


def ort_encoder(session: Any, tokenizer: Any, batch_size: int) -> Encode:
    """Texts -> vectors through an exported graph, longest first in batches (little padding)."""
    import numpy as np

    from retrieval.onnx_export import INPUT_NAMES

    def encode(texts: list[str]) -> Any:
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            batch = tokenizer(
                [texts[i] for i in rows], padding=True, truncation=True, max_length=256, return_tensors="np"
            )
            out[rows] = session.run(None, {n: batch[n].astype(np.int64) for n in INPUT_NAMES})[0]
        return out

    return encode


def timed(encode: Encode) -> Timed:
    """An encoder that also returns the CPU time this process spent in it (all its threads)."""

    def run(texts: list[str]) -> tuple[Any, float]:
        began = time.process_time()
        vectors = encode(texts)
        return vectors, time.process_time() - began

    return run


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


@dataclass
class SideBySide:
    """Totals over all slices, per encoder, and the vectors in the chunks' order."""

    chunks: int
    slices: int
    seconds: dict[str, float]
    cpu_seconds: dict[str, float]
    vectors: dict[str, Any]
    load_before: list[float] = field(default_factory=list)
    load_after: list[float] = field(default_factory=list)


def side_by_side(
    encoders: dict[str, Timed], chunks: Sequence[str], slices: int, warm: Sequence[str] = ()
) -> SideBySide:
    """Warm every encoder up on ``warm`` (untimed), then embed ``slices`` slices of ``chunks`` by every
    encoder in turn, the first encoder of a slice rotating from slice to slice."""
    import numpy as np

    if not encoders or not chunks or slices < 1:
        raise ValueError("side_by_side: needs encoders, chunks and at least one slice")
    names = list(encoders)
    for name in names:
        began = time.perf_counter()
        encoders[name](list(warm or chunks[:16]))
        print(f"warm-up {name}: {time.perf_counter() - began:.1f} s", file=sys.stderr, flush=True)
    seconds = dict.fromkeys(names, 0.0)
    cpu = dict.fromkeys(names, 0.0)
    parts: dict[str, list[Any]] = {name: [] for name in names}
    load_before = load_average()
    step = -(-len(chunks) // slices)
    for number in range(slices):
        piece = list(chunks[number * step : (number + 1) * step])
        if not piece:
            break
        for name in names[number % len(names) :] + names[: number % len(names)]:
            began = time.perf_counter()
            vectors, spent = encoders[name](piece)
            seconds[name] += time.perf_counter() - began
            cpu[name] += spent
            parts[name].append(np.asarray(vectors))
        print(f"slice {number + 1}/{slices}", file=sys.stderr, flush=True)
    return SideBySide(
        chunks=len(chunks),
        slices=slices,
        seconds=seconds,
        cpu_seconds=cpu,
        vectors={name: np.concatenate(p) for name, p in parts.items()},
        load_before=load_before,
        load_after=load_average(),
    )


def ratio_rows(result: SideBySide, reference: str) -> dict[str, dict[str, float]]:
    """Per encoder: chunks/s, wall and CPU-time ratios to ``reference`` (> 1: faster), cosines to it."""
    from retrieval.embedding_variants import agreement

    if reference not in result.seconds:
        raise ValueError(f"ratio_rows: no reference encoder {reference!r}")
    rows = {}
    for name in result.seconds:
        low, mean = agreement(result.vectors[reference], result.vectors[name])
        rows[name] = {
            "seconds": round(result.seconds[name], 2),
            "chunks_per_s": round(result.chunks / max(result.seconds[name], 1e-9), 2),
            "wall_ratio": round(result.seconds[reference] / max(result.seconds[name], 1e-9), 3),
            "cpu_seconds": round(result.cpu_seconds[name], 2),
            "cpu_ratio": round(result.cpu_seconds[reference] / max(result.cpu_seconds[name], 1e-9), 3),
            "min_cosine": round(low, 6),
            "mean_cosine": round(mean, 6),
        }
    return rows


def report_head(result: SideBySide) -> dict[str, Any]:
    """The CPU, the amount measured and the load: what every timing report starts with."""
    from retrieval.embedding_variants import cpu_description

    return {
        "cpu": cpu_description(),
        "chunks": result.chunks,
        "slices": result.slices,
        "load_average_before": result.load_before,
        "load_average_after": result.load_after,
    }


def human_lines(report: dict[str, Any], rows: dict[str, dict[str, float]]) -> list[str]:
    """The CPU (bf16 or not), the load, and one line a row."""
    cpu = report["cpu"]
    bf16 = "bf16" if cpu["bf16"] else "no bf16"
    lines = [
        f"{cpu['model']} ({cpu['cores']} cores; {', '.join(cpu['flags']) or 'no avx2'}; {bf16}); "
        f"{report['chunks']} chunks; load {report['load_average_before']} -> {report['load_average_after']}"
    ]
    for name, row in rows.items():
        lines.append(
            f"{name:28} {row['chunks_per_s']:7.2f} chunks/s  wall x{row['wall_ratio']:.2f}  "
            f"CPU x{row['cpu_ratio']:.2f}  cosine min {row['min_cosine']:.4f} mean {row['mean_cosine']:.5f}"
        )
    return lines


def command_parser(doc: str | None) -> argparse.ArgumentParser:
    """A benchmark's parser, its module docstring as the description (kept as written)."""
    return argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)


def timing_arguments(parser: argparse.ArgumentParser, chunks: int, slices: int) -> None:
    """The options every side-by-side timing takes: corpus, chunks, slices, threads, --json."""
    parser.add_argument(
        "--corpus", default=str(SCIFACT_CORPUS), help="a BEIR corpus.jsonl (default SciFact's)"
    )
    parser.add_argument("--chunks", type=int, default=chunks, help="chunks timed")
    parser.add_argument("--slices", type=int, default=slices, help="rounds in which the encoders alternate")
    parser.add_argument("--threads", type=int, default=2, help="torch and ONNX Runtime intra-op threads")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run_command(
    parser: argparse.ArgumentParser,
    argv: list[str] | None,
    run: Callable[[argparse.Namespace], dict[str, Any]],
    human: Callable[[dict[str, Any]], list[str]] | None = None,
) -> int:
    """Parse, go offline, run; one JSON object on stdout (``--json`` or no ``human``) or ``human``'s
    lines; a missing file or a bad value is ``error: ...`` on stderr and exit code 2."""
    args = parser.parse_args(argv)
    go_offline()
    try:
        report = run(args)
    except (OSError, ValueError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if human is None or getattr(args, "json", False):
        print(json.dumps(report, indent=1))
    else:
        print("\n".join(human(report)))
    return 0
