"""Which runtime embeds with the model's weights on this machine: torch, or ONNX Runtime fp32 or int8.

``choose_variant("auto", ...)`` keeps, per machine, the fastest variant whose vectors stay within its cosine
bound of torch fp32 on calibration texts and that beats torch (as configured: maybe bf16) by ``MIN_SPEEDUP``;
the choice is measured once and kept in the cache directory beside the exported files, so a machine always
embeds with the same variant. Only variants that also passed the offline retrieval check (SciFact nDCG@10
within 0.005 of torch fp32, docs/evaluation.md) are ``AUTO_CANDIDATES``. Queries use the same variant as
documents, and the index records it (``app.container``), so vectors of two runtimes are never mixed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import platform
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

from retrieval.onnx_encoder import OnnxEncoder
from retrieval.onnx_export import (
    QUANTIZATION,
    ExportError,
    default_cache_dir,
    export_variant,
    model_fingerprint,
)

logger = logging.getLogger(__name__)

Variant = Literal["torch", "onnx", "onnx-int8"]
RequestedVariant = Literal["auto", "torch", "onnx", "onnx-int8"]
VARIANTS: tuple[str, ...] = get_args(Variant)

# Smallest cosine to torch fp32 on the calibration texts: the fp32 runtimes compute the same function
# (differences are float summation order); dynamic int8 quantization moves vectors further, and with the
# batch (activations are quantized per batch). int8's bound is what passed the retrieval check: on 702
# SciFact chunks min cosine 0.9868 (mean 0.9941), dense nDCG@10 0.8972 vs torch fp32's 0.8928.
MIN_COSINE: dict[str, float] = {"torch": 0.9999, "onnx": 0.9999, "onnx-int8": 0.98}
# What ``auto`` may choose besides torch: both passed the retrieval check (SciFact nDCG@10 within 0.005 of
# torch fp32, figures in docs/evaluation.md). Re-run that check before adding a variant here.
AUTO_CANDIDATES: tuple[str, ...] = ("onnx", "onnx-int8")
MIN_SPEEDUP = 1.15  # a candidate must be this much faster than torch to be chosen (timing noise)
# The speed is measured on texts as long as ingestion's chunks (192 tokens): on the short calibration texts
# int8 measured 1.92x torch where it is 1.10x on SciFact chunks (per-batch quantization and graph overheads
# weigh more on short inputs). Part of the machine key: choices measured otherwise are measured again.
TIMING_TOKENS = 180
TIMING_TEXTS = 12


@dataclass(frozen=True)
class VariantCheck:
    variant: str
    reason: str
    min_cosine: float | None = None
    speedup: float | None = None
    measured: dict[str, dict[str, float | str]] = field(default_factory=dict)


def agreement(reference: Any, candidate: Any) -> tuple[float, float]:
    """(min, mean) cosine between rows of two embedding matrices."""
    import numpy as np

    a = np.asarray(reference, dtype=np.float64)
    b = np.asarray(candidate, dtype=np.float64)
    a /= np.linalg.norm(a, axis=1, keepdims=True)
    b /= np.linalg.norm(b, axis=1, keepdims=True)
    cosines = (a * b).sum(axis=1)
    return float(cosines.min()), float(cosines.mean())


def chunk_length_texts(
    texts: Sequence[str],
    count_tokens: Callable[[str], int],
    tokens: int = TIMING_TOKENS,
    count: int = TIMING_TEXTS,
) -> list[str]:
    """``count`` texts of about ``tokens`` tokens each (as ingestion's chunks), made of ``texts`` in turn,
    each starting at another one, or taking them in another order (every other one, ...) once each has
    started one."""
    if not texts:
        raise ValueError("chunk_length_texts: no texts to build from")
    made: list[str] = []
    for start in range(count):
        words: list[str] = []
        step = 0
        while count_tokens(" ".join(words)) < tokens:
            words += texts[(start + step * (1 + start // len(texts))) % len(texts)].split()
            step += 1
        while len(words) > 1 and count_tokens(" ".join(words[:-1])) >= tokens:
            words.pop()
        made.append(" ".join(words))
    return made


def _seconds(encode: Callable[[list[str]], Any], texts: list[str]) -> float:
    started = time.perf_counter()
    encode(texts)
    return time.perf_counter() - started


def measure_speedups(
    reference: Callable[[list[str]], Any],
    candidates: dict[str, Callable[[list[str]], Any]],
    texts: Sequence[str],
    rounds: int = 3,
) -> dict[str, float]:
    """Median of per-round time ratios reference/candidate, all timed in turn within each round."""
    batch = list(texts) * 4
    for encode in [reference, *candidates.values()]:
        encode(batch[:8])  # warm up (first-run allocations, lazy initialization)
    ratios: dict[str, list[float]] = {name: [] for name in candidates}
    for _ in range(rounds):
        base = _seconds(reference, batch)
        for name, encode in candidates.items():
            ratios[name].append(base / max(_seconds(encode, batch), 1e-9))
    return {name: statistics.median(values) for name, values in ratios.items()}


def cpu_description() -> dict[str, Any]:
    """The CPU's model name, core count and the vector/bf16 flags that decide which runtime is fastest."""
    try:
        info = Path("/proc/cpuinfo").read_text()
    except OSError:
        info = ""
    name = next((ln.split(":", 1)[1].strip() for ln in info.splitlines() if ln.startswith("model name")), "")
    flags = set(next((ln for ln in info.splitlines() if ln.startswith("flags")), "").split())
    wanted = ["avx2", "avx512f", "avx512_vnni", "avx_vnni", "avx512_bf16", "amx_bf16"]
    return {
        "model": name or platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "flags": [f for f in wanted if f in flags],
        "bf16": any(f in flags for f in ("avx512_bf16", "amx_bf16")),
    }


def machine_key(model_path: Path, candidates: Sequence[str]) -> str:
    """The cached choice is valid for this CPU, these runtime versions, this model and these candidates."""
    import onnxruntime
    import torch

    cpu = cpu_description()
    parts = [
        cpu["model"],
        ",".join(cpu["flags"]),
        str(cpu["cores"]),
        torch.__version__,
        onnxruntime.__version__,
    ]
    parts += [model_fingerprint(model_path), ",".join(candidates), json.dumps(MIN_COSINE, sort_keys=True)]
    parts += [json.dumps(QUANTIZATION, sort_keys=True), f"timing:{TIMING_TOKENS}x{TIMING_TEXTS}"]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def choose_variant(
    requested: str,
    model_path: str | Path,
    torch_encode: Callable[[list[str]], Any],
    make_encoder: Callable[[Path], OnnxEncoder],
    texts: Sequence[str],
    cache_dir: Path | None = None,
    candidates: Sequence[str] = AUTO_CANDIDATES,
    reference_encode: Callable[[list[str]], Any] | None = None,
    timing_texts: Sequence[str] = (),
) -> VariantCheck:
    """The variant to embed with. Explicit ones are exported (ExportError if impossible) and used as they are;
    ``auto`` keeps the fastest candidate within its cosine bound of torch fp32 (``reference_encode``, default
    ``torch_encode``) on ``texts`` and ``timing_texts`` that beats ``torch_encode`` (torch as configured) on
    ``timing_texts`` (chunk-length texts: ``chunk_length_texts``; default ``texts``), measured once a
    machine; torch when none does or none can be exported (the reason says why)."""
    if requested not in ("auto", *VARIANTS):
        raise ValueError(f"[embedding] variant: {requested!r} is not one of auto, {', '.join(VARIANTS)}")
    if requested != "auto":
        if requested != "torch":
            export_variant(model_path, requested, cache_dir)
        return VariantCheck(requested, "configured")
    model_path = Path(model_path)
    cache = cache_dir or default_cache_dir()
    try:
        choice_file = cache / f"choice-{machine_key(model_path, candidates)}.json"
    except ImportError as exc:
        return VariantCheck("torch", f"ONNX Runtime is not installed ({exc})")
    if choice_file.is_file():
        try:
            saved = json.loads(choice_file.read_text())
            return VariantCheck(
                **{**saved, "reason": f"{saved['reason']} (measured earlier on this machine)"}
            )
        except (ValueError, TypeError, KeyError):
            logger.warning("ignoring unreadable embedder choice %s", choice_file)
    checked = list(dict.fromkeys([*texts, *timing_texts]))
    reference = (reference_encode or torch_encode)(checked)
    check = _measure_choice(
        model_path,
        reference,
        torch_encode,
        make_encoder,
        checked,
        list(timing_texts) or list(texts),
        cache,
        candidates,
    )
    try:
        cache.mkdir(parents=True, exist_ok=True)
        partial = choice_file.with_suffix(f".{os.getpid()}.part")
        partial.write_text(json.dumps(asdict(check), indent=1))
        os.replace(partial, choice_file)
    except OSError as exc:
        logger.warning("could not keep the embedder choice in %s: %s", cache, exc)
    return check


def _measure_choice(
    model_path: Path,
    reference: Any,
    torch_encode: Callable[[list[str]], Any],
    make_encoder: Callable[[Path], OnnxEncoder],
    texts: Sequence[str],
    timing_texts: Sequence[str],
    cache: Path,
    candidates: Sequence[str],
) -> VariantCheck:
    measured: dict[str, dict[str, float | str]] = {}
    passing: dict[str, Callable[[list[str]], Any]] = {}
    cosines: dict[str, float] = {}
    for name in candidates:
        try:
            encoder = make_encoder(export_variant(model_path, name, cache))
        except ExportError as exc:
            logger.warning("embedding variant %s unavailable, falling back: %s", name, exc)
            measured[name] = {"rejected": str(exc)}
            continue
        low, mean = agreement(reference, encoder.encode(list(texts)))
        measured[name] = {"min_cosine": low, "mean_cosine": mean}
        if low >= MIN_COSINE[name]:
            passing[name] = encoder.encode
            cosines[name] = low
        else:
            measured[name]["rejected"] = f"min cosine {low:.6f} < {MIN_COSINE[name]}"
    if not passing:
        return VariantCheck("torch", "no faster variant matches torch fp32", measured=measured)
    speedups = measure_speedups(torch_encode, passing, timing_texts)
    for name, ratio in speedups.items():
        measured[name]["speedup"] = ratio
    best = max(speedups, key=lambda name: speedups[name])
    if speedups[best] < MIN_SPEEDUP:
        return VariantCheck(
            "torch",
            f"no variant is {MIN_SPEEDUP}x faster than torch (best {best} {speedups[best]:.2f}x)",
            measured=measured,
        )
    reason = f"{speedups[best]:.2f}x torch, min cosine {cosines[best]:.6f} >= {MIN_COSINE[best]}"
    return VariantCheck(best, reason, cosines[best], speedups[best], measured)
