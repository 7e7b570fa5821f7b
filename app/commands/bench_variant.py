"""`bench ingest`: the embedding-only bound of the embedder variant in use beside torch fp32, one run.

The chunks are split into slices embedded by both in turn (the order alternating), so a change of load on a
shared machine hits both alike; the ratio is what issue 24 asks of a variant on a CPU without bf16 (>= 2).
"""

from __future__ import annotations

import time
from typing import Any

TARGET_RATIO = 2.0


def variant_bound(embed_model: Any, texts: list[str], slices: int = 4) -> dict[str, Any]:
    """chunks/s of ``embed_model`` as configured (its variant, or torch in bf16/fp32) and of torch fp32
    (sentence-transformers, the same weights) on ``texts``, their ratio and the cosine of their vectors."""
    import numpy as np

    from retrieval.embedding_variants import agreement, cpu_description

    if not texts:
        raise ValueError("variant_bound: no texts to embed")
    runners = {
        "torch_fp32": lambda piece: embed_model._encode_fp32(piece),
        "variant": lambda piece: embed_model.embed_texts(piece),
    }
    for run in runners.values():
        run(texts[:8])  # warm-up (first-run allocations)
    seconds = dict.fromkeys(runners, 0.0)
    vectors: dict[str, list[Any]] = {name: [] for name in runners}
    step = -(-len(texts) // max(1, slices))
    for number, start in enumerate(range(0, len(texts), step)):
        piece = texts[start : start + step]
        for name in list(runners)[:: 1 if number % 2 == 0 else -1]:
            began = time.perf_counter()
            vectors[name].append(np.asarray(runners[name](piece)))
            seconds[name] += time.perf_counter() - began
    low, mean = agreement(np.concatenate(vectors["torch_fp32"]), np.concatenate(vectors["variant"]))
    check = embed_model.variant
    return {
        "variant": check.variant,
        "variant_reason": check.reason,
        "precision": embed_model.precision.precision,
        "cpu": cpu_description(),
        "chunks": len(texts),
        "torch_fp32_chunks_per_s": round(len(texts) / seconds["torch_fp32"], 1),
        "variant_chunks_per_s": round(len(texts) / seconds["variant"], 1),
        "ratio_to_torch_fp32": round(seconds["torch_fp32"] / seconds["variant"], 2),
        "target_ratio": TARGET_RATIO,
        "min_cosine": round(low, 5),
        "mean_cosine": round(mean, 6),
    }
