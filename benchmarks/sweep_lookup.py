"""The sweep's read side by side on one store: the former scroll of every chunk vs the BM25 look-up.

    nice -n 5 .venv/bin/python -m benchmarks.sweep_lookup --docs 3000 --values 50

An embedded store (qdrant-edge) is filled with the paragraphs of ``--docs`` synthetic business documents
(``app/commands/bench_synthetic.py``; random dense vectors: only reads are timed); the values a later job
would add are names and phone numbers of other documents. Both reads apply the same edit (those values
replaced) to what they read; reported: chunks read, chunks changed (must be equal) and seconds of each, the
CPU and the load.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np
from llama_index.core.schema import TextNode

from app.commands.bench_figures import machine
from app.commands.bench_synthetic import document
from ingest.rewrite import ChunkEdit
from ingest.sweep_lookup import candidate_ids, read_nodes
from retrieval.edge_store import EdgeVectorStore


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--values", type=int, default=50, help="new values (about half names, half phones)")
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    with tempfile.TemporaryDirectory() as tmp:
        store = EdgeVectorStore(Path(tmp) / "edge", dim=384)
        batch: list[TextNode] = []
        for i in range(args.docs):
            for paragraph in document(0, i)[1].split("\n\n"):
                vector = rng.normal(size=384).tolist()
                batch.append(
                    TextNode(
                        id_=str(uuid.uuid4()), text=paragraph, metadata={"file_id": f"d{i}"}, embedding=vector
                    )
                )
            if len(batch) >= 512:
                store.add(batch)
                batch = []
        store.add(batch)
        texts = [document(1, i)[1] for i in range(args.values)]
        names = {m for t in texts[: args.values // 2] for m in re.findall(r"^From: (\w+ \w+) <", t, re.M)}
        phones = {p for t in texts[args.values // 2 :] for p in re.findall(r"\+44 20 \d{4} \d{4}", t)[:1]}
        values = sorted(names | phones)
        pattern = re.compile("|".join(re.escape(v) for v in values))
        edit = ChunkEdit.everywhere(lambda text: pattern.sub("<X>", text))
        began = time.perf_counter()
        scan = [edit.apply(node) for node in store.iter_nodes()]
        scan_s = time.perf_counter() - began
        began = time.perf_counter()
        ids = candidate_ids(store, values) or []
        look = [edit.apply(node) for node in read_nodes(store, ids)]
        look_s = time.perf_counter() - began
        result = {
            "store_chunks": store.count(),
            "values": len(values),
            "scroll": {"read": len(scan), "changed": sum(scan), "seconds": round(scan_s, 2)},
            "lookup": {"read": len(look), "changed": sum(look), "seconds": round(look_s, 2)},
            "machine": machine(),
        }
        store.close()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
