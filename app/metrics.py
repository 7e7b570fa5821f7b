"""Prometheus metrics of one service (prometheus-client, a registry per app: nothing global).

Labels only ever hold names privrag chooses: a route *template* (``/v1/jobs/{job_id}``, never the raw path),
an HTTP method, a status code, a failure kind, a login source and outcome, a job status, an entity type. No
user text, user name, document name or real value is ever a label. ``/metrics`` is served behind a scrape
token (``[metrics] token``, else ``<home>/keys/metrics.token``, created 0600 on first use).
"""

from __future__ import annotations

import os
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from app.container import Container
from app.ingest_jobs import IngestJobs, IngestTotals, Job

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}
FAILURE_KINDS = ("http_5xx", "answer", "directory_unavailable", "ingest_job", "ingest_file")
LOGIN_SOURCES = ("local", "directory")
LOGIN_OUTCOMES = ("ok", "refused", "unavailable")
ANSWER_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120)


def scrape_token(container: Container) -> str:
    """The token Prometheus must send: the setting, else the token file in the home's keys (made once)."""
    configured = container.settings.metrics.token.get_secret_value()
    if configured:
        return configured
    path = Path(container.settings.home) / "keys" / "metrics.token"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(32) + "\n")
    return path.read_text().strip()


class Metrics:
    """The service's counters and histograms, plus state read from the container and jobs at each scrape."""

    def __init__(self, container: Container, jobs: IngestJobs | None = None) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self._lock = threading.Lock()
        self._failures = dict.fromkeys(FAILURE_KINDS[:3], 0)  # the ingest kinds are read from the jobs
        self.requests = Counter(
            "privrag_http_requests",
            "HTTP requests by route template",
            ["method", "route", "status"],
            registry=r,
        )
        self.latency = Histogram(
            "privrag_http_request_duration_seconds",
            "HTTP request time by route template",
            ["method", "route"],
            registry=r,
        )  # fmt: skip
        self.questions = Counter("privrag_questions", "questions answered", registry=r)
        self.refusals = Counter(
            "privrag_refusals", "answers that refused (nothing relevant or ungrounded)", registry=r
        )
        self.first_token = Histogram(
            "privrag_answer_first_token_seconds",
            "time to the first token of an answer",
            buckets=ANSWER_BUCKETS,
            registry=r,
        )  # fmt: skip
        self.answer_time = Histogram(
            "privrag_answer_seconds", "time to a whole answer", buckets=ANSWER_BUCKETS, registry=r
        )
        self.reveals = Counter(
            "privrag_reveals", "answers or conversations shown with real values", registry=r
        )
        self.erasures = Counter("privrag_erasures", "erasure requests carried out", registry=r)
        self.logins = Counter(
            "privrag_logins", "login attempts by source and outcome", ["source", "outcome"], registry=r
        )
        for source in LOGIN_SOURCES:
            for outcome in LOGIN_OUTCOMES:
                self.logins.labels(source, outcome)
        r.register(_StateCollector(container, jobs, self._failure_counts))

    def failure(self, kind: str) -> None:
        if kind not in self._failures:
            raise ValueError(f"kind: unknown failure kind {kind!r}")
        with self._lock:
            self._failures[kind] += 1

    def _failure_counts(self) -> dict[str, int]:
        with self._lock:
            return dict(self._failures)

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        method = method if method in METHODS else "OTHER"
        self.requests.labels(method, route, str(status)).inc()
        self.latency.labels(method, route).observe(seconds)
        if status >= 500:
            self.failure("http_5xx")

    def login(self, source: str, outcome: str) -> None:
        self.logins.labels(source, outcome).inc()
        if outcome == "unavailable":
            self.failure("directory_unavailable")

    def observe_answer(self, events: Iterable[dict]) -> Iterator[dict]:
        """Pass an answer's events through, timing its first token and its end, counting refusals/reveals."""
        started = time.perf_counter()
        first = True
        try:
            for event in events:
                if event.get("type") == "token" and first:
                    self.first_token.observe(time.perf_counter() - started)
                    first = False
                if event.get("type") == "done":
                    answer: dict[str, Any] = event.get("answer") or {}
                    self.questions.inc()
                    self.answer_time.observe(time.perf_counter() - started)
                    if answer.get("refused"):
                        self.refusals.inc()
                    if answer.get("revealed"):
                        self.reveals.inc()
                yield event
        except Exception:
            self.failure("answer")
            raise

    def render(self) -> bytes:
        return generate_latest(self.registry)


