"""``privrag bench retrieve``: query latency at scale and HNSW recall, against exact search side by side.

1. Recall on real embeddings: the seed corpus' real MiniLM vectors go into an edge store forced to use HNSW;
   for each (m, ef) the dense top-10 of every real query is compared with exact search.
2. Scale: ``chunks`` synthetic chunks built from the real ones (each a mix of two real vectors, its text a
   window of a real document's words, so both the dense cone and the BM25 posting lists look real), in the
   configured embedded store, HNSW built by the engine's optimizer. Each real query then runs through
   ``Retriever.run`` (query embedding included) twice, interleaved: HNSW, and the baseline, exact search.
"""

from __future__ import annotations

import shutil
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode
from llama_index.core.vector_stores.types import VectorStoreQuery

from eval.datasets import Doc
from eval.retrieval import percentiles
from retrieval.edge_store import EdgeVectorStore
from retrieval.retriever import Retriever


@dataclass
class BenchOptions:
    chunks: int = 100_000
    queries: int = 200
    batch: int = 2_000  # points per upsert
    hnsw_grid: Sequence[tuple[int, int]] = ((16, 100), (32, 200))  # (m, ef_construct) for the recall study
    ef_grid: Sequence[int] = (16, 32, 64, 128)
    top_k: int = 10
    seed: int = 0
    log: Callable[[str], None] = field(default=print)


def _recall(found: Sequence[Sequence[str]], truth: Sequence[Sequence[str]]) -> float:
    hits = [len(set(f) & set(t)) / max(len(t), 1) for f, t in zip(found, truth, strict=True)]
    return round(float(np.mean(hits)), 4) if hits else 0.0


def _node(i: int, text: str, vector: np.ndarray) -> TextNode:
    node = TextNode(
        id_=f"bench-{i}",
        text=text,
        metadata={"groups": ["all"], "file_id": f"file-{i // 3}", "source": f"bench/{i // 3}.txt"},
        embedding=vector.tolist(),
    )
    node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=f"file-{i // 3}")
    return node


def _dense_ids(store: EdgeVectorStore, vectors: np.ndarray, k: int) -> list[list[str]]:
    return [
        list(store.query(VectorStoreQuery(query_embedding=v.tolist(), similarity_top_k=k)).ids or [])
        for v in vectors
    ]


def recall_study(
    seed: np.ndarray, queries: np.ndarray, workdir: Path, options: BenchOptions
) -> list[dict[str, Any]]:
    """HNSW recall@k against exact search on real vectors, per (m, ef_construct, ef)."""
    rows = []
    texts = [f"seed {i}" for i in range(len(seed))]
    for m, ef_construct in options.hnsw_grid:
        path = workdir / f"recall-m{m}"
        store = EdgeVectorStore(
            path, hnsw_m=m, hnsw_ef_construct=ef_construct, full_scan_threshold=1, indexing_threshold=1
        )
        for start in range(0, len(seed), options.batch):
            store.add(
                [_node(i, texts[i], seed[i]) for i in range(start, min(start + options.batch, len(seed)))]
            )
        started = time.perf_counter()
        store.optimize()
        build_s = time.perf_counter() - started
        store.exact = True
        truth = _dense_ids(store, queries, options.top_k)
        store.exact = False
        for ef in options.ef_grid:
            store.hnsw_ef = ef
            started = time.perf_counter()
            found = _dense_ids(store, queries, options.top_k)
            per_query = (time.perf_counter() - started) * 1000 / max(len(queries), 1)
            rows.append(
                {
                    "m": m,
                    "ef_construct": ef_construct,
                    "ef": ef,
                    f"recall@{options.top_k}": _recall(found, truth),
                    "search_ms_mean": round(per_query, 3),
                    "build_s": round(build_s, 1),
                }
            )
            options.log(f"recall: m={m} ef_construct={ef_construct} ef={ef}: {rows[-1]}")
        store.close()
        shutil.rmtree(path, ignore_errors=True)
    return rows


