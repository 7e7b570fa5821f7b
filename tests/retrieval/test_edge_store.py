"""Tests for the embedded Qdrant (qdrant-edge) vector store. Random vectors, no model needed."""

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
    FilterCondition,
    FilterOperator,
    MetadataFilter,
    MetadataFilters,
    VectorStoreQuery,
    VectorStoreQueryMode,
)

from retrieval.edge_store import EdgeVectorStore, point_id

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


def test_add_and_query_returns_nearest(store: EdgeVectorStore, rng: np.random.Generator) -> None:
    nodes = [make_node(rng, f"doc-{i % 5}") for i in range(60)]
    assert store.add(nodes) == [n.node_id for n in nodes]
    assert store.count() == 60

    target = nodes[17]
    result = store.query(VectorStoreQuery(query_embedding=near(target.embedding, rng), similarity_top_k=5))
    assert result.ids is not None and result.similarities is not None and result.nodes is not None
    assert result.ids[0] == target.node_id
    assert len(result.ids) == 5
    assert result.similarities == sorted(result.similarities, reverse=True)
    top = result.nodes[0]
    assert top.get_content() == target.get_content()
    assert top.metadata == target.metadata
    assert top.ref_doc_id == target.ref_doc_id


def test_payload_layout_is_flat_and_complete(store: EdgeVectorStore, rng: np.random.Generator) -> None:
    nodes = [make_node(rng, f"doc-{i}", groups=["hr", "all"]) for i in range(7)]
    store.add(nodes)
    payloads = list(store.iter_payloads(batch_size=3))  # several scroll pages
    assert len(payloads) == 7
    by_text = {p["text"]: p for p in payloads}
    for node in nodes:
        payload = by_text[node.get_content()]
        assert payload["doc_id"] == node.ref_doc_id
        assert payload["groups"] == ["hr", "all"]
        assert payload["source"] == f"{node.ref_doc_id}.txt"
        assert "_node_content" in payload
    assert set(store.client.info().payload_schema) >= {"doc_id", "ref_doc_id", "groups"}


def test_groups_filter_is_applied_inside_the_query(store: EdgeVectorStore, rng: np.random.Generator) -> None:
    hr = [make_node(rng, f"hr-{i}", groups=["hr"]) for i in range(20)]
    eng = [make_node(rng, f"eng-{i}", groups=["eng", "all"]) for i in range(20)]
    store.add(hr + eng)
    only_eng = MetadataFilters(
        filters=[MetadataFilter(key="groups", value=["eng"], operator=FilterOperator.ANY)]
    )

    # The nearest point is an hr point; in-engine filtering still returns a full top-k of eng points.
    query = VectorStoreQuery(query_embedding=hr[3].embedding, similarity_top_k=10, filters=only_eng)
    result = store.query(query)
    assert len(result.ids or []) == 10
    assert all("eng" in n.metadata["groups"] for n in result.nodes or [])
    assert hr[3].node_id not in (result.ids or [])

    # EQ on a list field matches when the list holds the value; IN on a scalar field.
    eq_all = MetadataFilters(filters=[MetadataFilter(key="groups", value="all")])
    assert store.count(eq_all) == 20
    in_docs = MetadataFilters(
        filters=[MetadataFilter(key="doc_id", value=["hr-1", "eng-2"], operator=FilterOperator.IN)]
    )
    assert {n.ref_doc_id for n in store.get_nodes(filters=in_docs)} == {"hr-1", "eng-2"}


def test_filter_operators_and_conditions(store: EdgeVectorStore, rng: np.random.Generator) -> None:
    nodes = [make_node(rng, f"doc-{i}", groups=["a"] if i % 2 else ["b"]) for i in range(10)]
    for i, node in enumerate(nodes):
        node.metadata["page"] = i
    store.add(nodes)

    def count(*filters: MetadataFilter, condition: FilterCondition = FilterCondition.AND) -> int:
        return store.count(MetadataFilters(filters=list(filters), condition=condition))

    assert count(MetadataFilter(key="page", value=3, operator=FilterOperator.GTE)) == 7
    assert count(MetadataFilter(key="page", value=3, operator=FilterOperator.LT)) == 3
    assert count(MetadataFilter(key="page", value=3, operator=FilterOperator.NE)) == 9
    assert count(MetadataFilter(key="doc_id", value=["doc-1", "doc-2"], operator=FilterOperator.NIN)) == 8
    assert count(MetadataFilter(key="groups", value=["a"], operator=FilterOperator.ALL)) == 5
    page0 = MetadataFilter(key="page", value=0)
    page1 = MetadataFilter(key="page", value=1)
    assert count(page0, page1, condition=FilterCondition.OR) == 2
    assert count(page0, page1, condition=FilterCondition.NOT) == 8
    nested = MetadataFilters(filters=[page0, page1], condition=FilterCondition.OR)
    assert store.count(MetadataFilters(filters=[nested, MetadataFilter(key="groups", value="a")])) == 1
    with pytest.raises(NotImplementedError):
        count(MetadataFilter(key="text", value="x", operator=FilterOperator.TEXT_MATCH_INSENSITIVE))


