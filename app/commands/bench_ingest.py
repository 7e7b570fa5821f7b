"""`privrag bench ingest`: privrag's ingestion beside its embedding-only bound and a naive baseline.

On the same files, in one process: (a) privrag's pipeline (``Ingestor.run`` in a fresh temporary home);
(b) the embedding-only bound: the very chunks (a) stored, only embedded, with the same embedder; (c) the naive
llama-index pipeline of ``app.commands.ingest_baseline``. Then the deletion of one large text document, timed
through ``Ingestor.delete`` as ``privrag delete`` runs it (its chunks are written with constant vectors:
deletion does not depend on them, and embedding them would only lengthen the run).
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from app.commands.bench_corpus import SAMPLE, SCIFACT, CorpusError, build_corpus, large_text
from app.commands.bench_figures import MB, bench_settings, embedding_bound, figures, machine, say
from app.settings import Settings

TARGET_A_B = 0.6
TARGET_A_C = 3.0
TARGET_DELETE_S = 1.0


def register(groups: dict[str, Any], common: argparse.ArgumentParser) -> None:
    p = groups["bench"].add_parser(
        "ingest",
        parents=[common],
        help="ingestion chunks/s and MB/min: privrag vs embedding-only bound vs naive llama-index pipeline",
    )
    p.add_argument(
        "--corpus",
        help="a folder of documents, or a BEIR folder / corpus.jsonl (its records written as .txt files); "
        "default: SciFact from ../shared/data/scifact plus data/sample (an error when it is missing)",
    )
    p.add_argument(
        "--large",
        choices=("scifact", "synthetic"),
        help="a large job instead: the whole SciFact corpus as files, or --docs synthetic business documents "
        "(written once into --cache); chunks/s per tenth and minute, memory, sweep, embedding-only bound",
    )
    p.add_argument("--docs", type=int, default=100_000, help="--large synthetic: documents (default 100000)")
    p.add_argument("--seed", type=int, default=0, help="--large synthetic: the generator's seed")
    p.add_argument(
        "--cache", help="--large: where corpora are written once (default <home>/cache/bench-ingest)"
    )
    p.add_argument(
        "--bound-chunks",
        type=int,
        default=1000,
        help="--large: stored chunks (evenly spread) embedded for the embedding-only bound (0 = all)",
    )
    p.add_argument(
        "--keep-heap",
        action="store_true",
        help="--large: keep the C heap's free memory after each batch (as before ingest/heap.py, to compare)",
    )
    p.add_argument("--limit-mb", type=float, default=2.0, help="corpus size (default 2 MB)")
    p.add_argument(
        "--delete-mb", type=float, default=7.5, help="size of the document whose deletion is timed"
    )
    p.add_argument("--no-baseline", action="store_true", help="skip the naive baseline (c), for quick runs")
    p.add_argument(
        "--ocr-pages",
        type=int,
        default=4,
        help="typed pages drawn for the OCR figure (twice: PNG and PDF; 0 = none)",
    )
    p.set_defaults(func=run)


_say = say


def time_delete(container: Any, workdir: Path, nbytes: int, with_baseline: bool) -> dict[str, Any]:
    """Write one ``nbytes`` text document's chunks (constant vectors), then time ``Ingestor.delete``."""
    from llama_index.core.embeddings import MockEmbedding
    from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode

    from ingest.catalog import document_id
    from ingest.chunking import FILE_ID
    from ingest.pipeline import Ingestor

    big = workdir / "large" / "large_document.txt"
    big.parent.mkdir(parents=True, exist_ok=True)
    big.write_text(large_text(nbytes), encoding="utf-8")
    ingestor = container.ingestor
    writer = Ingestor(
        catalog=ingestor.catalog,
        vector_store=ingestor.vector_store,
        splitter=ingestor.splitter,
        embed_model=MockEmbedding(embed_dim=384),
        pseudonymize=None,
        components=ingestor.components,
        limits=ingestor.limits,
        extensions=sorted(ingestor.extensions),
        batch_chars=ingestor.batch_chars,
    )
    _say(f"writing the chunks of a {big.stat().st_size / MB:.1f} MB document for the deletion timing")
    report = writer.run([big])
    before = container.vector_store.count()
    started = time.perf_counter()
    record = ingestor.delete(str(big))
    seconds = time.perf_counter() - started
    removed = before - container.vector_store.count()
    result: dict[str, Any] = {
        "mb": round(big.stat().st_size / MB, 2),
        "chunks": report.chunks,
        "removed": removed,
        "seconds": round(seconds, 4),
        "target_seconds": TARGET_DELETE_S,
        "ok": record is not None and removed == report.chunks,
    }
    if with_baseline:
        from app.commands.ingest_baseline import baseline_delete_seconds

        doc = document_id(big)
        nodes = [
            TextNode(
                text=f"chunk {i}",
                embedding=[0.5] * 384,
                metadata={FILE_ID: doc},
                relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id=doc)},
            )
            for i in range(report.chunks)
        ]
        _say("timing the same deletion in the baseline's QdrantVectorStore (local mode)")
        result["baseline_seconds"] = round(baseline_delete_seconds(nodes, doc), 4)
    return result


