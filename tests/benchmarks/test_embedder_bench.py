"""The embedder benchmarks' shared helper: side-by-side timing, ratio rows, chunks, the command frame."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from benchmarks import embedder_quality, embedder_settings, embedder_variants
from benchmarks.embedder_bench import (
    ort_session,
    ratio_rows,
    report_head,
    scifact_chunks,
    side_by_side,
    timed,
)


def _vectors(texts: list[str], scale: float = 1.0) -> Any:
    """A vector a text from its length and its first letter: the same text, the same vector."""
    return np.array([[len(t), ord(t[0]), scale] for t in texts], dtype=np.float32)


def test_side_by_side_rotates_the_order_and_keeps_the_chunks_order() -> None:
    calls: list[tuple[str, str]] = []

    def encoder(name: str, scale: float) -> Any:
        def encode(texts: list[str]) -> tuple[Any, float]:
            calls.append((name, texts[0]))
            return _vectors(texts, scale), 0.5  # half a CPU second a call

        return encode

    chunks = [f"{letter} chunk {letter * i}" for i, letter in enumerate("abcdefghi", 1)]
    result = side_by_side({"a": encoder("a", 1.0), "b": encoder("b", 2.0)}, chunks, 3, warm=["warm"])

    timed_calls = [c for c in calls if c[1] != "warm"]
    assert [c[0] for c in timed_calls] == ["a", "b", "b", "a", "a", "b"]  # first of a slice rotates
    assert [c[1] for c in timed_calls[::2]] == [chunks[0], chunks[3], chunks[6]]
    assert calls[:2] == [("a", "warm"), ("b", "warm")]
    assert result.chunks == 9 and result.slices == 3
    assert result.cpu_seconds == {"a": 1.5, "b": 1.5}
    np.testing.assert_array_equal(result.vectors["a"], _vectors(chunks, 1.0))
    assert len(result.load_before) == 3 and len(result.load_after) == 3

    rows = ratio_rows(result, "a")
    assert rows["a"]["wall_ratio"] == 1.0 and rows["a"]["cpu_ratio"] == 1.0
    assert rows["a"]["min_cosine"] == pytest.approx(1.0)
    assert rows["b"]["cpu_ratio"] == 1.0
    assert rows["b"]["min_cosine"] < 1.0  # the third coordinate differs
    assert rows["b"]["chunks_per_s"] > 0
    head = report_head(result)
    assert head["chunks"] == 9 and "bf16" in head["cpu"]
    with pytest.raises(ValueError, match="no reference encoder 'c'"):
        ratio_rows(result, "c")


def test_side_by_side_refuses_nothing_to_time() -> None:
    with pytest.raises(ValueError, match="needs encoders, chunks"):
        side_by_side({}, ["a"], 1)
    with pytest.raises(ValueError, match="needs encoders, chunks"):
        side_by_side({"a": timed(_vectors)}, [], 1)


def test_timed_counts_this_process_cpu_time() -> None:
    def busy(texts: list[str]) -> Any:
        total = sum(i * i for i in range(300_000))
        return _vectors(texts, float(total > 0))

    vectors, seconds = timed(busy)(["x"])
    assert vectors.shape == (1, 3)
    assert seconds > 0


def test_scifact_chunks_cuts_a_beir_corpus_and_skips_a_bad_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    long_text = " ".join(f"Sentence {i} about the binding of a protein to its receptor." for i in range(60))
    lines = [
        json.dumps({"_id": "1", "title": "Short", "text": "One short abstract."}),
        "{not json",
        json.dumps({"_id": "2", "title": "Long", "text": long_text}),
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    chunks = scifact_chunks(corpus, 100)
    assert chunks[0] == "Short\n\nOne short abstract."
    assert len(chunks) >= 3  # the long abstract is cut in 192-token chunks
    assert f"{corpus}:2: skipped, not JSON" in capsys.readouterr().err
    assert scifact_chunks(corpus, 2) == chunks[:2]
    with pytest.raises(FileNotFoundError, match="is not a BEIR corpus.jsonl"):
        scifact_chunks(tmp_path / "missing.jsonl", 10)


def test_ort_session_names_a_bad_level(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="level 'fast' is not one of all, extended, basic, disabled"):
        ort_session(tmp_path / "model.onnx", 1, level="fast")


@pytest.mark.parametrize("module", [embedder_variants, embedder_settings])
def test_a_missing_corpus_is_an_error_naming_it(
    module: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere" / "corpus.jsonl"
    assert module.main(["--corpus", str(missing), "--chunks", "4", "--slices", "1", "--json"]) == 2
    assert f"error: --corpus: {missing} is not a BEIR corpus.jsonl" in capsys.readouterr().err


def test_quality_names_a_missing_dataset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert embedder_quality.main(["--dataset", str(tmp_path / "nowhere"), "--variants", "torch"]) == 2
    assert f"error: {tmp_path / 'nowhere'}: no qrels for split 'train'" in capsys.readouterr().err


def test_openvino_builds_are_named(tmp_path: Path) -> None:
    from benchmarks.openvino_variants import openvino_encoders

    with pytest.raises(ValueError, match="--ov-builds: unknown ov-bf16"):
        openvino_encoders(tmp_path, tmp_path, None, [], 1, 8, ["ov-fp32", "ov-bf16"])
