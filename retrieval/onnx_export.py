"""The embedding model's own weights exported locally (no hub) to ONNX, fused and optionally quantized.

Steps, each cached as one file in ``<cache>/<model fingerprint>/`` (written to a temporary name, then renamed,
so another process never sees half a file):

1. ``model-fp32.onnx`` (removed once fused): the transformer + mean pooling + L2 normalization traced with
   torch.onnx from the model folder on disk, with eager attention (the SDPA graph of recent transformers
   hides the attention pattern from ONNX Runtime's fusions).
2. ``model-fp32-fused.onnx`` (variant ``onnx``): ONNX Runtime's BERT fusions: one Attention op per layer,
   EmbedLayerNormalization, SkipLayerNormalization, BiasGelu; portable across CPUs (no hardware-specific
   layout is saved).
3. ``model-int8.onnx`` (variant ``onnx-int8``): the fused graph dynamically quantized (int8 weights, uint8
   activations quantized per batch: QAttention and MatMulInteger), see ``QUANTIZATION``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

EXPORT_FORMAT = "2"  # bump when an exported graph changes: old cache entries are then ignored
INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
FILES = {"raw": "model-fp32.onnx", "onnx": "model-fp32-fused.onnx", "onnx-int8": "model-int8.onnx"}
# quantize_dynamic's options for onnx-int8 (benchmarks/embedder_variants.py compares the alternatives).
QUANTIZATION: dict[str, Any] = {"per_channel": True, "reduce_range": False, "weight_type": "QUInt8"}


class ExportError(RuntimeError):
    """The model could not be exported to (or loaded in) the requested runtime."""


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "privrag" / "embedders"


def model_fingerprint(model_path: Path) -> str:
    """Identifies the model folder's weights and config (path, sizes, modification times) cheaply."""
    digest = hashlib.sha256(f"{EXPORT_FORMAT}:{model_path.resolve()}:{sorted(QUANTIZATION.items())}".encode())
    for file in sorted(model_path.rglob("*")):
        if file.is_file() and file.suffix in {".safetensors", ".bin", ".json", ".txt"}:
            stat = file.stat()
            digest.update(f"{file.relative_to(model_path)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def export_fp32(model_path: Path, target: Path, attention: str = "eager") -> None:
    """The transformer + mean pooling + L2 normalization, traced to one ONNX graph with dynamic shapes."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    model = AutoModel.from_pretrained(str(model_path), attn_implementation=attention).eval()
    tokenizer = AutoTokenizer.from_pretrained(str(model_path))

    class Pooled(torch.nn.Module):
        def __init__(self, transformer: Any) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            hidden = self.transformer(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2, dim=1)

    sample = tokenizer(
        ["a short text", "and a somewhat longer second text"], padding=True, return_tensors="pt"
    )
    dynamic = {name: {0: "batch", 1: "tokens"} for name in INPUT_NAMES}
    # The tracer warns about shape checks it freezes; they hold for every input here (an attention mask is
    # always given, padding only to the longest text), and the tests compare padded batches with torch.
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Pooled(model).eval(),
            tuple(sample[name] for name in INPUT_NAMES),
            str(target),
            input_names=list(INPUT_NAMES),
            output_names=["sentence_embedding"],
            dynamic_axes={**dynamic, "sentence_embedding": {0: "batch"}},
            opset_version=17,
            dynamo=False,
        )


def fuse(source: Path, target: Path, hidden_size: int, heads: int) -> dict[str, int]:
    """ONNX Runtime's BERT fusions (no hardware-specific optimization saved); the fused op counts."""
    from onnxruntime.transformers import optimizer

    optimized = optimizer.optimize_model(
        str(source), model_type="bert", num_heads=heads, hidden_size=hidden_size, opt_level=0
    )
    counts = {k: int(v) for k, v in optimized.get_fused_operator_statistics().items() if v}
    if not counts.get("Attention"):
        logger.warning(
            "ONNX Runtime fused no attention in %s (%s): the onnx variants will be slower", source, counts
        )
    optimized.save_model_to_file(str(target))
    return counts


def quantize(source: Path, target: Path, options: dict[str, Any] | None = None) -> None:
    """Dynamic int8 quantization of the fused graph (its Attention ops become QAttention)."""
    from onnx import TensorProto
    from onnxruntime.quantization import QuantType, quantize_dynamic

    chosen = {**QUANTIZATION, **(options or {})}
    quantize_dynamic(
        str(source),
        str(target),
        per_channel=bool(chosen["per_channel"]),
        reduce_range=bool(chosen["reduce_range"]),
        weight_type=QuantType[str(chosen["weight_type"])],
        # The fused (contrib) ops have no ONNX shape inference: their outputs are float32.
        extra_options={"DefaultTensorType": TensorProto.FLOAT},
    )


def export_variant(model_path: str | Path, variant: str, cache_dir: Path | None = None) -> Path:
    """The ONNX file of ``variant`` for this model, exported on first use; ExportError when that fails."""
    if variant not in ("onnx", "onnx-int8"):
        raise ExportError(f"embedding variant {variant!r} has no exported file (one of onnx, onnx-int8)")
    model_path = Path(model_path)
    if not (model_path / "config.json").is_file():
        raise ExportError(f"cannot export {variant}: {model_path} is not a transformers model folder")
    folder = (cache_dir or default_cache_dir()) / model_fingerprint(model_path)
    target = folder / FILES[variant]
    if target.is_file():
        return target
    try:
        folder.mkdir(parents=True, exist_ok=True)
        config = json.loads((model_path / "config.json").read_text())
        size, heads = int(config["hidden_size"]), int(config["num_attention_heads"])
        steps: list[tuple[str, Callable[[Path], object]]] = [
            ("raw", lambda out: export_fp32(model_path, out)),
            ("onnx", lambda out: fuse(folder / FILES["raw"], out, size, heads)),
        ]
        if variant == "onnx-int8":
            steps.append(("onnx-int8", lambda out: quantize(folder / FILES["onnx"], out)))
        started = time.perf_counter()
        for name, make in steps:
            final = folder / FILES[name]
            if final.is_file():
                continue
            partial = folder / f".{FILES[name]}.{os.getpid()}.part.onnx"
            try:
                make(partial)
                os.replace(partial, final)  # atomic: another process never sees half a file
            finally:
                partial.unlink(missing_ok=True)
        (folder / FILES["raw"]).unlink(missing_ok=True)  # only the fusion reads it
        logger.info(
            "exported %s of %s to %s in %.1f s", variant, model_path, target, time.perf_counter() - started
        )
    except Exception as exc:  # torch/onnx/onnxruntime missing or failing: name what and where
        raise ExportError(
            f"could not export the embedding model {model_path} to {variant} in {folder}: "
            f"{type(exc).__name__}: {exc}"
        ) from exc
    return target
