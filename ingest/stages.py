"""The machinery under a job's three overlapping stages: threads, the queues between them, progress.

A stage runs in a :class:`Stage` thread that keeps its exception for the caller; work crosses between
stages through bounded queues (:func:`offer`, :func:`put`, :func:`drain`, :func:`consume`) that end with
:data:`DONE` and never wait on a dead or stopped stage; a :class:`Tracker` adds up every stage's counts and
busy time and calls the progress callback, serialized.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from ingest.report import IngestFailure, IngestProgress, IngestReport, ProgressCallback

DONE = object()  # end of a stage's input
_POLL = 0.2  # seconds between checks of the other side while a queue is full or empty


class Tracker:
    """Counts and progress callbacks from every stage, serialized."""

    def __init__(
        self, report: IngestReport, total: int, total_bytes: int, callback: ProgressCallback | None
    ) -> None:
        self.report = report
        self.total = total
        self.total_bytes = total_bytes
        self.callback = callback
        self.done = 0
        self.bytes_done = 0
        self.current = ""
        self.started = time.perf_counter()
        self._lock = threading.Lock()

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        """Add the block's duration to the report's ``stage_seconds[stage]``."""
        started = time.perf_counter()
        try:
            yield
        finally:
            elapsed = time.perf_counter() - started
            with self._lock:
                seconds = self.report.stage_seconds
                seconds[stage] = round(seconds.get(stage, 0.0) + elapsed, 3)

    def update(
        self,
        *,
        files: int = 0,
        nbytes: int = 0,
        chunks: int = 0,
        ingested: int = 0,
        unchanged: int = 0,
        swept_early: int = 0,
        failure: IngestFailure | None = None,
        current: str | None = None,
    ) -> None:
        with self._lock:
            self.done += files
            self.bytes_done += nbytes
            self.report.chunks += chunks
            self.report.ingested += ingested
            self.report.unchanged += unchanged
            self.report.swept_early += swept_early
            if failure is not None:
                self.report.failed.append(failure)
            if current is not None:
                self.current = current
            if self.callback:
                self.callback(
                    IngestProgress(
                        files_total=self.total,
                        files_done=self.done,
                        chunks=self.report.chunks,
                        current=self.current,
                        bytes_total=self.total_bytes,
                        bytes_done=min(self.bytes_done, self.total_bytes),
                        failed=len(self.report.failed),
                        elapsed=time.perf_counter() - self.started,
                    )
                )


class Stage(threading.Thread):
    """A daemon thread whose exception is kept for the caller to re-raise."""

    def __init__(self, name: str, target: Callable[[], None]) -> None:
        super().__init__(name=name, daemon=True)
        self._target_fn = target
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self._target_fn()
        except BaseException as exc:  # re-raised in the caller's thread
            self.error = exc


def offer(out: queue.Queue[Any], item: Any, stop: threading.Event) -> bool:
    """Put ``item`` on ``out`` unless the job stops first; whether it was put."""
    while not stop.is_set():
        try:
            out.put(item, timeout=_POLL)
            return True
        except queue.Full:
            continue
    return False


def consume(items: queue.Queue[Any], stop: threading.Event, handle: Callable[[Any], None]) -> None:
    """Handle each item of ``items`` until its end marker (or, once the queue is empty, the job's stop)."""
    while True:
        try:
            item = items.get(timeout=_POLL)
        except queue.Empty:
            if stop.is_set():
                return
            continue
        if item is DONE:
            return
        handle(item)


def drain(items: queue.Queue[Any], producer: Stage, stop: threading.Event) -> Iterator[Any]:
    """Items of a stage's output queue until its end marker; raises the producer's error."""
    while True:
        try:
            item = items.get(timeout=_POLL)
        except queue.Empty:
            if producer.error is not None:
                raise producer.error from None
            if (not producer.is_alive() or stop.is_set()) and items.empty():
                raise RuntimeError(f"{producer.name} stopped without finishing") from None
            continue
        if item is DONE:
            return
        yield item


def put(work: queue.Queue[Any], item: Any, consumer: Stage) -> None:
    """Hand work to a stage; raises the consumer's error instead of waiting on a dead stage."""
    while True:
        if consumer.error is not None:
            raise consumer.error
        if not consumer.is_alive():
            raise RuntimeError(f"{consumer.name} stopped without finishing")
        try:
            work.put(item, timeout=_POLL)
            return
        except queue.Full:
            continue
