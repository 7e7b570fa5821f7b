"""Edge-only behaviour of the embedded store (persistence, locking, payload indexes).

The suite both backends share is tests/retrieval/test_stores.py."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

import numpy as np
import pytest
from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode
from llama_index.core.vector_stores.types import (
    MetadataFilter,
    MetadataFilters,
)

from retrieval.edge_store import EdgeVectorStore

DIM = 16
REPO_ROOT = Path(__file__).resolve().parents[2]
FILLER = ["report", "meeting", "budget", "schedule", "office", "travel", "policy", "review", "client", "team"]


def make_node(
    rng: np.random.Generator,
    doc_id: str,
    text: str = "",
    groups: list[str] | None = None,
    node_id: str | None = None,
    embedding: list[float] | None = None,
) -> TextNode:
    node = TextNode(
        id_=node_id or str(uuid.uuid4()),
        text=text or " ".join(rng.choice(FILLER, size=8)),
        metadata={"groups": groups or ["all"], "source": f"{doc_id}.txt"},
        embedding=embedding if embedding is not None else rng.normal(size=DIM).tolist(),
    )
    node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=doc_id)
    return node


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(1234)


@pytest.fixture
def store(tmp_path: Path):
    s = EdgeVectorStore(tmp_path / "edge", dim=DIM)
    yield s
    s.close()


def near(vector: list[float], rng: np.random.Generator, noise: float = 0.01) -> list[float]:
    return (np.asarray(vector) + rng.normal(scale=noise, size=DIM)).tolist()


def test_reopen_in_new_process_keeps_data(tmp_path: Path, rng: np.random.Generator) -> None:
    path = tmp_path / "edge"
    nodes = [make_node(rng, f"doc-{i}") for i in range(25)]
    store = EdgeVectorStore(path, dim=DIM)
    store.add(nodes)
    store.delete("doc-3")
    store.close()

    script = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(REPO_ROOT)!r})\n"
        "from llama_index.core.vector_stores.types import VectorStoreQuery\n"
        "from retrieval.edge_store import EdgeVectorStore\n"
        f"store = EdgeVectorStore({str(path)!r}, dim={DIM})\n"
        "query = VectorStoreQuery(query_embedding=json.loads(sys.argv[1]), similarity_top_k=1)\n"
        "result = store.query(query)\n"
        "top, text = result.ids[0], result.nodes[0].get_content()\n"
        "print(json.dumps({'count': store.count(), 'top': top, 'text': text}))\n"
        "store.close()\n"
    )
    target = nodes[11]
    out = subprocess.run(
        [sys.executable, "-c", script, json.dumps(target.embedding)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen == {"count": 24, "top": target.node_id, "text": target.get_content()}

    with EdgeVectorStore(path, dim=DIM) as reopened:
        assert reopened.count() == 24
        assert reopened.count(MetadataFilters(filters=[MetadataFilter(key="doc_id", value="doc-3")])) == 0


def test_path_is_locked_while_open_and_closed_store_refuses(tmp_path: Path, rng: np.random.Generator) -> None:
    path = tmp_path / "edge"
    store = EdgeVectorStore(path, dim=DIM)
    store.add([make_node(rng, "doc-1")])
    with pytest.raises(RuntimeError, match="already open"):
        EdgeVectorStore(path, dim=DIM)
    store.close()
    store.close()  # idempotent
    with pytest.raises(RuntimeError, match="closed"):
        store.count()
    with EdgeVectorStore(path, dim=DIM) as again:
        assert again.count() == 1
    with pytest.raises(Exception, match="vector size"):
        EdgeVectorStore(path, dim=DIM * 2)


def test_payload_indexes_exist(store: EdgeVectorStore) -> None:
    assert set(store.client.info().payload_schema) >= {"doc_id", "ref_doc_id", "file_id", "groups"}


def test_a_store_on_disk_answers_as_one_in_ram_and_keeps_its_placement(tmp_path: Path) -> None:
    """``memory="disk"``: vectors, HNSW graph, sparse index, payload and ids read from their files (mmap)."""
    from llama_index.core.vector_stores.types import VectorStoreQuery, VectorStoreQueryMode

    rng = np.random.default_rng(7)
    nodes = [make_node(rng, f"doc{n % 40}", groups=["all", f"g{n % 3}"]) for n in range(400)]
    queries = [
        VectorStoreQuery(
            query_embedding=near(nodes[n].embedding or [], rng),
            query_str=" ".join(rng.choice(FILLER, size=2)),
            similarity_top_k=5,
            mode=mode,
            filters=MetadataFilters(filters=[MetadataFilter(key="groups", value=f"g{n % 3}")]),
        )
        for n in range(0, 400, 20)
        for mode in (VectorStoreQueryMode.DEFAULT, VectorStoreQueryMode.HYBRID)
    ]
    answers = []
    for memory in ("ram", "disk"):
        with EdgeVectorStore(tmp_path / memory, dim=DIM, memory=memory) as store:  # type: ignore[arg-type]
            store.add(nodes)
            answers.append(
                [(r.ids, [round(s, 5) for s in r.similarities or []]) for r in map(store.query, queries)]
            )
            store.optimize()  # segments merged, HNSW built (on disk for "disk"): same answers
            assert [store.query(q).ids for q in queries] == [ids for ids, _ in answers[-1]]
        config = json.loads((tmp_path / memory / "privrag" / "edge_config.json").read_text())
        placed = [config["sparse_vectors"]["bm25"].get("memory"), config["vectors"]["dense"].get("memory")]
        assert placed == (["cold", "cold"] if memory == "disk" else [None, None]), config
        with EdgeVectorStore(tmp_path / memory, dim=DIM, memory=memory) as reopened:  # type: ignore[arg-type]
            assert reopened.count() == 400
    assert answers[0] == answers[1] and all(ids for ids, _ in answers[0])
