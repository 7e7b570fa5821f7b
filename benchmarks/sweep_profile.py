"""What the end-of-job sweep rewrites, and what the early sweep (ingest/early_sweep.py) saves, side by side.

    nice -n 5 .venv/bin/python -m benchmarks.sweep_profile --synthetic 600 --json
    nice -n 5 .venv/bin/python -m benchmarks.sweep_profile --corpus ../shared/data/scifact --limit 300 --json

One job's stages (load, pseudonymize, chunk, embed, upsert) run twice on the same files in two throw-away
homes, the second time with the early sweep off; then each home's end-of-job sweep, timed. On the home without
the early sweep, before its sweep, every stored chunk is matched against the values the job added (the
sweep's own matcher): which values the sweep replaces, their entity type, how many chunks each, and in which
batch each value was first found vs the batch of each chunk holding it (a value found in the chunk's batch,
an earlier one or the next one, held back meanwhile, is what the early sweep catches). On the synthetic
corpus a PERSON value is also sorted by what the generator wrote: a person (first and last names of its
lists), a city, a company, or other.

Prints raw vault values only with ``--values N`` (the N most swept per category): meant for benchmark
corpora (synthetic documents, public abstracts), not for a real share.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import ingest.jobs
from anonymize.pseudonymizer import _propagated  # the sweep's own matcher (benchmark only)
from app.commands.bench_figures import bench_settings, machine, say
from app.commands.bench_synthetic import CITIES, COMPANIES, FIRST, LAST, synthetic_corpus
from app.settings import load_settings
from ingest.catalog import document_id
from ingest.chunking import FILE_ID
from ingest.discovery import discover
from ingest.prepare_stage import EARLY_SWEEP_LOOKAHEAD, Preparer
from ingest.report import IngestReport
from ingest.stages import Tracker
from ingest.sweep import sweep_job

_PEOPLE = set(FIRST) | set(LAST)


def category(value: str, entity_type: str, synthetic: bool) -> str:
    """A value's category: its entity type, and for a synthetic PERSON what the generator wrote."""
    if entity_type != "PERSON" or not synthetic:
        return entity_type
    words = set(value.replace(".", " ").split())
    if words & set(CITIES):
        return "PERSON:city"
    if words & set(COMPANIES):
        return "PERSON:company"
    if words and words <= _PEOPLE:
        return "PERSON:person"
    return "PERSON:other"


class _RecordingPreparer(Preparer):
    """A Preparer that notes, after each batch, the vault's mark and the batch's files."""

    marks: list[tuple[int, list[str]]] = []

    def prepare(self, batch):  # type: ignore[no-untyped-def]
        work = super().prepare(batch)
        assert self.parts.pseudonymize is not None
        files = sorted({f.doc_id for f, _ in batch})
        type(self).marks.append((self.parts.pseudonymize.vault_mark(), files))
        return work


def _job(container: Any, files: list[Path], early: bool) -> tuple[float, int, IngestReport]:
    """The job's stages (no sweep) on ``files``; (seconds, the job's vault mark, report)."""
    ingestor = container.ingestor
    ingestor.early_sweep = early
    mark = ingestor.pseudonymize.vault_mark()
    report = IngestReport(files=len(files))
    sizes = {p: p.stat().st_size for p in files}
    tracker = Tracker(report, len(files), sum(sizes.values()), None)
    started = time.perf_counter()
    ingest.jobs.run_stages(ingestor, files, sizes, ["all"], tracker, mark)
    return time.perf_counter() - started, mark, report


