"""Ingestion in this process on the home itself (no service running), its progress as a bar on stderr."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

from app.backend.base import SHARD_ALONE, BackendError, IngestRequest
from app.container import Container

ALREADY_FILLED = "home already has documents"


def check_request(container: Container, request: IngestRequest) -> None:
    """BackendError (naming the option) for a request this home cannot run."""
    if request.shard is None:
        return
    if request.rebuild:
        raise BackendError(SHARD_ALONE)
    anonymize = container.settings.anonymize
    if anonymize.enabled and anonymize.surrogate_numbers != "keyed":
        raise BackendError(
            '--shard with anonymization needs [anonymize] surrogate_numbers = "keyed" (or '
            "PRIVRAG_ANONYMIZE__SURROGATE_NUMBERS=keyed) on every shard: sequential surrogate numbers depend "
            "on the order values are first seen, so shards would number them differently from one run"
        )


def ingest_local(container: Container, request: IngestRequest) -> dict[str, Any]:
    """Run the request on ``container``'s home and audit it; the contract's report (plus ``note`` when
    ``if_empty`` found documents and nothing was done)."""
    check_request(container, request)
    if request.if_empty and container.catalog.all():
        return {
            "files": 0,
            "ingested": 0,
            "unchanged": 0,
            "failed": [],
            "chunks": 0,
            "seconds": 0.0,
            "skipped": [],
            "note": ALREADY_FILLED,
        }
    if request.rebuild:
        container.ingestor.rebuild()
        container.audit.record("cli", "index_rebuilt", components=container.components())
    report = _run_with_progress(container, request).to_json()
    shard_detail = {"shard": str(request.shard)} if request.shard else {}
    report.update(shard_detail)
    container.audit.record("cli", "ingest", files=report["files"], chunks=report["chunks"], **shard_detail)
    return report


def _run_with_progress(container: Container, request: IngestRequest) -> Any:
    with Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        TextColumn("{task.fields[files]} files"),
        TextColumn("{task.fields[chunks]} chunks, {task.fields[rate]:.1f} chunks/s"),
        TimeRemainingColumn(),  # from the bytes done, so large files count for what they are
        TextColumn("{task.fields[current]}"),
        console=Console(stderr=True),
        disable=request.quiet,
        transient=True,
    ) as progress:
        task = progress.add_task("ingest", total=None, files="0/?", chunks=0, rate=0.0, current="")

        def update(p: Any) -> None:
            progress.update(
                task,
                total=p.bytes_total or None,
                completed=p.bytes_done,
                files=f"{p.files_done}/{p.files_total}" + (f" ({p.failed} failed)" if p.failed else ""),
                chunks=p.chunks,
                rate=p.chunks_per_s,
                current=Path(p.current).name if p.current else "",
            )

        return container.ingestor.run(
            request.paths, request.groups, request.sync, update, shard=request.shard
        )
