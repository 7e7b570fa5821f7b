"""The plain-fusion baseline every retrieval run is measured against.

Without privrag, a careful engineer gets: BM25 from ``bm25s`` (its tokenizer: ``\\w\\w+`` tokens, lower
case, its English stop words, PyStemmer's Snowball English stemmer; Lucene BM25, k1=1.5, b=0.75) and exact
cosine over the same MiniLM's embeddings of ``title + " " + text``, both over the raw (not pseudonymized),
unchunked documents, min-max normalized per query over the whole corpus and averaged at weight 0.5. Its
figures are in docs/evaluation.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from eval.datasets import Doc

BASELINE_NAME = "min-max fusion (weight 0.5) of BM25 (bm25s, k1=1.5, b=0.75) and exact MiniLM cosine"


class Bm25Index:
    """Okapi BM25 (bm25s, Lucene variant) over whole documents."""

    def __init__(self, texts: Sequence[str], k1: float = 1.5, b: float = 0.75) -> None:
        import bm25s
        import Stemmer

        self._stemmer = Stemmer.Stemmer("english")
        self._retriever = bm25s.BM25(k1=k1, b=b, method="lucene")
        self._retriever.index(self._tokenize(texts, return_ids=True), show_progress=False)

    def _tokenize(self, texts: Sequence[str], return_ids: bool) -> object:
        import bm25s

        return bm25s.tokenize(
            list(texts), stopwords="en", stemmer=self._stemmer, return_ids=return_ids, show_progress=False
        )

    def tokens(self, text: str) -> list[str]:
        """``text``'s terms as the index holds them (lower-cased, stop words out, stemmed)."""
        tokenized = self._tokenize([text], return_ids=False)
        assert isinstance(tokenized, list)
        return [str(t) for t in tokenized[0] if t]

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every document for ``query`` (zeros when none of its terms is indexed)."""
        known = [t for t in self.tokens(query) if t in self._retriever.vocab_dict]
        if not known:
            return np.zeros(self._retriever.scores["num_docs"], dtype=np.float32)
        return np.asarray(self._retriever.get_scores(known), dtype=np.float32)


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
