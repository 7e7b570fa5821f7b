"""The stage machinery on its own: errors cross threads, queues never wait on a dead or stopped stage,
progress adds up."""

from __future__ import annotations

import queue
import threading
import time

import pytest

from ingest.report import IngestFailure, IngestProgress, IngestReport
from ingest.stages import DONE, Stage, Tracker, consume, drain, offer, put


def test_a_stage_keeps_its_error_and_drain_raises_it() -> None:
    items: queue.Queue[object] = queue.Queue()

    def produce() -> None:
        items.put(1)
        raise ValueError("bad file")

    producer = Stage("producer", produce)
    producer.start()
    producer.join()
    assert isinstance(producer.error, ValueError)
    got = []
    with pytest.raises(ValueError, match="bad file"):
        for item in drain(items, producer, threading.Event()):
            got.append(item)
    assert got == [1]


def test_drain_ends_at_the_marker_and_names_a_producer_that_stopped_short() -> None:
    items: queue.Queue[object] = queue.Queue()
    finished = Stage("loader", lambda: [items.put(i) for i in (1, 2)] and items.put(DONE))
    finished.start()
    assert list(drain(items, finished, threading.Event())) == [1, 2]
    silent = Stage("silent-loader", lambda: None)
    silent.start()
    silent.join()
    with pytest.raises(RuntimeError, match="silent-loader stopped without finishing"):
        list(drain(queue.Queue(), silent, threading.Event()))


def test_put_raises_the_consumer_error_instead_of_waiting_on_a_full_queue() -> None:
    work: queue.Queue[object] = queue.Queue(maxsize=1)
    work.put("occupied")

    def fail() -> None:
        raise OSError("disk full")

    consumer = Stage("writer", fail)
    consumer.start()
    consumer.join()
    with pytest.raises(OSError, match="disk full"):
        put(work, "more", consumer)


def test_offer_gives_up_once_the_job_stops_and_consume_handles_until_the_marker() -> None:
    full: queue.Queue[object] = queue.Queue(maxsize=1)
    full.put("occupied")
    stop = threading.Event()
    threading.Timer(0.3, stop.set).start()
    assert offer(full, "more", stop) is False

    items: queue.Queue[object] = queue.Queue()
    for item in (1, 2, DONE, 3):
        items.put(item)
    handled: list[object] = []
    consume(items, threading.Event(), handled.append)
    assert handled == [1, 2] and items.get_nowait() == 3
    stopped = threading.Event()
    stopped.set()
    consume(queue.Queue(), stopped, handled.append)  # nothing left and stopped: returns
    assert handled == [1, 2]


def test_the_tracker_adds_up_counts_and_busy_time_from_threads() -> None:
    report = IngestReport()
    seen: list[IngestProgress] = []
    tracker = Tracker(report, total=4, total_bytes=400, callback=seen.append)

    def work() -> None:
        with tracker.timed("embed"):
            time.sleep(0.01)
        tracker.update(files=1, nbytes=100, chunks=3, ingested=1)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    tracker.update(files=1, nbytes=100, failure=IngestFailure("/x/bad.pdf", "corrupt: no pages", "corrupt"))
    assert (report.chunks, report.ingested, len(report.failed)) == (9, 3, 1)
    assert report.stage_seconds["embed"] >= 0.03
    last = seen[-1]
    assert (last.files_done, last.files_total, last.bytes_done, last.failed) == (4, 4, 400, 1)
    assert last.eta_seconds == 0.0
