"""`privrag ingest PATH...` and `privrag delete DOC`: through the running service, else on the home."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.backend.base import IngestRequest
from app.backend.choose import open_backend
from app.commands.base import EXIT_OK, EXIT_PARTIAL, CliError, emit, parse_groups
from app.settings import Settings


def _shard(raw: str | None) -> Any:
    from ingest.sharding import Shard, ShardError

    try:
        return Shard.parse(raw) if raw is not None else None
    except ShardError as exc:
        raise CliError(str(exc)) from exc


def human_report(report: dict[str, Any], shard: Any = None) -> str:
    """The report as the lines a person reads: counts, each failed file, what was skipped."""
    from ingest.discovery import skipped_summary

    failed = report.get("failed", [])
    human = (
        f"{report['files']} files: {report['ingested']} ingested, {report['unchanged']} unchanged, "
        f"{len(failed)} failed; {report['chunks']} chunks in {report['seconds']:.1f} s"
    )
    if shard is not None and report.get("shards_finished"):
        last = report["shards_finished"] >= shard.count
        human += f"\nshard {shard}: {report['shards_finished']} of {shard.count} shards finished" + (
            f"; swept {report.get('swept', 0)} chunks for the whole run" if last else "; the last one sweeps"
        )
    for failure in failed:
        human += f"\n  FAILED {failure['path']}: {failure['error']}"
    human += "".join(f"\n{line}" for line in skipped_summary(report.get("skipped", [])))
    return human


def run_ingest(args: argparse.Namespace, settings: Settings) -> int:
    request = IngestRequest(
        paths=[str(Path(p).expanduser().resolve()) for p in args.paths],
        groups=parse_groups(args.groups),
        sync=args.sync,
        if_empty=args.if_empty,
        rebuild=args.rebuild,
        shard=_shard(args.shard),
        quiet=args.json,
    )
    with open_backend(settings) as backend:
        report = backend.ingest(request)
    if "note" in report:  # --if-empty on a home that has documents: nothing done
        emit(args, report, report["note"])
        return EXIT_OK
    emit(args, report, human_report(report, request.shard))
    return EXIT_PARTIAL if report.get("failed") else EXIT_OK


def run_delete(args: argparse.Namespace, settings: Settings) -> int:
    with open_backend(settings) as backend:
        result = backend.delete(args.doc)
    emit(args, result, f"deleted {result['source']} ({result['chunks']} chunks)")
    return EXIT_OK