def _profile(
    container: Any, mark: int, marks: list[tuple[int, list[str]]], synthetic: bool
) -> dict[str, Any]:
    """Every value the end-of-job sweep would replace in the stored chunks, by category."""
    pseudonymizer = container.pseudonymizer
    known = pseudonymizer.known_between(mark)
    entry_of = {}  # value -> the id of its vault entry (the first one)
    for entry_id, _, value in pseudonymizer.vault.values_between(mark, pseudonymizer.vault_mark()):
        entry_of.setdefault(value, entry_id)
    batch_of_file = {doc: i for i, (_, docs) in enumerate(marks) for doc in docs}
    by_folded = {}
    for value in sorted(known.types):
        by_folded.setdefault(value.casefold(), value)

    def found_in(value: str) -> int:
        entry = entry_of.get(value)
        return next((i for i, (m, _) in enumerate(marks) if entry is not None and entry <= m), len(marks))

    chunks_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    caught: dict[tuple[str, str], set[str]] = defaultdict(set)  # chunks whose batch had the value already
    swept_chunks: set[str] = set()
    late_chunks: set[str] = set()  # holding a value found in a later batch: the early sweep cannot help
    for node in container.vector_store.iter_nodes():
        text = node.get_content()
        batch = batch_of_file.get(str(node.metadata.get(FILE_ID)), 0)
        for start, end, entity_type in _propagated(text, (known,)):
            if entity_type not in pseudonymizer.pseudonymize:
                continue
            written = text[start:end]
            value = known.aliases.get(written) or by_folded.get(written.casefold(), written)
            key = (category(value, entity_type, synthetic), value)
            chunks_of[key].add(node.node_id)
            swept_chunks.add(node.node_id)
            if found_in(value) <= batch + EARLY_SWEEP_LOOKAHEAD:
                caught[key].add(node.node_id)
            else:
                late_chunks.add(node.node_id)
    by_category: dict[str, dict[str, Any]] = {}
    for (cat, value), chunks in chunks_of.items():
        entry = by_category.setdefault(
            cat, {"values": 0, "chunk_hits": 0, "caught_early": 0, "top": Counter()}
        )
        entry["values"] += 1
        entry["chunk_hits"] += len(chunks)
        entry["caught_early"] += len(caught[(cat, value)])
        entry["top"][value] = len(chunks)
    return {
        "values_added": len(known),
        "chunks_holding_a_value": len(swept_chunks),
        "chunks_with_a_later_value": len(late_chunks),
        "batches": len(marks),
        "by_category": by_category,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=0, help="synthetic business documents")
    parser.add_argument("--corpus", help="a folder (a BEIR data set folder: its abstracts as files)")
    parser.add_argument("--limit", type=int, default=0, help="the first N files only (sorted)")
    parser.add_argument("--values", type=int, default=0, help="print the N most swept values per category")
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "privrag-sweep-profile"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    settings = load_settings(Path(args.cache) / "settings-home")
    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    if args.synthetic:
        folder = synthetic_corpus(cache, args.synthetic, 0)
    elif args.corpus:
        from app.commands.bench_corpus import scifact_files

        corpus = Path(args.corpus)
        folder = scifact_files(cache, corpus) if (corpus / "corpus.jsonl").is_file() else corpus
    else:
        parser.error("--synthetic N or --corpus DIR")
    files = sorted(discover([folder], {e.lower() for e in settings.ingest.extensions}).files)
    if args.limit:
        files = files[: args.limit]
    from app.container import Container

    load_before = machine()["load_avg"]
    result: dict[str, Any] = {"corpus": str(folder), "files": len(files)}
    with tempfile.TemporaryDirectory(prefix="sweep-profile-", dir=cache) as tmp:
        runs: dict[str, dict[str, Any]] = {}
        shared: dict[str, Any] = {}
        for name, early in (("end_sweep_only", False), ("early_sweep", True)):
            container = Container(bench_settings(settings, Path(tmp) / name))
            container.__dict__.update(shared)  # the models load once
            try:
                container.detector.analyze(["Warm up with Jane Doe at jane@example.com."])
                container.embed_model.embed_texts(["warm up"])
                _RecordingPreparer.marks = []
                ingest.jobs.Preparer = _RecordingPreparer  # type: ignore[misc]
                say(f"{name}: the job's stages on {len(files)} files")
                seconds, mark, report = _job(container, files, early)
                if not early:
                    result["profile"] = _profile(
                        container, mark, _RecordingPreparer.marks, bool(args.synthetic)
                    )
                started = time.perf_counter()
                swept = sweep_job(
                    container.catalog,
                    container.vector_store,
                    container.embed_model,
                    container.ingestor.pseudonymize,
                    mark,
                )
                sweep_seconds = time.perf_counter() - started
                total = seconds + sweep_seconds
                runs[name] = {
                    "chunks": report.chunks,
                    "stages_seconds": round(seconds, 1),
                    "stage_busy": report.stage_seconds,
                    "sweep_seconds": round(sweep_seconds, 2),
                    "sweep_share": round(sweep_seconds / total, 4),
                    "sweep_changed": swept.changed,
                    "sweep_embedded": swept.embedded,
                    "sweep_read": swept.read,
                    "job_seconds": round(total, 1),
                }
                shared = {"detector": container.detector, "embed_model": container.embed_model}
            finally:
                ingest.jobs.Preparer = Preparer  # type: ignore[misc]
                container.close()
        result["runs"] = runs
    ids = {document_id(p) for p in files}
    result["documents"] = len(ids)
    for entry in result["profile"]["by_category"].values():
        top = entry.pop("top")
        entry["chunks_per_value_max"] = max(top.values())
        entry["chunks_per_value_mean"] = round(entry["chunk_hits"] / entry["values"], 2)
        if args.values:
            entry["most_swept"] = top.most_common(args.values)
    result["machine"] = {**machine(), "load_avg_before": load_before, "pid": os.getpid()}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
