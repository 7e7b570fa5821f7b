"""Document embeddings: precision choice (bf16 only when supported and verified), one-call batches."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from retrieval.embedding import (
    MIN_COSINE,
    LocalEmbedding,
    bf16_agreement,
    bf16_supported,
    choose_precision,
    default_model_path,
    embedding_dimension,
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


def test_the_dimension_read_from_the_model_folder_is_the_loaded_models(model: LocalEmbedding) -> None:
    assert embedding_dimension(default_model_path()) == model.dimension == 384
    assert len(model.get_text_embedding(TEXTS[0])) == model.dimension


def test_the_dimension_follows_pooling_modes_and_a_dense_layer(tmp_path: Path) -> None:
    def module(path: str, kind: str, config: dict[str, object]) -> dict[str, str]:
        (tmp_path / path).mkdir()
        (tmp_path / path / "config.json").write_text(json.dumps(config))
        return {"path": path, "type": f"sentence_transformers.models.{kind}"}

    pooling = {
        "word_embedding_dimension": 256,
        "pooling_mode_mean_tokens": True,
        "pooling_mode_cls_token": True,
    }
    modules = [
        {"path": "", "type": "sentence_transformers.models.Transformer"},
        module("1_P", "Pooling", pooling),
    ]
    (tmp_path / "modules.json").write_text(json.dumps(modules))
    assert embedding_dimension(tmp_path) == 512  # mean and CLS concatenated
    modules.append(module("2_Dense", "Dense", {"in_features": 512, "out_features": 128}))
    (tmp_path / "modules.json").write_text(json.dumps(modules))
    assert embedding_dimension(tmp_path) == 128


def test_an_unreadable_model_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=str(tmp_path)):
        embedding_dimension(tmp_path)  # neither modules.json nor config.json
    (tmp_path / "modules.json").write_text(
        '[{"path": "", "type": "sentence_transformers.models.Transformer"}]'
    )
    with pytest.raises(ValueError, match="no Pooling or Dense module"):
        embedding_dimension(tmp_path)
