"""The plain-fusion baseline every retrieval run is measured against.

Without privrag, a careful engineer gets: BM25 as bm25s computes it (``\\w\\w+`` tokens, English stop words,
Snowball stemmer, k1=1.5, b=0.75, Lucene IDF) and exact cosine over the same MiniLM's embeddings of
``title + " " + text``, both over the raw (not pseudonymized), unchunked documents, min-max normalized per
query over the whole corpus and averaged at weight 0.5. On SciFact train it scores nDCG@10 ~0.73.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from eval.datasets import Doc

_TOKEN = re.compile(r"(?u)\b\w\w+\b")
BASELINE_NAME = "min-max fusion (weight 0.5) of BM25 (bm25s-style, k1=1.5, b=0.75) and exact MiniLM cosine"


class Bm25Index:
    """Okapi BM25 (Lucene variant, as bm25s) over whole documents."""

    def __init__(self, texts: Sequence[str], k1: float = 1.5, b: float = 0.75) -> None:
        from nltk.stem.snowball import SnowballStemmer
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        self._stem = SnowballStemmer("english").stem
        self._stop = ENGLISH_STOP_WORDS
        self._cache: dict[str, str] = {}
        self.vocab: dict[str, int] = {}
        rows, cols, counts = [], [], []
        lengths = np.zeros(len(texts), dtype=np.float32)
        for i, text in enumerate(texts):
            terms = self.tokens(text)
            lengths[i] = len(terms)
            for term, count in zip(*np.unique(terms, return_counts=True), strict=True) if terms else ():
                rows.append(i)
                cols.append(self.vocab.setdefault(str(term), len(self.vocab)))
                counts.append(count)
        tf = sp.csr_matrix((counts, (rows, cols)), shape=(len(texts), len(self.vocab)), dtype=np.float32)
        df = np.bincount(tf.indices, minlength=len(self.vocab))
        n = len(texts)
        self.idf = np.log(1 + (n - df + 0.5) / (df + 0.5)).astype(np.float32)
        norm = k1 * (1 - b + b * lengths / max(float(lengths.mean()), 1e-9))
        weights = tf.copy()
        row_of = np.repeat(np.arange(n), np.diff(tf.indptr))
        weights.data = tf.data / (tf.data + norm[row_of])
        self.weights = weights.tocsc()

    def tokens(self, text: str) -> list[str]:
        out = []
        for token in _TOKEN.findall(text.lower()):
            if token in self._stop:
                continue
            stem = self._cache.get(token)
            if stem is None:
                stem = self._cache[token] = self._stem(token)
            out.append(stem)
        return out

    def scores(self, query: str) -> np.ndarray:
        ids = sorted({self.vocab[t] for t in self.tokens(query) if t in self.vocab})
        if not ids:
            return np.zeros(self.weights.shape[0], dtype=np.float32)
        return np.asarray(self.weights[:, ids] @ self.idf[ids]).ravel()


def _minmax(scores: np.ndarray) -> np.ndarray:
    low, high = float(scores.min()), float(scores.max())
    return (scores - low) / (high - low) if high > low else np.zeros_like(scores)


@dataclass
class BaselineRankings:
    bm25: dict[str, list[str]]
    dense: dict[str, list[str]]
    fusion: dict[str, list[str]]


def run_baseline(
    docs: Sequence[Doc],
    queries: dict[str, str],
    doc_embeddings: np.ndarray,
    embed_query: Callable[[str], Sequence[float]],
    depth: int = 100,
    weight: float = 0.5,
) -> BaselineRankings:
    """Rankings (top ``depth`` doc ids) of BM25, exact cosine and their min-max fusion per query."""
    index = Bm25Index([f"{d.title} {d.text}" for d in docs])
    ids = np.array([d.id for d in docs])
    matrix = np.asarray(doc_embeddings, dtype=np.float32)
    out = BaselineRankings({}, {}, {})

    def top(scores: np.ndarray) -> list[str]:
        k = min(depth, len(scores))
        best = np.argpartition(-scores, k - 1)[:k]
        return [str(x) for x in ids[best[np.argsort(-scores[best], kind="stable")]]]

    for qid, text in queries.items():
        bm25 = index.scores(text)
        cosine = matrix @ np.asarray(embed_query(text), dtype=np.float32)
        out.bm25[qid] = top(bm25)
        out.dense[qid] = top(cosine)
        out.fusion[qid] = top(weight * _minmax(cosine) + (1 - weight) * _minmax(bm25))
    return out


def embed_docs(docs: Sequence[Doc], embed_texts: Callable[[list[str]], list[list[float]]]) -> np.ndarray:
    """Normalized embeddings of ``title + " " + text`` (the BEIR convention)."""
    vectors = np.asarray(embed_texts([f"{d.title} {d.text}".strip() for d in docs]), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)