def run(args: argparse.Namespace, settings: Settings) -> int:
    import logging

    from llama_index.core.schema import MetadataMode

    from anonymize.spacy_models import model_location
    from app.commands.base import CliError, emit
    from app.container import Container

    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    if args.large:
        return _run_large(args, settings)
    if args.limit_mb <= 0 or args.delete_mb < 0:
        raise CliError("--limit-mb must be positive and --delete-mb not negative")
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="privrag-bench-ingest-") as tmp:
        workdir = Path(tmp)
        try:
            files = build_corpus(args.corpus, int(args.limit_mb * MB), workdir, settings.ingest.extensions)
        except (OSError, ValueError) as exc:  # CorpusError names the path
            raise CliError(str(exc)) from exc
        if not files:
            raise CliError("the corpus has no documents")
        nbytes = sum(p.stat().st_size for p in files)
        _say(f"corpus: {len(files)} files, {nbytes / MB:.2f} MB")
        container = Container(bench_settings(settings, workdir / "home"))
        try:
            ingestor = container.ingestor
            if container.pseudonymizer is not None:  # models load outside the timings
                container.pseudonymizer.detector.analyze(["Warm up with Jane Doe at jane@example.com."])
            container.embed_model.embed_texts(["warm up"])
            _say("(a) privrag pipeline")
            report = ingestor.run(files)
            ours = figures(report.chunks, report.seconds, nbytes)
            ours.update(
                files=report.files,
                ingested=report.ingested,
                failed=[f.__dict__ for f in report.failed],
                stage_seconds=report.stage_seconds,
                precision=container.embed_model.precision.precision,
                precision_check=container.embed_model.precision.reason,
            )
            _say(f"(a) {ours['chunks']} chunks in {ours['seconds']} s; (b) embedding-only bound")
            texts = [
                n.get_content(metadata_mode=MetadataMode.EMBED) for n in container.vector_store.get_nodes()
            ]
            bound = embedding_bound(container.embed_model, texts, nbytes, ingestor.overlap_threads)
            from app.commands.bench_variant import variant_bound

            _say(f"(b) the same chunks: {container.embed_model.variant.variant} embedder vs torch fp32")
            variant = variant_bound(container.embed_model, texts)
            from app.commands.bench_ocr import measure

            _say("OCR pages per second (a generated scanned corpus) beside a pytesseract-style baseline")
            ocr = measure(workdir / "ocr", ingestor.limits, args.ocr_pages)
            deletion = time_delete(container, workdir, int(args.delete_mb * MB), not args.no_baseline)
            components = dict(ingestor.components)
            emb = settings.embedding
            baseline: dict[str, Any] | None = None
            if not args.no_baseline:
                from app.commands.ingest_baseline import run_baseline
                from retrieval.embedding import word_piece_counter

                _say("(c) naive llama-index baseline")
                naive = run_baseline(
                    files,
                    embedding_path=container.embedding_path,
                    spacy_model=model_location(settings.anonymize.spacy_model),
                    chunk_tokens=emb.chunk_tokens,
                    chunk_overlap=emb.chunk_overlap,
                    tokenizer=word_piece_counter(container.embedding_path),
                )
                baseline = figures(naive.chunks, naive.seconds, nbytes)
        finally:
            container.close()
    result: dict[str, Any] = {
        "corpus": {
            "source": args.corpus or f"{SCIFACT} + {SAMPLE}",
            "files": len(files),
            "mb": round(nbytes / MB, 2),
        },
        "privrag": ours,
        "embedding_only": bound,
        "variant_vs_torch_fp32": variant,  # target >= 2 on a CPU without bf16 (app/commands/bench_variant.py)
        "baseline": baseline,
        "ratio_a_b": round(bound["seconds"] / ours["seconds"], 3) if ours["seconds"] else None,
        "ratio_a_c": round(baseline["seconds"] / ours["seconds"], 2)
        if baseline and ours["seconds"]
        else None,
        "targets": {"a_b": TARGET_A_B, "a_c": TARGET_A_C, "delete_seconds": TARGET_DELETE_S},
        "delete": deletion,
        "ocr": ocr,
        "components": components,
        "machine": {**machine(), "load_avg_before": [round(x, 2) for x in load_before]},
    }
    # a/b and a/c compare throughput (MB/min) on the same files; per-second chunk rates are in each part
    _save_report(settings, "bench-ingest", result)
    emit(args, result, _human(result))
    return 0