def test_delete_by_doc_id_removes_exactly_that_doc(store: EdgeVectorStore, rng: np.random.Generator) -> None:
    nodes = [make_node(rng, doc) for doc in ("doc-a", "doc-b", "doc-c") for _ in range(4)]
    store.add(nodes)
    store.delete("doc-b")
    assert store.count() == 8
    remaining = [p["doc_id"] for p in store.iter_payloads()]
    assert sorted(remaining) == ["doc-a"] * 4 + ["doc-c"] * 4
    store.delete("doc-missing")
    assert store.count() == 8


def test_delete_nodes_get_nodes_and_clear(store: EdgeVectorStore, rng: np.random.Generator) -> None:
    nodes = [make_node(rng, f"doc-{i % 2}") for i in range(6)]
    store.add(nodes)
    assert [n.node_id for n in store.get_nodes(node_ids=[nodes[0].node_id])] == [nodes[0].node_id]
    store.delete_nodes([nodes[0].node_id, nodes[1].node_id])
    assert store.count() == 4
    store.delete_nodes(filters=MetadataFilters(filters=[MetadataFilter(key="doc_id", value="doc-0")]))
    assert {n.ref_doc_id for n in store.get_nodes()} == {"doc-1"}
    store.delete_nodes()  # neither ids nor filters: deletes nothing
    assert store.count() == 2
    store.clear()
    assert store.count() == 0
    store.add(nodes[:1])  # still usable after clear
    assert store.count() == 1


def test_readding_same_ids_does_not_duplicate(store: EdgeVectorStore, rng: np.random.Generator) -> None:
    nodes = [make_node(rng, "doc-1") for _ in range(5)]
    store.add(nodes)
    nodes[2].text = "updated text"
    store.add(nodes)
    assert store.count() == 5
    assert store.get_nodes(node_ids=[nodes[2].node_id])[0].get_content() == "updated text"


def test_non_uuid_node_ids_map_deterministically(store: EdgeVectorStore, rng: np.random.Generator) -> None:
    assert point_id("doc-1#0") == point_id("doc-1#0") != point_id("doc-1#1")
    uid = str(uuid.uuid4())
    assert point_id(uid) == uid
    nodes = [make_node(rng, "doc-1", node_id=f"doc-1#{i}") for i in range(3)]
    store.add(nodes)
    store.add(nodes)
    assert store.count() == 3
    result = store.query(VectorStoreQuery(query_embedding=nodes[1].embedding, similarity_top_k=1))
    assert result.ids == ["doc-1#1"]
    store.delete_nodes(["doc-1#1"])
    assert sorted(n.node_id for n in store.get_nodes()) == ["doc-1#0", "doc-1#2"]


def test_sparse_and_hybrid_find_exact_rare_tokens(store: EdgeVectorStore, rng: np.random.Generator) -> None:
    texts = [f"{' '.join(rng.choice(FILLER, 8))} <PERSON_{i + 20}>" for i in range(40)]
    nodes = [make_node(rng, f"doc-{i}", text=text) for i, text in enumerate(texts)]
    person = make_node(rng, "doc-person", text="call <PERSON_12> about the budget review", groups=["hr"])
    part = make_node(rng, "doc-part", text="order part ZX-4471 for the office", groups=["eng"])
    store.add([*nodes, person, part])

    sparse = store.query(
        VectorStoreQuery(query_str="ZX-4471", similarity_top_k=3, mode=VectorStoreQueryMode.SPARSE)
    )
    assert (sparse.ids or [])[0] == part.node_id
    sparse = store.query(
        VectorStoreQuery(query_str="<PERSON_12>", similarity_top_k=3, mode=VectorStoreQueryMode.SPARSE)
    )
    assert (sparse.ids or [])[0] == person.node_id

    # Dense side points at another node; RRF fusion in the engine still surfaces the keyword match.
    hybrid = VectorStoreQuery(
        query_embedding=nodes[5].embedding,
        query_str="ZX-4471",
        similarity_top_k=3,
        mode=VectorStoreQueryMode.HYBRID,
    )
    ids = store.query(hybrid).ids or []
    assert part.node_id in ids[:2] and nodes[5].node_id in ids[:2]

    # The filter applies to both legs of the hybrid query.
    hybrid.filters = MetadataFilters(filters=[MetadataFilter(key="groups", value="all")])
    ids = store.query(hybrid).ids or []
    assert part.node_id not in ids and len(ids) == 3


def test_mmr_and_missing_inputs(store: EdgeVectorStore, rng: np.random.Generator) -> None:
    nodes = [make_node(rng, f"doc-{i}") for i in range(10)]
    store.add(nodes)
    mmr = VectorStoreQuery(
        query_embedding=nodes[0].embedding, similarity_top_k=3, mode=VectorStoreQueryMode.MMR
    )
    assert (store.query(mmr).ids or [])[0] == nodes[0].node_id
    with pytest.raises(ValueError):
        store.query(VectorStoreQuery(query_str="x", mode=VectorStoreQueryMode.HYBRID))
    with pytest.raises(ValueError):
        store.add([TextNode(text="no embedding")])


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
