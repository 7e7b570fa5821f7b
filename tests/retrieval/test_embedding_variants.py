"""Embedder variants: the same weights exported to ONNX Runtime (fp32, int8), chosen per machine by
measurement within a cosine bound of torch fp32, recorded in the index version, errors on failed exports."""

from __future__ import annotations

import json
import logging
import shutil
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from app.container import Container
from ingest.catalog import IndexMismatchError
from retrieval.embedding import CALIBRATION_TEXTS, LocalEmbedding, default_model_path, load_embedding
from retrieval.embedding_variants import (
    AUTO_CANDIDATES,
    MIN_COSINE,
    MIN_SPEEDUP,
    TIMING_TEXTS,
    TIMING_TOKENS,
    agreement,
    choose_variant,
    chunk_length_texts,
)
from retrieval.onnx_export import ExportError, export_variant
from tests.conftest import make_settings

pytestmark = pytest.mark.slow_file(65)  # the ONNX exports

TEXTS = [
    "Employees may work remotely three days per week.",
    "Report a lost laptop to the help desk within one hour, and revoke the VPN certificate.",
    "Parental leave is sixteen weeks.",
]


@pytest.fixture
def cache(onnx_exports: Path, tmp_path: Path) -> Path:
    """A cache folder of this test's own (its auto choices) holding the session's exported files."""
    folder = tmp_path / "embedders"
    folder.mkdir()
    for exported in onnx_exports.iterdir():
        if exported.is_dir():
            (folder / exported.name).symlink_to(exported)
    return folder


@pytest.fixture(scope="module")
def model() -> LocalEmbedding:
    return load_embedding(default_model_path(), batch_size=16, precision="fp32", variant="torch")


def test_exported_variants_stay_within_their_bound_of_torch_fp32(model: LocalEmbedding, cache: Path) -> None:
    reference = model._encode_fp32(list(CALIBRATION_TEXTS))
    for variant in ("onnx", "onnx-int8"):
        path = export_variant(default_model_path(), variant, cache)
        assert path.is_file() and path.parent.parent == cache
        before = path.stat().st_mtime_ns
        assert export_variant(default_model_path(), variant, cache).stat().st_mtime_ns == before  # cached
        vectors = model.onnx_encoder(path).encode(list(CALIBRATION_TEXTS), batch_size=3)
        assert vectors.shape == (len(CALIBRATION_TEXTS), 384)
        assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
        low, mean = agreement(reference, vectors)
        assert low >= MIN_COSINE[variant], (variant, low)
        assert mean >= low
    assert MIN_COSINE["onnx"] >= 0.9999  # fp32 runtimes compute the same function


def test_the_export_is_fused_and_quantized(cache: Path) -> None:
    """ONNX Runtime's BERT fusions found the attention of every layer (eager attention in the export), and the
    int8 file quantized them: the speed of the variants depends on both."""
    import onnx

    layers = json.loads((default_model_path() / "config.json").read_text())["num_hidden_layers"]
    fused = Counter(
        n.op_type for n in onnx.load(str(export_variant(default_model_path(), "onnx", cache))).graph.node
    )
    assert fused["Attention"] == layers and fused["SkipLayerNormalization"] == 2 * layers, fused
    int8 = Counter(
        n.op_type for n in onnx.load(str(export_variant(default_model_path(), "onnx-int8", cache))).graph.node
    )
    assert int8["QAttention"] == layers and int8["MatMulInteger"] >= 3 * layers and not int8["MatMul"], int8
    assert not list(cache.rglob("model-fp32.onnx"))  # the unfused export is removed once fused


def test_a_variant_embeds_documents_and_queries_alike(model: LocalEmbedding, cache: Path) -> None:
    torch_docs = np.array(model.embed_texts(TEXTS))
    check = model.set_variant("onnx", cache)
    try:
        assert check.variant == "onnx" and model.variant.variant == "onnx"
        docs = np.array(model.embed_texts(TEXTS))
        one_thread = np.array(model.embed_texts(TEXTS, threads=1))
        query = np.array(model.get_query_embedding(TEXTS[0]))
        batch = np.array(model.get_text_embedding_batch(TEXTS))
    finally:
        model.set_variant("torch")
    assert model.variant.variant == "torch"
    assert np.allclose(docs, one_thread, atol=1e-5) and np.allclose(docs, batch, atol=1e-5)
    assert np.allclose(docs[0], query, atol=1e-5)  # queries go through the same runtime
    assert agreement(torch_docs, docs)[0] >= MIN_COSINE["onnx"]


def test_auto_picks_the_fastest_variant_within_its_bound_once_a_machine(
    model: LocalEmbedding, cache: Path
) -> None:
    path = default_model_path()
    check = choose_variant("auto", path, model._encode_fp32, model.onnx_encoder, CALIBRATION_TEXTS, cache)
    assert set(check.measured) == set(AUTO_CANDIDATES)
    passing = {}
    for name, figures in check.measured.items():
        assert "min_cosine" in figures, figures
        if figures["min_cosine"] >= MIN_COSINE[name]:
            assert "rejected" not in figures and figures["speedup"] > 0
            passing[name] = figures["speedup"]
        else:
            assert "rejected" in figures
    if check.variant == "torch":
        assert not passing or max(passing.values()) < MIN_SPEEDUP
    else:
        assert check.speedup == max(passing.values()) >= MIN_SPEEDUP
        assert check.min_cosine is not None and check.min_cosine >= MIN_COSINE[check.variant]
    choices = list(cache.glob("choice-*.json"))
    assert len(choices) == 1 and json.loads(choices[0].read_text())["variant"] == check.variant

    def not_again(texts: list[str]) -> None:
        raise AssertionError("the choice is measured once a machine")

    again = choose_variant("auto", path, not_again, model.onnx_encoder, CALIBRATION_TEXTS, cache)
    assert again.variant == check.variant and "measured earlier" in again.reason