def _run_large(args: argparse.Namespace, settings: Settings) -> int:
    from app.commands.base import CliError, emit
    from app.commands.bench_large import human, run_large

    if args.docs <= 0 or args.bound_chunks < 0:
        raise CliError("--docs must be positive and --bound-chunks not negative")
    try:
        result = run_large(args, settings)
    except CorpusError as exc:
        raise CliError(str(exc)) from exc
    _save_report(settings, f"bench-ingest-{args.large}", result)
    emit(args, result, human(result))
    return 0


def _save_report(settings: Settings, name: str, result: dict[str, Any]) -> None:
    """The run's JSON under <home>/reports, its path added to the result as ``report``."""
    reports = settings.home / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    path = reports / f"{name}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(result, indent=2, default=str))
    result["report"] = str(path)


def _human(r: dict[str, Any]) -> str:
    from app.commands.bench_ocr import human_line

    def line(name: str, f: dict[str, Any] | None) -> str:
        if not f:
            return f"  {name:<34} skipped"
        return (
            f"  {name:<34} {f['chunks']:>6} chunks {f['seconds']:>8.1f} s "
            f"{f['chunks_per_s']:>7.1f} chunks/s {f['mb_per_min']:>6.2f} MB/min"
        )

    d = r["delete"]
    lines = [
        f"corpus: {r['corpus']['files']} files, {r['corpus']['mb']} MB ({r['corpus']['source']})",
        line(f"(a) privrag ({r['privrag']['precision']})", r["privrag"]),
        line("(b) embedding only (same chunks)", r["embedding_only"]),
        line("(c) naive llama-index + Presidio", r["baseline"]),
        f"  a/b = {r['ratio_a_b']} (target >= {TARGET_A_B})   "
        f"a/c = {r['ratio_a_c']} (target >= {TARGET_A_C})",
        f"  delete a {d['mb']} MB document ({d['chunks']} chunks): {d['seconds']:.3f} s "
        f"(target <= {TARGET_DELETE_S} s)"
        + (f"; baseline {d['baseline_seconds']:.3f} s" if "baseline_seconds" in d else ""),
        human_line(r["ocr"]),
        f"report: {r['report']}",
    ]
    return "\n".join(lines)
