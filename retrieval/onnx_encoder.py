"""Embeds texts with an exported ONNX file in ONNX Runtime, tokenized and truncated as sentence-transformers
does."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from retrieval.onnx_export import INPUT_NAMES, ExportError


class OnnxEncoder:
    """Unit-length vectors from an exported model; one ONNX Runtime session per thread count asked for."""

    def __init__(self, onnx_path: Path, tokenizer: Any, max_length: int, threads: int | None = None) -> None:
        self.onnx_path = onnx_path
        self._tokenizer = tokenizer
        self._max_length = max_length
        self._default_threads = threads or 0  # 0 = ONNX Runtime's default (one thread per core)
        self._sessions: dict[int, Any] = {}
        self._session(self._default_threads)  # load now: a broken file fails here, not at the first query

    def _session(self, threads: int) -> Any:
        if threads not in self._sessions:
            import onnxruntime as ort

            options = ort.SessionOptions()
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
            # No busy-waiting between ops: the embedder shares the cores with the other stages of a job.
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            try:
                self._sessions[threads] = ort.InferenceSession(
                    str(self.onnx_path), options, providers=["CPUExecutionProvider"]
                )
            except Exception as exc:
                raise ExportError(f"ONNX Runtime cannot load {self.onnx_path}: {exc}") from exc
        return self._sessions[threads]

    def encode(self, texts: Sequence[str], batch_size: int = 64, threads: int | None = None) -> Any:
        """float32 vectors, one row per text, in batches of texts of similar length (little padding)."""
        import numpy as np

        session = self._session(max(1, threads) if threads else self._default_threads)
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        out: Any = None
        for start in range(0, len(order), max(1, batch_size)):
            rows = order[start : start + max(1, batch_size)]
            batch = self._tokenizer(
                [texts[i] for i in rows],
                padding=True,
                truncation="longest_first",
                max_length=self._max_length,
                return_tensors="np",
            )
            feed = {name: batch[name].astype(np.int64) for name in INPUT_NAMES if name in batch}
            if "token_type_ids" not in feed:
                feed["token_type_ids"] = np.zeros_like(feed["input_ids"])
            vectors = session.run(None, feed)[0]
            if out is None:
                out = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
            out[rows] = vectors
        return out if out is not None else np.zeros((0, 0), dtype=np.float32)
