"""Retrieval quality of the embedder variants: dense nDCG@10 on a BEIR dataset, all on the same data.

    nice -n 5 .venv/bin/python -m benchmarks.embedder_quality --corpus-limit 1000 --limit 300

The documents are chunked as ingestion chunks them (no pseudonymization), every chunk and query is embedded
by each variant (documents and queries by the same one), a document scores its best chunk's cosine, and
nDCG@10 is computed with the evaluation's metrics (eval/metrics.py, ranx). Dense retrieval only: the BM25
half of privrag's hybrid ranking is the same for every variant and would hide their differences. The gate
for a variant in ``retrieval.embedding_variants.AUTO_CANDIDATES``: within 0.005 of torch fp32.

Variants: privrag's (``torch``, ``onnx``, ``onnx-int8``: ``load_embedding(variant=...)``), and the OpenVINO
builds of ``benchmarks/openvino_variants.py`` by name (``ov-fp32``, ``ov-int8-weights``, ``ov-int8-static``:
queries one at a time through the same build; static int8 calibrated on SciFact's first ``--calibration``
chunks).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.embedder_bench import (
    SCIFACT,
    chunk_splitter,
    command_parser,
    load_average,
    run_command,
    scifact_chunks,
)

MAX_DROP = 0.005
# documents -> vectors, and one question -> its vector
Embedders = tuple[Callable[[list[str]], Any], Callable[[str], Any]]


def embedders(variant: str, args: argparse.Namespace) -> Embedders:
    """The document and query embedding of a privrag variant or an OpenVINO build."""
    from retrieval.embedding import default_model_path, load_embedding

    path = default_model_path()
    model = load_embedding(
        path, 64, precision="fp32", variant="torch" if variant.startswith("ov-") else variant
    )
    if not variant.startswith("ov-"):
        return model.embed_texts, model.get_query_embedding
    from benchmarks.openvino_variants import openvino_encoders

    work = Path(args.work_dir or tempfile.mkdtemp(prefix="privrag-embedder-quality-"))
    work.mkdir(parents=True, exist_ok=True)
    # activation ranges only (static int8): SciFact's first chunks, which may hold evaluated documents
    calibration = scifact_chunks(SCIFACT / "corpus.jsonl", args.calibration) if args.calibration else []
    encode = openvino_encoders(path, work, model._model.tokenizer, calibration, 2, 16, [variant])[variant]
    return encode, lambda question: encode([question])[0]


def run(args: argparse.Namespace) -> dict[str, Any]:
    import numpy as np
    from llama_index.core import Document

    from eval.datasets import load_beir
    from eval.metrics import evaluate
    from retrieval.embedding_variants import agreement, cpu_description

    data = load_beir(Path(args.dataset), args.split, args.limit or None, args.corpus_limit or None)
    splitter = chunk_splitter()
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
    report["load_average_before"] = load_average()
    reference: Any = None
    results: dict[str, Any] = {}
    for variant in args.variants.split(","):
        embed_documents, embed_query = embedders(variant, args)
        started = time.perf_counter()
        vectors = np.asarray(embed_documents(chunks), dtype=np.float32)
        seconds = time.perf_counter() - started
        queries = np.asarray([embed_query(q) for q in questions], dtype=np.float32)
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
    report["load_average_after"] = load_average()
    return report


def main(argv: list[str] | None = None) -> int:
    parser = command_parser(__doc__)
    parser.add_argument("--dataset", default=str(SCIFACT), help="a BEIR folder (default SciFact)")
    parser.add_argument("--split", default="train")
    parser.add_argument("--limit", type=int, default=300, help="first N judged queries (0 = all)")
    parser.add_argument("--corpus-limit", type=int, default=1000, help="first N documents plus judged ones")
    parser.add_argument(
        "--variants",
        default="torch,onnx,onnx-int8",
        help="the first is the reference; privrag's variants or OpenVINO builds (ov-fp32, ov-int8-weights)",
    )
    parser.add_argument("--calibration", type=int, default=400, help="ov-int8-static: calibration chunks")
    parser.add_argument("--work-dir", default="", help="OpenVINO builds (default a temp dir)")
    return run_command(parser, argv, run)


if __name__ == "__main__":
    raise SystemExit(main())