def test_auto_rejects_a_variant_outside_its_bound(
    model: LocalEmbedding, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(MIN_COSINE, "onnx-int8", 1.01)  # no vector can pass a bound above 1
    check = choose_variant(
        "auto",
        default_model_path(),
        model._encode_fp32,
        model.onnx_encoder,
        CALIBRATION_TEXTS,
        cache,
        candidates=("onnx-int8",),
    )
    assert check.variant == "torch" and "no faster variant" in check.reason
    assert "min cosine" in str(check.measured["onnx-int8"]["rejected"])


def broken_model(folder: Path) -> Path:
    """The real model's config and tokenizer with weights that are not a safetensors file."""
    shutil.copytree(default_model_path(), folder)
    (folder / "model.safetensors").write_bytes(b"not a safetensors file")
    return folder


def test_a_failed_export_is_a_clear_error_and_auto_falls_back_to_torch(
    model: LocalEmbedding, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(ExportError, match="not a transformers model folder") as info:
        export_variant(tmp_path / "nothing", "onnx", tmp_path / "cache")
    assert str(tmp_path / "nothing") in str(info.value)
    broken = broken_model(tmp_path / "broken")
    with pytest.raises(ExportError, match="could not export the embedding model") as info:
        export_variant(broken, "onnx-int8", tmp_path / "cache")
    assert str(broken) in str(info.value) and "onnx-int8" in str(info.value)
    assert not list((tmp_path / "cache").rglob("*.part"))  # no half-written file left behind
    with pytest.raises(ExportError):
        choose_variant("onnx", broken, model._encode_fp32, model.onnx_encoder, TEXTS, tmp_path / "cache")

    with caplog.at_level(logging.WARNING, logger="retrieval.embedding_variants"):
        check = choose_variant(
            "auto", broken, model._encode_fp32, model.onnx_encoder, TEXTS, tmp_path / "cache"
        )
    assert check.variant == "torch"
    assert any("falling back" in r.getMessage() and str(broken) in r.getMessage() for r in caplog.records)
    assert all("could not export" in str(f["rejected"]) for f in check.measured.values())
    with pytest.raises(ValueError, match="variant"):
        choose_variant("onnx-fp16", broken, model._encode_fp32, model.onnx_encoder, TEXTS, tmp_path)


def test_the_index_records_its_variant_and_refuses_another(tmp_path: Path, cache: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "leave.md").write_text("# Leave\n\nParental leave is sixteen weeks at full pay.\n")
    (docs / "travel.md").write_text("# Travel\n\nBook flights through the portal; economy by default.\n")
    home = tmp_path / "home"

    def container(variant: str) -> Container:
        return Container(
            make_settings(home, None, embedding__variant=variant, embedding__cache_dir=str(cache))
        )

    first = container("onnx")
    try:
        assert not first.ingestor.run([docs]).failed
        assert first.catalog.index_components()["embedding_variant"] == "onnx"
    finally:
        first.close()
    for other in ("torch", "onnx-int8"):
        second = container(other)
        try:
            with pytest.raises(IndexMismatchError, match="embedding_variant") as info:
                second.ingestor.run([docs])
            assert "'onnx'" in str(info.value) and repr(other) in str(info.value)
        finally:
            second.close()
    follows = container("auto")  # auto embeds with the index's variant: queries match documents
    try:
        assert follows.embed_model.variant.variant == "onnx"
        assert not follows.ingestor.run([docs]).failed
        hits = follows.vector_store.count()
        assert hits >= 2
    finally:
        follows.close()


def test_an_index_built_with_torch_records_no_variant(tmp_path: Path) -> None:
    home = tmp_path / "home"
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "leave.md").write_text("# Leave\n\nParental leave is sixteen weeks at full pay.\n")
    container = Container(make_settings(home, None, embedding__variant="torch"))
    try:
        assert not container.ingestor.run([docs]).failed
        assert "embedding_variant" not in container.catalog.index_components()  # as before variants
    finally:
        container.close()


def test_chunk_length_texts_are_as_long_as_chunks_and_all_differ(model: LocalEmbedding) -> None:
    with pytest.raises(ValueError, match="no texts"):
        chunk_length_texts([], len)
    made = chunk_length_texts(
        ["one two three", "four five", "six"], lambda t: len(t.split()), tokens=7, count=4
    )
    assert [len(t.split()) for t in made] == [7, 7, 7, 7] and len(set(made)) == 4
    texts = model.timing_texts()
    lengths = [len(model._model.tokenizer.tokenize(t)) for t in texts]
    assert len(texts) == TIMING_TEXTS and len(set(texts)) == len(texts)
    assert all(TIMING_TOKENS <= n <= TIMING_TOKENS + 2 for n in lengths), lengths


def test_auto_times_on_the_chunk_length_texts(model: LocalEmbedding, cache: Path) -> None:
    timing = model.timing_texts()[:3]
    seen: list[list[str]] = []

    def torch_encode(texts: list[str]) -> object:
        seen.append(texts)
        return model._encode_fp32(texts)

    check = choose_variant(
        "auto",
        default_model_path(),
        torch_encode,
        model.onnx_encoder,
        TEXTS,
        cache,
        ("onnx",),
        reference_encode=model._encode_fp32,
        timing_texts=timing,
    )
    assert seen and all(set(batch) <= set(timing) for batch in seen)  # timed on the chunk-length texts only
    assert check.measured["onnx"]["min_cosine"] >= MIN_COSINE["onnx"]  # checked on both sets
