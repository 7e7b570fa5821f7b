"""`bench ingest`'s bound of the embedder variant in use beside torch fp32 on the same texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.commands.bench_variant import TARGET_RATIO, variant_bound
from retrieval.embedding import CALIBRATION_TEXTS, default_model_path, load_embedding
from retrieval.embedding_variants import MIN_COSINE


def test_the_variant_is_timed_beside_torch_fp32_on_the_same_texts(onnx_exports: Path) -> None:
    model = load_embedding(
        default_model_path(), 16, precision="fp32", variant="onnx-int8", cache_dir=onnx_exports
    )
    texts = list(CALIBRATION_TEXTS) * 2
    bound = variant_bound(model, texts, slices=2)
    assert bound["variant"] == "onnx-int8" and bound["chunks"] == len(texts)
    assert bound["torch_fp32_chunks_per_s"] > 0 and bound["variant_chunks_per_s"] > 0
    ratio = bound["variant_chunks_per_s"] / bound["torch_fp32_chunks_per_s"]
    assert bound["ratio_to_torch_fp32"] == pytest.approx(ratio, rel=0.05)
    assert bound["min_cosine"] >= MIN_COSINE["onnx-int8"] and bound["mean_cosine"] >= bound["min_cosine"]
    assert bound["target_ratio"] == TARGET_RATIO
    assert bound["cpu"]["cores"] >= 1 and isinstance(bound["cpu"]["bf16"], bool)
    with pytest.raises(ValueError, match="no texts"):
        variant_bound(model, [])
