"""Retrieval quality of the embedder variants: dense nDCG@10 on a BEIR dataset, all on the same data.

    nice -n 5 .venv/bin/python -m benchmarks.embedder_quality --corpus-limit 1000 --limit 300

The documents are chunked as ingestion chunks them (no pseudonymization), every chunk and query is embedded
by each variant (documents and queries by the same one), a document scores its best chunk's cosine, and
nDCG@10 is computed with the evaluation's metrics (eval/metrics.py, ranx). Dense retrieval only: the BM25
half of privrag's hybrid ranking is the same for every variant and would hide their differences. The gate
for a variant in ``retrieval.embedding_variants.AUTO_CANDIDATES``: within 0.005 of torch fp32.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from anonymize.offline import go_offline

ROOT = Path(__file__).resolve().parents[1]
SCIFACT = ROOT.parent / "shared" / "data" / "scifact"
MAX_DROP = 0.005


def run(args: argparse.Namespace) -> dict[str, Any]:
    import numpy as np
    from llama_index.core import Document
    from llama_index.core.node_parser import SentenceSplitter

    from eval.datasets import load_beir
    from eval.metrics import evaluate
    from retrieval.embedding import default_model_path, load_embedding, word_piece_counter
    from retrieval.embedding_variants import agreement, cpu_description

    data = load_beir(Path(args.dataset), args.split, args.limit or None, args.corpus_limit or None)
    path = default_model_path()
    splitter = SentenceSplitter(chunk_size=192, chunk_overlap=32, tokenizer=word_piece_counter(path))
    chunks: list[str] = []
    owners: list[str] = []
    for doc in data.docs:
        text = f"{doc.title}\n\n{doc.text}".strip()
        for node in splitter.get_nodes_from_documents([Document(text=text)]):
            chunks.append(node.get_content())
            owners.append(doc.id)
    query_ids = list(data.queries)
    questions = [data.queries[q] for q in query_ids]
    print(f"{len(data.docs)} documents, {len(chunks)} chunks, {len(questions)} queries", file=sys.stderr)
    owner_index = {d: i for i, d in enumerate(dict.fromkeys(owners))}
    doc_ids = list(owner_index)
    rows = np.array([owner_index[o] for o in owners])
    report: dict[str, Any] = {"cpu": cpu_description(), "documents": len(doc_ids), "chunks": len(chunks)}
    report["queries"] = len(questions)
    report["load_average_before"] = [round(x, 2) for x in os.getloadavg()]
    reference: Any = None
    results: dict[str, Any] = {}
    for variant in args.variants.split(","):
        model = load_embedding(path, 64, precision="fp32", variant=variant)
        started = time.perf_counter()
        vectors = np.asarray(model.embed_texts(chunks), dtype=np.float32)
        seconds = time.perf_counter() - started
        queries = np.asarray([model.get_query_embedding(q) for q in questions], dtype=np.float32)
        scores = queries @ vectors.T
        best = np.full((len(questions), len(doc_ids)), -np.inf, dtype=np.float32)
        for column in range(len(doc_ids)):
            best[:, column] = scores[:, rows == column].max(axis=1)
        top = np.argsort(-best, axis=1)[:, :100]
        rankings = {q: [doc_ids[j] for j in top[i]] for i, q in enumerate(query_ids)}
        figures = evaluate(data.qrels, rankings)
        entry: dict[str, Any] = {k: round(v, 4) for k, v in figures.items()}
        entry["embed_seconds"] = round(seconds, 1)
        if reference is None:
            reference = vectors
        else:
            low, mean = agreement(reference, vectors)
            entry.update(min_cosine=round(low, 5), mean_cosine=round(mean, 6))
        results[variant] = entry
        print(f"{variant}: {entry}", file=sys.stderr, flush=True)
    first = next(iter(results))
    for entry in results.values():
        entry["ndcg@10_minus_first"] = round(entry["ndcg@10"] - results[first]["ndcg@10"], 4)
        entry["within_gate"] = entry["ndcg@10"] >= results[first]["ndcg@10"] - MAX_DROP
    report["variants"] = results
    report["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dataset", default=str(SCIFACT), help="a BEIR folder (default SciFact)")
    parser.add_argument("--split", default="train")
    parser.add_argument("--limit", type=int, default=300, help="first N judged queries (0 = all)")
    parser.add_argument("--corpus-limit", type=int, default=1000, help="first N documents plus judged ones")
    parser.add_argument("--variants", default="torch,onnx,onnx-int8", help="the first is the reference")
    args = parser.parse_args(argv)
    go_offline()
    try:
        report = run(args)
    except (OSError, ValueError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