class _StateCollector(Collector):
    """Gauges and counters read at scrape time: jobs, vault, store (so they are right after a restart too)."""

    def __init__(
        self, container: Container, jobs: IngestJobs | None, failures: Callable[[], dict[str, int]]
    ) -> None:
        self._container = container
        self._jobs = jobs
        self._failures = failures

    def collect(self) -> Iterator[Metric]:
        jobs = self._jobs.all() if self._jobs is not None else []
        retired = self._jobs.retired if self._jobs is not None else IngestTotals()  # jobs no longer listed
        counts = self._failures()
        counts["ingest_job"] = retired.by_status.get("failed", 0) + sum(
            1 for j in jobs if j.status == "failed"
        )
        counts["ingest_file"] = retired.failed + sum(j.failed for j in jobs)
        failures = CounterMetricFamily("privrag_failures", "failures by kind", labels=["kind"])
        for kind in FAILURE_KINDS:
            failures.add_metric([kind], counts.get(kind, 0))
        yield failures
        yield from _job_metrics(jobs, retired)
        yield from self._stored()

    def _stored(self) -> Iterator[Metric]:
        container = self._container
        try:
            stats = container.vault.stats()
            records = container.catalog.all()
        except Exception:  # a database outage shows in /readyz; the scrape still answers
            return
        vault = GaugeMetricFamily(
            "privrag_vault_entries", "real values held in the vault", labels=["entity_type"]
        )
        for entity_type, count in sorted(stats.per_type.items()):
            vault.add_metric([entity_type], count)
        yield vault
        yield GaugeMetricFamily("privrag_store_documents", "documents in the index", value=len(records))
        yield GaugeMetricFamily(
            "privrag_store_chunks", "chunks in the index", value=sum(r.chunks for r in records)
        )
        path = container.settings.store_path
        if container.settings.store.backend == "edge" and path.exists():
            size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
            yield GaugeMetricFamily("privrag_store_bytes", "bytes of the embedded store on disk", value=size)


def _job_metrics(jobs: list[Job], retired: IngestTotals) -> Iterator[Metric]:
    by_status = GaugeMetricFamily(
        "privrag_ingest_jobs", "ingestion jobs since start by status", labels=["status"]
    )
    for status in ("queued", "running", "done", "failed"):
        count = retired.by_status.get(status, 0) + sum(1 for j in jobs if j.status == status)
        by_status.add_metric([status], count)
    yield by_status
    yield GaugeMetricFamily(
        "privrag_ingest_queue_depth",
        "ingestion jobs waiting or running",
        value=sum(1 for j in jobs if j.status in ("queued", "running")),
    )
    files = retired.files_done + sum(j.files_done for j in jobs)
    yield CounterMetricFamily("privrag_ingest_files", "files ingested", value=files)
    chunks = retired.chunks + sum(j.chunks for j in jobs)
    yield CounterMetricFamily("privrag_ingest_chunks", "chunks written", value=chunks)
    seconds = retired.elapsed + sum(j.elapsed for j in jobs)
    yield CounterMetricFamily("privrag_ingest_seconds", "time spent in ingestion jobs", value=seconds)
    latest = next((j for j in jobs if j.status in ("running", "done")), None)  # newest first
    yield GaugeMetricFamily(
        "privrag_ingest_files_per_second",
        "the latest job's files per second",
        value=latest.files_per_s if latest else 0,
    )
    yield GaugeMetricFamily(
        "privrag_ingest_chunks_per_second", "the latest job's chunks per second",
        value=latest.chunks_per_s if latest else 0,
    )  # fmt: skip
