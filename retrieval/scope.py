"""A reader's surrogate scope answered by the index itself: a surrogate is known to a reader when a chunk the
reader may read holds it (``anonymize.scope``).

The check is a BM25 search for the surrogate's one exact token (``person12``, ``retrieval.surrogates``) with
the reader's group filter inside the engine, confirmed on the text and title of the chunks found (a chunk's
BM25 vector may also hold its neighbours' words, ``retrieval.sparse_context``). Asking the store rather than
a table kept beside it means the scope follows every write and deletion of chunks (ingestion, re-ingestion,
the end-of-job sweep, ``--sync``, deletion, erasure) on both store backends, with nothing to keep in step.
Cost: one keyword search per distinct surrogate a request asks about, memoized for the request (measured
on the question path: docs/security.md, "The scope").
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from anonymize.scope import surrogates_in
from retrieval.retriever import Retriever


class StoreScope:
    """The surrogates a reader in ``groups`` knows (``groups`` None: an admin, who knows every one)."""

    def __init__(self, retriever: Retriever, groups: Sequence[str] | None, candidates: int = 8) -> None:
        self._retriever = retriever
        self._groups = None if groups is None else list(groups)
        # BM25 hits confirmed per surrogate: enough for a chunk and its neighbours of both sides.
        self._candidates = max(candidates, 2 * retriever_context(retriever) + 3)
        self._memo: dict[str, bool] = {}

    @property
    def unrestricted(self) -> bool:
        return self._groups is None

    def known(self, surrogates: Collection[str]) -> set[str]:
        if self._groups is None:
            return set(surrogates)
        for surrogate in set(surrogates) - set(self._memo):
            self._memo[surrogate] = self._held(surrogate)
        return {s for s in surrogates if self._memo[s]}

    def learn(self, texts: Collection[str]) -> None:
        """Surrogates in texts the reader was just given from the index (retrieved chunks visible to the
        reader) are known without asking the store again."""
        for text in texts:
            for surrogate in surrogates_in(text):
                self._memo[surrogate] = True

    def _held(self, surrogate: str) -> bool:
        found = self._retriever.run(surrogate, self._groups, top_k=self._candidates, mode="sparse")
        return any(surrogate in chunk.text or surrogate in chunk.title for chunk in found)


def retriever_context(retriever: Retriever) -> int:
    """The BM25 neighbour window of the retriever's store (0 when it has none)."""
    bm25 = getattr(retriever.vector_store, "bm25", None)
    return int(getattr(bm25, "context", 0) or 0)
