"""OpenVINO builds of the same weights for ``benchmarks.embedder_variants --openvino`` (tried, not kept).

From the eager-attention ONNX export (``retrieval.onnx_export.export_fp32``), built in the work folder:

- ``ov-fp32``: OpenVINO's CPU plugin on the fp32 graph;
- ``ov-int8-weights``: NNCF's int8 weight compression with the plugin's dynamic quantization of the fully
  connected layers' activations (``DYNAMIC_QUANTIZATION_GROUP_SIZE``);
- ``ov-int8-static``: NNCF post-training quantization (transformer preset: SmoothQuant, FakeQuantize on the
  MatMuls' inputs) calibrated on ``calibration`` chunks (other SciFact chunks than the measured ones).

openvino and nncf are not privrag dependencies: ``pip install openvino nncf`` to run these.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

Encode = Callable[[list[str]], Any]
BUILDS = ("ov-fp32", "ov-int8-weights", "ov-int8-static")


def feeds(tokenizer: Any, texts: list[str], batch_size: int, bucket: int) -> list[tuple[list[int], dict]]:
    """Model inputs in batches of texts of similar length, padded to a multiple of ``bucket`` tokens (few
    distinct shapes: OpenVINO compiles kernels per input shape)."""
    import numpy as np

    from retrieval.onnx_export import INPUT_NAMES

    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    out = []
    for start in range(0, len(order), batch_size):
        rows = order[start : start + batch_size]
        batch = tokenizer(
            [texts[i] for i in rows],
            padding=True,
            truncation=True,
            max_length=256,
            return_tensors="np",
            pad_to_multiple_of=bucket or None,
        )
        out.append((rows, {n: batch[n].astype(np.int64) for n in INPUT_NAMES}))
    return out


def openvino_encoders(
    model_path: Path,
    work: Path,
    tokenizer: Any,
    calibration: list[str],
    threads: int,
    batch_size: int,
    builds: Sequence[str] = BUILDS,
) -> dict[str, Encode]:
    """Encoders for the named ``builds`` (of ``BUILDS``), each built once into ``work``."""
    unknown = [b for b in builds if b not in BUILDS]
    if unknown:
        raise ValueError(f"--ov-builds: unknown {', '.join(unknown)} (known: {', '.join(BUILDS)})")
    try:
        import nncf
        import numpy as np
        import openvino as ov
    except ImportError as exc:
        raise RuntimeError(f"--openvino needs openvino and nncf (pip install openvino nncf): {exc}") from exc

    from nncf.common.logging.logger import nncf_logger

    from retrieval.onnx_export import export_fp32

    for handler in nncf_logger.handlers:  # NNCF logs its tables on stdout: --json owns it
        if isinstance(handler, logging.StreamHandler):
            handler.setStream(sys.stderr)

    raw = work / "eager-fp32.onnx"
    if not raw.is_file():
        export_fp32(model_path, raw)
    core = ov.Core()
    bucket = 32

    def encoder(model: Any, config: dict[str, Any] | None = None) -> Encode:
        compiled = core.compile_model(
            model, "CPU", {"INFERENCE_NUM_THREADS": threads, "PERFORMANCE_HINT": "LATENCY", **(config or {})}
        )
        request = compiled.create_infer_request()

        def encode(texts: list[str]) -> Any:
            out = np.zeros((len(texts), 384), dtype=np.float32)
            for rows, feed in feeds(tokenizer, texts, batch_size, bucket):
                out[rows] = request.infer(feed)[compiled.output(0)]
            return out

        return encode

    def int8_weights() -> Any:
        target = work / "ov-int8-weights.xml"
        if not target.is_file():
            mode = nncf.CompressWeightsMode.INT8_ASYM
            with redirect_stdout(sys.stderr):  # and its progress bars
                compressed = nncf.compress_weights(core.read_model(str(raw)), mode=mode)
            ov.save_model(compressed, str(target))
        return encoder(core.read_model(str(target)), {"DYNAMIC_QUANTIZATION_GROUP_SIZE": 32})

    def int8_static() -> Any:
        target = work / "ov-int8-static.xml"
        if not target.is_file():
            if not calibration:
                raise ValueError("ov-int8-static needs calibration chunks (--calibration > 0)")
            batches = [f for _, f in feeds(tokenizer, calibration, batch_size, bucket)]
            with redirect_stdout(sys.stderr):
                quantized = nncf.quantize(
                    core.read_model(str(raw)),
                    nncf.Dataset(batches),
                    model_type=nncf.ModelType.TRANSFORMER,
                    subset_size=len(batches),
                )
            ov.save_model(quantized, str(target))
        return encoder(core.read_model(str(target)))

    makers = {
        "ov-fp32": lambda: encoder(core.read_model(str(raw))),
        "ov-int8-weights": int8_weights,
        "ov-int8-static": int8_static,
    }
    return {name: makers[name]() for name in builds}
