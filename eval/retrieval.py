"""``privrag eval retrieval``: retrieval quality and latency through privrag's real paths.

The corpus is written out as one file per document (HTML, so the loader takes the document's title as the
chunk title) and ingested by ``container.ingestor`` into a fresh home: pseudonymization, chunking,
embedding and BM25 encoding happen exactly as for a user's files. Each question is pseudonymized the way
answering does it (``Answerer.pseudonymize_question``) and retrieved with ``container.retriever`` in each
mode. A document's rank is that of its best chunk. Beside privrag's figures, every run reports the
plain-fusion baseline (``eval/baseline.py``) on the raw documents.
"""

from __future__ import annotations

import html
import json
import math
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from eval.baseline import BASELINE_NAME, embed_docs, run_baseline
from eval.datasets import Doc, RetrievalDataset
from eval.extra import require_eval_extra
from eval.homes import HomeFactory, HomeSpec
from eval.metrics import METRICS, evaluate, evaluate_per_query
from ingest.catalog import document_id
from retrieval.fusion import fuse_linear
from retrieval.retriever import RetrievedChunk

MODES = ("dense", "sparse", "hybrid")
SWEEP_WEIGHTS = (0.2, 0.3, 0.4, 0.5, 0.7, 1.0)
SWEEP_SENTENCE = (0.0, 0.2, 0.3, 0.5)
_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")
INDEX_MARKER = "eval-index.json"


@dataclass
class EvalOptions:
    modes: Sequence[str] = MODES
    anonymize: bool = True
    depth: int = 100  # documents ranked per query (Recall@100)
    baseline: bool = True
    backend: str = "edge"  # or "qdrant": qdrant-client in memory
    index_dir: Path | None = None  # keep (and reuse) the ingested index here instead of a temporary home
    groups: Sequence[str] = ("all",)  # the caller's groups: the access filter runs inside every query
    extra_metrics: Sequence[str] = ()
    log: Callable[[str], None] = field(default=lambda msg: print(msg, file=sys.stderr, flush=True))


def write_corpus(docs: Sequence[Doc], folder: Path) -> dict[str, str]:
    """One file per document; returns source path -> doc id. A title becomes the HTML ``<title>``."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = {}
    for number, doc in enumerate(docs):
        stem = f"{number:06d}-{_SAFE.sub('_', doc.id)[:80]}"
        if doc.title.strip():
            path = folder / f"{stem}.html"
            body = "".join(f"<p>{html.escape(p)}</p>" for p in doc.text.split("\n") if p.strip())
            path.write_text(
                f"<html><head><title>{html.escape(doc.title)}</title></head><body>{body}</body></html>",
                encoding="utf-8",
            )
        else:
            path = folder / f"{stem}.txt"
            path.write_text(doc.text, encoding="utf-8")
        sources[str(path.resolve())] = doc.id
    return sources


def home_spec(home: Path, options: EvalOptions) -> HomeSpec:
    """The caller's configuration on a separate home and store, anonymizing or not as ``options`` say."""
    return HomeSpec(
        home, anonymize=options.anonymize, backend="qdrant" if options.backend == "qdrant" else "edge"
    )


def percentiles(values_ms: Sequence[float]) -> dict[str, float]:
    if not values_ms:
        return {"p50": 0.0, "p95": 0.0, "mean": 0.0}
    arr = np.asarray(values_ms)
    return {
        "p50": round(float(np.percentile(arr, 50)), 2),
        "p95": round(float(np.percentile(arr, 95)), 2),
        "mean": round(float(arr.mean()), 2),
    }


def by_document_id(sources: dict[str, str]) -> dict[str, str]:
    """Path -> dataset id, also keyed by each path's catalog document id (what chunks carry)."""
    return {**sources, **{document_id(Path(path)): doc for path, doc in sources.items()}}


