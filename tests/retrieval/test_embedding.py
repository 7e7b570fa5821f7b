"""Document embeddings: precision choice (bf16 only when supported and verified), one-call batches."""

from __future__ import annotations

import numpy as np
import pytest

from retrieval.embedding import (
    MIN_COSINE,
    LocalEmbedding,
    bf16_agreement,
    bf16_supported,
    choose_precision,
    default_model_path,
    load_embedding,
)


@pytest.fixture(scope="module")
def model() -> LocalEmbedding:
    return load_embedding(default_model_path(), batch_size=16, precision="fp32")


TEXTS = [
    "Employees may work remotely three days per week.",
    "Report a lost laptop to the help desk within one hour, and revoke the VPN certificate.",
    "Parental leave is sixteen weeks.",
]


def test_fp32_when_configured(model: LocalEmbedding) -> None:
    assert model.precision.precision == "fp32"
    assert choose_precision("fp32", model._encode_fp32).reason == "configured"


def test_auto_picks_bf16_only_when_supported_and_close_to_fp32(model: LocalEmbedding) -> None:
    check = choose_precision("auto", model._encode_fp32)
    if not bf16_supported():
        assert check.precision == "fp32" and "no native bf16" in check.reason
        return
    assert check.min_cosine is not None
    assert check.precision == ("bf16" if check.min_cosine >= MIN_COSINE else "fp32")


def test_bf16_documents_agree_with_fp32_and_queries_stay_fp32(model: LocalEmbedding) -> None:
    fp32 = np.array(model.embed_texts(TEXTS))
    model.set_precision("bf16")
    try:
        bf16 = np.array(model.embed_texts(TEXTS))
        query = model.get_query_embedding(TEXTS[0])
    finally:
        model.set_precision("fp32")
    assert model.get_query_embedding(TEXTS[0]) == query  # queries are never autocast
    cosines = (fp32 * bf16).sum(axis=1) / np.linalg.norm(fp32, axis=1) / np.linalg.norm(bf16, axis=1)
    assert cosines.min() > 0.999
    assert bf16_agreement(model._encode_fp32, TEXTS) > 0.999


def test_embed_texts_matches_the_llama_index_batch_path(model: LocalEmbedding) -> None:
    one_call = np.array(model.embed_texts(TEXTS))
    batched = np.array(model.get_text_embedding_batch(TEXTS))
    assert one_call.shape == (3, 384)
    assert np.allclose(one_call, batched, atol=1e-5)
    assert model.embed_texts([]) == []


def test_embed_texts_with_fewer_threads_restores_torch_threads(model: LocalEmbedding) -> None:
    import torch

    before = torch.get_num_threads()
    one_thread = np.array(model.embed_texts(TEXTS, threads=1))
    assert torch.get_num_threads() == before
    assert np.allclose(one_thread, np.array(model.embed_texts(TEXTS)), atol=1e-5)
