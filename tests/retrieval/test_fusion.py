from pytest import approx

from retrieval.fusion import fuse_linear


def test_linear_fusion_by_hand() -> None:
    ids = ["a", "b", "c"]
    cosines = {"a": 0.5, "b": 0.4, "c": 0.2}
    bm25 = {"b": 8.0, "c": 4.0}  # a shares no term with the query: BM25 0
    fused = dict(fuse_linear(ids, cosines, bm25, sparse_weight=0.5))
    # cosine + 0.5 * bm25 / max(bm25)
    assert fused == approx({"a": 0.5, "b": 0.4 + 0.5, "c": 0.2 + 0.25})
    assert [pid for pid, _ in fuse_linear(ids, cosines, bm25, 0.5)] == ["b", "a", "c"]
    assert [pid for pid, _ in fuse_linear(ids, cosines, bm25, 0.0)] == ["a", "b", "c"]


def test_best_sentence_share_and_defaults() -> None:
    ids = ["a", "b"]
    cosines = {"a": 0.6, "b": 0.5}
    sentences = {"b": 0.9}  # a has no sentence vectors: its chunk cosine stands in
    fused = dict(fuse_linear(ids, cosines, {}, 0.5, sentences, sentence_weight=0.5))
    assert fused == approx({"a": 0.6, "b": 0.7})
    assert fuse_linear(["x", "y"], {}, {}, 0.5) == [("x", 0.0), ("y", 0.0)]  # ties by id