def doc_ranking(chunks: Sequence[RetrievedChunk], sources: dict[str, str], depth: int) -> list[str]:
    """Doc ids by their best chunk, best first (chunks arrive best first). ``sources`` maps each corpus file's
    catalog id (or its path) to its dataset id: chunks show a display name, not the path."""
    ranked: dict[str, None] = {}
    for chunk in chunks:
        doc = sources.get(chunk.doc_id) or sources.get(chunk.source)
        if doc is not None:
            ranked.setdefault(doc)
            if len(ranked) >= depth:
                break
    return list(ranked)


class _IndexedHome:
    """A container over a home holding the dataset's index (built now, or reused from ``index_dir``)."""

    def __init__(
        self, homes: HomeFactory, dataset: RetrievalDataset, options: EvalOptions, home: Path
    ) -> None:
        had_index = (home / "privrag.db").exists()
        self.container = homes(home_spec(home, options))
        self.home = home
        marker = home / INDEX_MARKER
        wanted = {
            "dataset": dataset.fingerprint(),
            "anonymize": options.anonymize,
            "backend": options.backend,
            "components": self.container.components(),
        }
        self.ingest: dict[str, Any]
        if (
            options.backend == "edge"
            and marker.is_file()
            and json.loads(marker.read_text())["index"] == wanted
        ):
            saved = json.loads(marker.read_text())
            self.sources = by_document_id(saved["sources"])
            self.ingest = {**saved["ingest"], "reused": True}
            options.log(f"reusing the index in {home} ({self.ingest['chunks']} chunks)")
            return
        if had_index:
            self.container.close()
            raise ValueError(f"{home} holds another index (other data or settings): use an empty --index-dir")
        self.sources = write_corpus(dataset.docs, home / "corpus")
        self.ingest = self._ingest(home / "corpus", len(dataset.docs), options.log)
        marker.write_text(json.dumps({"index": wanted, "sources": self.sources, "ingest": self.ingest}))
        self.sources = by_document_id(self.sources)

    def _ingest(self, folder: Path, total: int, log: Callable[[str], None]) -> dict[str, Any]:
        last = [0.0]

        def progress(p: Any) -> None:
            now = time.perf_counter()
            if now - last[0] > 15 or p.files_done == p.files_total:
                last[0] = now
                log(f"ingest: {p.files_done}/{p.files_total} files, {p.chunks} chunks, {p.elapsed:.0f}s")

        log(f"ingesting {total} documents (anonymization {'on' if self.container.pseudonymizer else 'off'})")
        report = self.container.ingestor.run([folder], progress=progress)
        if report.failed:
            raise RuntimeError(f"{len(report.failed)} documents failed to ingest, e.g. {report.failed[0]}")
        return {
            "seconds": report.seconds,
            "docs": report.ingested,
            "chunks": report.chunks,
            "docs_per_s": round(report.ingested / report.seconds, 1) if report.seconds else 0.0,
            "chunks_per_doc": round(report.chunks / max(report.ingested, 1), 2),
            "reused": False,
        }

    def close(self) -> None:
        self.container.close()


def _metrics_of(
    qrels: dict[str, dict[str, int]], rankings: dict[str, list[str]], metrics: Sequence[str]
) -> dict:
    return {m: round(v, 4) for m, v in evaluate(qrels, rankings, metrics).items()}


def run_eval(
    homes: HomeFactory, dataset: RetrievalDataset, options: EvalOptions, workdir: Path, cache: Path
) -> dict[str, Any]:
    """Ingest ``dataset`` into a home from ``homes`` under ``workdir`` (or ``options.index_dir``), run every
    query, score. The baseline's document embeddings are cached in ``cache`` for later runs."""
    require_eval_extra("privrag eval retrieval")
    metrics = tuple(dict.fromkeys([*METRICS, *options.extra_metrics]))
    home = options.index_dir or workdir / "home"
    indexed = _IndexedHome(homes, dataset, options, home)
    try:
        result = _run_queries(indexed, dataset, options, metrics)
        if options.baseline:
            result["baseline"] = _baseline(indexed, dataset, cache, options, metrics)
            result["vs_baseline"] = {
                m: round(result[m] - result["baseline"][m], 4) for m in metrics if m in result["baseline"]
            }
    finally:
        indexed.close()
    return result


