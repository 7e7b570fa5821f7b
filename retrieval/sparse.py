"""BM25 sparse vectors: one encoder (qdrant-edge's ``Bm25``) for both store backends.

Documents are encoded client-side into term-frequency weights ``tf*(k+1)/(tf + k*(1-b+b*len/avg_len))``;
the store's ``IDF`` modifier multiplies in the inverse document frequency at query time, so a query vector
is just its distinct terms. Both backends get exactly the same vectors, hence the same BM25 ranking.

Pseudonyms such as ``<PERSON_12>`` would tokenize into ``person`` + ``12`` and match every other person;
:func:`retrieval.surrogates.sparse_text` turns each into one exact token (``person12``) on both the
document and the query side.
"""

from __future__ import annotations

from dataclasses import dataclass

import qdrant_edge as qe

from retrieval.surrogates import sparse_text


@dataclass(frozen=True)
class Bm25Params:
    """BM25 document-side parameters (the same shape as Qdrant's ``Bm25Config``)."""

    k: float = 1.2
    b: float = 0.75
    avg_len: float = 256.0  # expected length in terms; barely matters (SciFact: 0.701 at 150, 0.699 at 256)
    language: str = "english"  # stopwords and Snowball stemmer
    context: int = 0  # neighbouring chunks each side indexed with a chunk (retrieval/sparse_context.py)

    def config(self) -> qe.Bm25Config:
        return qe.Bm25Config(k=self.k, b=self.b, avg_len=self.avg_len, language=self.language)

    def signature(self) -> str:
        """Recorded with the index: documents written with other parameters need re-encoding."""
        context = f",context={self.context}" if self.context else ""
        return f"bm25:k={self.k:g},b={self.b:g},avg_len={self.avg_len:g},lang={self.language}{context}"


class SparseEncoder:
    """Encodes document and query text into BM25 sparse vectors (term hash -> weight)."""

    def __init__(self, params: Bm25Params | None = None) -> None:
        self.params = params or Bm25Params()
        self._bm25 = qe.Bm25(self.params.config())

    def document(self, text: str) -> qe.SparseVector:
        """A document-side vector of ``text`` (a chunk, its title and neighbours: see ``sparse_context``)."""
        return self._bm25.embed_document(sparse_text(text))

    def query(self, text: str) -> qe.SparseVector:
        return self._bm25.embed_query(sparse_text(text))
