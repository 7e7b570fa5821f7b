"""Question embedding on one dedicated thread with torch single-threaded.

A question is a dozen tokens: spreading it over both cores gains ~nothing, and when the cores are busy
(ingestion, other processes) torch's thread team waits on a descheduled worker at every layer: under load
one thread was an order of magnitude faster than two (docs/evaluation.md, "Figures behind design choices in
the code"). The worker's thread count is
set once at its start (torch's setting is per thread), and the creating thread's is restored, so
nothing else in the process changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor


def _torch_threads(count: int) -> Callable[[], None]:
    def init() -> None:
        import torch

        torch.set_num_threads(count)

    return init


class QueryEmbedder:
    """``embed(question)`` on a dedicated thread with ``threads`` torch threads (0: caller's thread)."""

    def __init__(self, embed: Callable[[str], Sequence[float]], threads: int = 1) -> None:
        self._embed = embed
        self._pool: ThreadPoolExecutor | None = None
        if threads > 0:
            import torch

            before = torch.get_num_threads()
            self._pool = ThreadPoolExecutor(1, "query-embedding", initializer=_torch_threads(threads))
            self._pool.submit(lambda: None).result()  # start the worker now
            torch.set_num_threads(before)  # torch also keeps a process default for new threads: restore it

    def __call__(self, question: str) -> list[float]:
        if self._pool is None:
            return list(self._embed(question))
        return list(self._pool.submit(self._embed, question).result())

    def embed_many(
        self, embed: Callable[[list[str]], list[list[float]]], texts: list[str]
    ) -> list[list[float]]:
        """``embed(texts)`` on the same thread (a few sentences at question time: retrieval.passages)."""
        return embed(texts) if self._pool is None else self._pool.submit(embed, texts).result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False)
            self._pool = None