def _run_queries(
    indexed: _IndexedHome, dataset: RetrievalDataset, options: EvalOptions, metrics: Sequence[str]
) -> dict[str, Any]:
    container = indexed.container
    retriever = container.retriever
    answerer = container.answerer
    groups = list(options.groups)
    chunks_per_doc = max(float(indexed.ingest.get("chunks_per_doc", 1.0)), 1.0)
    k_chunks = min(2000, math.ceil(options.depth * chunks_per_doc * 1.5) + 10)
    options.log(
        f"{len(dataset.queries)} queries, modes {', '.join(options.modes)}, {k_chunks} chunks per query"
    )

    questions, pseudo_ms = {}, []
    for qid, text in dataset.queries.items():
        started = time.perf_counter()
        questions[qid] = answerer.pseudonymize_question(text, groups)
        pseudo_ms.append((time.perf_counter() - started) * 1000)
    changed = sum(questions[q] != dataset.queries[q] for q in questions)

    first = next(iter(questions.values()), "warm up")
    for mode in options.modes:  # warm-up: model load and first-query costs are not per-query latency
        retriever.run(first, groups, top_k=k_chunks, mode=mode)  # type: ignore[arg-type]  # str modes (CLI/config)

    rankings: dict[str, dict[str, list[str]]] = {m: {} for m in options.modes}
    legs: dict[str, dict[str, list[RetrievedChunk]]] = {m: {} for m in options.modes}
    latency: dict[str, list[float]] = {m: [] for m in options.modes}
    for qid, question in questions.items():
        for mode in options.modes:
            started = time.perf_counter()
            chunks = retriever.run(question, groups, top_k=k_chunks, mode=mode)  # type: ignore[arg-type]  # str modes
            latency[mode].append((time.perf_counter() - started) * 1000)
            rankings[mode][qid] = doc_ranking(chunks, indexed.sources, options.depth)
            legs[mode][qid] = [replace(c, text="", title="", groups=[]) for c in chunks]  # scores only

    # What a user waits for: the configured mode at the configured top_k, query embedding included.
    product_ms = []
    for question in questions.values():
        started = time.perf_counter()
        retriever.run(question, groups)
        product_ms.append((time.perf_counter() - started) * 1000)

    modes = {
        m: {**_metrics_of(dataset.qrels, rankings[m], metrics), "latency_ms": percentiles(latency[m])}
        for m in options.modes
    }
    chosen = retriever.mode if retriever.mode in modes else options.modes[-1]
    store = container.vector_store
    fusion = getattr(store, "fusion", None)
    result: dict[str, Any] = {
        "dataset": dataset.name,
        "split": dataset.extra.get("split", ""),
        "queries": len(questions),
        "docs": len(dataset.docs),
        "anonymize": options.anonymize,
        "backend": options.backend,
        "mode": chosen,
        **{m: modes[chosen][m] for m in metrics},
        "latency_ms": percentiles(product_ms),
        "latency_note": f"{chosen} query at top_k={retriever.top_k}, query embedding included, one thread",
        "modes": modes,
        "ingest": indexed.ingest,
        "pseudonymize_ms": percentiles(pseudo_ms),
        "questions_pseudonymized": changed,
        "settings": {
            "chunk_tokens": container.settings.embedding.chunk_tokens,
            "chunk_overlap": container.settings.embedding.chunk_overlap,
            "fusion": fusion.__dict__ if fusion is not None else None,
            "bm25": getattr(store, "bm25", None).__dict__ if hasattr(store, "bm25") else None,
            "components": container.components(),
        },
        "per_query": {
            m: evaluate_per_query(dataset.qrels, rankings[m], ("ndcg@10",))["ndcg@10"] for m in options.modes
        },
    }
    result["sweep"] = _sweep(dataset, legs, indexed.sources, options.depth)
    return result