def synthetic(
    seed_vectors: np.ndarray, docs: Sequence[Doc], count: int, rng: np.random.Generator
) -> Iterator[tuple[str, np.ndarray]]:
    """Yield (text, vector) of ``count`` synthetic chunks made from the real seed documents."""
    words = [f"{d.title} {d.text}".split() for d in docs]
    n = len(seed_vectors)
    for _ in range(count):
        i, j = int(rng.integers(n)), int(rng.integers(n))
        mix = float(rng.uniform(0.6, 1.0))
        vector = (
            mix * seed_vectors[i]
            + (1 - mix) * seed_vectors[j]
            + rng.normal(scale=0.02, size=seed_vectors.shape[1])
        )
        vector /= np.linalg.norm(vector)
        source = words[i]
        width = min(len(source), int(rng.integers(60, 140)))
        start = int(rng.integers(0, max(len(source) - width, 0) + 1))
        yield " ".join(source[start : start + width]), vector.astype(np.float32)


def synthetic_sentences(seed_vectors: np.ndarray, texts: Sequence[str]) -> list[list[float]]:
    """A real-ish vector per sentence: a seed vector chosen by the text's hash, slightly perturbed."""
    out = []
    for text in texts:
        rng = np.random.default_rng(zlib.crc32(text.encode()))
        vector = seed_vectors[int(rng.integers(len(seed_vectors)))] + rng.normal(
            scale=0.03, size=seed_vectors.shape[1]
        )
        out.append((vector / np.linalg.norm(vector)).tolist())
    return out


def build_scale_index(
    store: EdgeVectorStore,
    seed_vectors: np.ndarray,
    docs: Sequence[Doc],
    options: BenchOptions,
) -> dict[str, float]:
    rng = np.random.default_rng(options.seed)
    # Sentence vectors shaped like real ones (perturbed real vectors), without running the model 100k times.
    store.use_sentence_embedder(lambda texts: synthetic_sentences(seed_vectors, texts))
    started = time.perf_counter()
    batch: list[TextNode] = []
    for i, (text, vector) in enumerate(synthetic(seed_vectors, docs, options.chunks, rng)):
        batch.append(_node(i, text, vector))
        if len(batch) >= options.batch:
            store.add(batch)
            batch = []
            if (i + 1) % (options.batch * 10) == 0:
                options.log(f"scale index: {i + 1}/{options.chunks} chunks upserted")
    if batch:
        store.add(batch)
    upsert_s = time.perf_counter() - started
    started = time.perf_counter()
    store.optimize()
    return {"upsert_s": round(upsert_s, 1), "optimize_s": round(time.perf_counter() - started, 1)}


def scale_latency(
    retriever: Retriever, store: EdgeVectorStore, questions: Sequence[str], options: BenchOptions
) -> dict[str, Any]:
    """Per query, interleaved: HNSW (privrag) then exact search (baseline), both through Retriever.run."""
    embed_ms: list[float] = []
    hnsw_ms: list[float] = []
    exact_ms: list[float] = []
    hnsw_ids: list[list[str]] = []
    exact_ids: list[list[str]] = []
    ef = store.hnsw_ef
    retriever.run(questions[0], ["all"])  # warm-up
    for question in questions:
        started = time.perf_counter()
        retriever.embed_query(question)
        embed_ms.append((time.perf_counter() - started) * 1000)
        for use_exact, times, ids in ((False, hnsw_ms, hnsw_ids), (True, exact_ms, exact_ids)):
            store.exact = use_exact
            started = time.perf_counter()
            retriever.run(question, ["all"])  # what a user waits for: the configured mode and top_k
            times.append((time.perf_counter() - started) * 1000)
            dense = retriever.run(question, ["all"], top_k=options.top_k, mode="dense")
            ids.append([c.chunk_id for c in dense])
    store.exact = False
    store.hnsw_ef = ef
    hnsw, exact = percentiles(hnsw_ms), percentiles(exact_ms)
    return {
        "query_embedding_ms": percentiles(embed_ms),
        "privrag_hnsw_ms": hnsw,
        "baseline_exact_ms": exact,
        "ratio_p95_exact_over_hnsw": round(exact["p95"] / hnsw["p95"], 2) if hnsw["p95"] else 0.0,
        f"hnsw_recall@{options.top_k}_vs_exact": _recall(hnsw_ids, exact_ids),
    }
