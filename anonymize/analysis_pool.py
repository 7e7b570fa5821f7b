"""Helper processes that run the PII detector on parts of a large batch.

spaCy's NER model holds the GIL on the path Presidio uses (two analysis threads ran at 0.9x one thread), so
more cores need more processes. Each helper builds its own detector with the function and configuration the
detector hands over (the same model, recognizers and filters), so a text's spans do not depend on which
process analyzed it; the pool itself knows nothing of the detector.

Helpers start in the background (spawn: a fresh interpreter, no copied locks or torch threads) and take work
only once they have loaded their model; until then, and when a helper fails, the calling process analyzes the
part itself. Nothing is lost: a batch always comes back whole and in order.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from typing import Any, Protocol

from presidio_analyzer import RecognizerResult

log = logging.getLogger(__name__)

Analyze = Callable[[Sequence[str]], list[list[RecognizerResult]]]


class BatchAnalyzer(Protocol):
    """What a helper process runs: spans for each text of a batch."""

    def analyze(self, texts: Sequence[str]) -> list[list[RecognizerResult]]: ...


# Builds a helper's analyzer from the configuration; a module-level function (pickled by name for spawn).
Build = Callable[[Any], BatchAnalyzer]

# The analyzer of a helper process (one per process, built once by its initializer).
_HELPER: dict[str, BatchAnalyzer] = {}


def _load(build: Build, config: object) -> None:
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    _HELPER["detector"] = build(config)
    _HELPER["detector"].analyze(["Warm up with Jane Doe at jane@example.com."])


def _ping() -> bool:
    return "detector" in _HELPER


def _analyze(texts: list[str]) -> list[list[RecognizerResult]]:
    return _HELPER["detector"].analyze(texts)


def split_by_length(texts: Sequence[str], parts: int) -> list[slice]:
    """Contiguous slices of ``texts`` with about the same number of characters each (at most ``parts``)."""
    total = sum(len(t) for t in texts)
    bounds: list[slice] = []
    acc, start = 0, 0
    for i, text in enumerate(texts):
        acc += len(text)
        if len(bounds) < parts - 1 and acc >= total * (len(bounds) + 1) / parts and i + 1 < len(texts):
            bounds.append(slice(start, i + 1))
            start = i + 1
    bounds.append(slice(start, len(texts)))
    return bounds


class AnalysisPool:
    """``workers`` helper processes, each with its own analyzer built by ``build(config)`` (a module-level
    function, so that a spawned process can import it); the calling process takes a share too."""

    def __init__(self, build: Build, config: object, workers: int) -> None:
        if workers < 1:
            raise ValueError("workers: at least one helper process")
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_load,
            initargs=(build, config),
        )
        # One ping per helper starts them all now; a helper answers once its model is loaded.
        self._pings = [self._executor.submit(_ping) for _ in range(workers)]

    @property
    def ready(self) -> bool:
        """True once a helper has loaded its model (and the pool has not failed)."""
        return self._executor is not None and any(
            p.done() and not p.cancelled() and not p.exception() for p in self._pings
        )

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Block until every helper has loaded its model (for benchmarks: startup outside the timing)."""
        if self._executor is None:
            return False
        wait(self._pings, timeout=timeout)
        return self.ready

    def analyze(self, texts: Sequence[str], local: Analyze) -> list[list[RecognizerResult]]:
        """Analyze ``texts`` split over the helpers and the caller (``local``); in order, nothing dropped."""
        executor = self._executor  # read once: another thread may close the pool meanwhile
        if executor is None or not self.ready:
            failed = [e for p in self._pings if p.done() and not p.cancelled() and (e := p.exception())]
            if failed and len(failed) == len(self._pings):  # no helper could load its model
                self._fail(failed[0])
            return local(texts)
        if len(texts) < 2:
            return local(texts)
        slices = split_by_length(texts, self.workers + 1)
        futures: list[tuple[slice, Future]] = []
        try:
            for s in slices[1:]:
                futures.append((s, executor.submit(_analyze, list(texts[s]))))
        except RuntimeError as exc:  # the pool broke or was shut down meanwhile: the rest runs here
            self._fail(exc)
        out = local(texts[slices[0]])
        for s, future in futures:
            try:
                out += future.result()
            except Exception as exc:  # noqa: BLE001 - a failed helper must not lose the batch
                self._fail(exc)
                out += local(texts[s])
        for s in slices[1 + len(futures) :]:
            out += local(texts[s])
        return out

    def _fail(self, exc: BaseException) -> None:
        if self._executor is not None:
            log.warning("PII analysis helpers stopped (%s); analyzing in this process from now on", exc)
        self.close()

    def close(self) -> None:
        """Stop the helpers: pending work is cancelled, and this waits for their processes to end (a helper
        still loading its model finishes loading first). Not waiting leaves the executor's wake-up pipe to
        Python's exit, which may find it closed ("Bad file descriptor" at exit, CPython 3.11)."""
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