def _sweep(
    dataset: RetrievalDataset,
    legs: dict[str, dict[str, list[RetrievedChunk]]],
    sources: dict[str, str],
    depth: int,
) -> dict[str, float]:
    """nDCG@10 of other fusion settings, recomputed from the scores the runs returned: linear fusion at
    other BM25 weights ``w`` and sentence shares ``s`` (from the hybrid run's per-chunk cosine, BM25 and
    best-sentence scores), and reciprocal-rank fusion of the dense and BM25 runs."""
    out: dict[str, float] = {}
    hybrid = [c for chunks in legs.get("hybrid", {}).values() for c in chunks]
    if any(c.sparse_score is not None for c in hybrid):
        # Sentence shares only when the index has sentence vectors (sentence_weight > 0 at ingestion).
        shares = SWEEP_SENTENCE if any(c.sentence_score is not None for c in hybrid) else (0.0,)
        for sentence_weight in shares:
            for weight in SWEEP_WEIGHTS:
                fused = {}
                for q in dataset.qrels:
                    chunks: dict[str, RetrievedChunk] = {c.chunk_id: c for c in legs["hybrid"][q]}
                    ranked = fuse_linear(
                        list(chunks),
                        {i: c.dense_score or 0.0 for i, c in chunks.items()},
                        {i: c.sparse_score or 0.0 for i, c in chunks.items()},
                        weight,
                        {i: c.sentence_score for i, c in chunks.items() if c.sentence_score is not None},
                        sentence_weight,
                    )
                    fused[q] = doc_ranking([chunks[i] for i, _ in ranked], sources, depth)
                ndcg = evaluate(dataset.qrels, fused, ("ndcg@10",))["ndcg@10"]
                out[f"linear w={weight:g} s={sentence_weight:g}"] = round(ndcg, 4)
    if "dense" in legs and "sparse" in legs:
        for k in (10, 60):
            fused = {}
            for q in dataset.qrels:
                scores: dict[str, float] = {}
                chunks = {}
                for leg in ("dense", "sparse"):
                    for rank, chunk in enumerate(legs[leg][q], start=1):
                        scores[chunk.chunk_id] = scores.get(chunk.chunk_id, 0.0) + 1.0 / (k + rank)
                        chunks[chunk.chunk_id] = chunk
                order = sorted(scores, key=lambda c: -scores[c])
                fused[q] = doc_ranking([chunks[c] for c in order], sources, depth)
            out[f"rrf k={k}"] = round(evaluate(dataset.qrels, fused, ("ndcg@10",))["ndcg@10"], 4)
    return out


def _baseline(
    indexed: _IndexedHome,
    dataset: RetrievalDataset,
    cache_dir: Path,
    options: EvalOptions,
    metrics: Sequence[str],
) -> dict[str, Any]:
    """The plain-fusion baseline on the raw documents; doc embeddings cached in ``cache_dir``."""
    embed = indexed.container.embed_model
    cache = cache_dir / f"baseline-{dataset.fingerprint()}.npy"
    started = time.perf_counter()
    if cache.is_file():
        vectors = np.load(cache)
    else:
        options.log(f"baseline: embedding {len(dataset.docs)} raw documents (cached for later runs)")
        vectors = embed_docs(dataset.docs, embed.get_text_embedding_batch)
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.save(cache, vectors)
    rankings = run_baseline(dataset.docs, dataset.queries, vectors, embed.get_query_embedding, options.depth)
    return {
        "name": BASELINE_NAME,
        **_metrics_of(dataset.qrels, rankings.fusion, metrics),
        "bm25": _metrics_of(dataset.qrels, rankings.bm25, metrics),
        "dense": _metrics_of(dataset.qrels, rankings.dense, metrics),
        "seconds": round(time.perf_counter() - started, 1),
    }
