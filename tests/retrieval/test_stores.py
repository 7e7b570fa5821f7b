"""The retrieval suite both store backends must pass: embedded qdrant-edge and qdrant-client (":memory:").

Random vectors and small texts; no model needed.
"""

from __future__ import annotations

import uuid
import zlib
from collections.abc import Iterator
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
    VectorStoreQueryResult,
)
from qdrant_client import QdrantClient

from retrieval.edge_store import EdgeVectorStore
from retrieval.fusion import FusionParams
from retrieval.qdrant_store import QdrantStore
from retrieval.retriever import Retriever, access_filter
from retrieval.store_base import HybridQueryResult, QdrantHybridStore, point_id

DIM = 16
FILLER = ["report", "meeting", "budget", "schedule", "office", "travel", "policy", "review", "client", "team"]
BACKENDS = ["edge", "qdrant"]


def make_store(backend: str, tmp_path: Path, **kwargs: object) -> QdrantHybridStore:
    if backend == "edge":
        return EdgeVectorStore(tmp_path / "edge", dim=DIM, **kwargs)
    return QdrantStore(QdrantClient(location=":memory:"), dim=DIM, **kwargs)


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[QdrantHybridStore]:
    s = make_store(request.param, tmp_path)
    yield s
    s.close()  # type: ignore[attr-defined]


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(1234)


def make_node(
    rng: np.random.Generator,
    doc_id: str,
    text: str = "",
    groups: list[str] | None = None,
    node_id: str | None = None,
    embedding: list[float] | None = None,
    file_id: str | None = None,
) -> TextNode:
    node = TextNode(
        id_=node_id or str(uuid.uuid4()),
        text=text or " ".join(rng.choice(FILLER, size=8)),
        metadata={"groups": groups or ["all"], "source": f"{doc_id}.txt", "file_id": file_id or doc_id},
        embedding=embedding if embedding is not None else rng.normal(size=DIM).tolist(),
    )
    node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=doc_id)
    return node


def near(vector: list[float], rng: np.random.Generator, noise: float = 0.01) -> list[float]:
    return (np.asarray(vector) + rng.normal(scale=noise, size=DIM)).tolist()


def text_like(rng: np.random.Generator, count: int) -> list[list[float]]:
    """Embeddings as text models make them: all in one cone, cosines in a narrow band."""
    base = rng.normal(size=DIM)
    return [(base + rng.normal(scale=0.6, size=DIM)).tolist() for _ in range(count)]


class FixedEmbedding:
    """Stands in for the embedding model: a query's vector is looked up (the retriever only asks for it)."""

    def __init__(self, vectors: dict[str, list[float]]) -> None:
        self.vectors = vectors

    def get_query_embedding(self, query: str) -> list[float]:
        return self.vectors[query]


def test_add_and_query_returns_nearest(store: QdrantHybridStore, rng: np.random.Generator) -> None:
    nodes = [make_node(rng, f"doc-{i % 5}") for i in range(60)]
    assert store.add(nodes) == [n.node_id for n in nodes]
    assert store.count() == 60  # type: ignore[attr-defined]

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


def test_payload_layout_is_flat_and_complete(store: QdrantHybridStore, rng: np.random.Generator) -> None:
    nodes = [make_node(rng, f"doc-{i}", groups=["hr", "all"]) for i in range(7)]
    store.add(nodes)
    payloads = list(store.iter_payloads(batch_size=3))  # type: ignore[attr-defined]  # several scroll pages
    assert len(payloads) == 7
    by_text = {p["text"]: p for p in payloads}
    for node in nodes:
        payload = by_text[node.get_content()]
        assert payload["doc_id"] == node.ref_doc_id
        assert payload["groups"] == ["hr", "all"]
        assert payload["source"] == f"{node.ref_doc_id}.txt"
        assert "_node_content" in payload


@pytest.mark.parametrize("mode", [VectorStoreQueryMode.DEFAULT, VectorStoreQueryMode.SPARSE, "hybrid"])
def test_access_filter_is_applied_inside_the_query(
    store: QdrantHybridStore, rng: np.random.Generator, mode: object
) -> None:
    hr = [make_node(rng, f"hr-{i}", text=f"salary review {i}", groups=["hr"]) for i in range(20)]
    eng = [make_node(rng, f"eng-{i}", text=f"salary build {i}", groups=["eng", "all"]) for i in range(20)]
    store.add(hr + eng)
    only_eng = access_filter(["eng"])

    # The nearest point (and the best keyword match) is an hr point; in-engine filtering still returns a
    # full top-k of visible points, which a post-filter of the top-k could not.
    query = VectorStoreQuery(
        query_embedding=hr[3].embedding,
        query_str="salary review 3",
        similarity_top_k=10,
        filters=only_eng,
        mode=VectorStoreQueryMode.HYBRID if mode == "hybrid" else mode,  # type: ignore[arg-type]
    )
    result = store.query(query)
    assert len(result.ids or []) == 10
    assert all("eng" in n.metadata["groups"] for n in result.nodes or [])
    assert hr[3].node_id not in (result.ids or [])
    unfiltered = store.query(VectorStoreQuery(**{**query.__dict__, "filters": None}))
    assert hr[3].node_id in (unfiltered.ids or [])[:3]

    # EQ on a list field matches when the list holds the value; IN on a scalar field.
    eq_all = MetadataFilters(filters=[MetadataFilter(key="groups", value="all")])
    assert store.count(eq_all) == 20  # type: ignore[attr-defined]
    in_docs = MetadataFilters(
        filters=[MetadataFilter(key="doc_id", value=["hr-1", "eng-2"], operator=FilterOperator.IN)]
    )
    assert {n.ref_doc_id for n in store.get_nodes(filters=in_docs)} == {"hr-1", "eng-2"}


def test_filter_operators_and_conditions(store: QdrantHybridStore, rng: np.random.Generator) -> None:
    nodes = [make_node(rng, f"doc-{i}", groups=["a"] if i % 2 else ["b"]) for i in range(10)]
    for i, node in enumerate(nodes):
        node.metadata["page"] = i
    store.add(nodes)

    def count(*filters: MetadataFilter, condition: FilterCondition = FilterCondition.AND) -> int:
        return store.count(MetadataFilters(filters=list(filters), condition=condition))  # type: ignore[attr-defined]

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
    assert store.count(MetadataFilters(filters=[nested, MetadataFilter(key="groups", value="a")])) == 1  # type: ignore[attr-defined]
    with pytest.raises(NotImplementedError):
        count(MetadataFilter(key="text", value="x", operator=FilterOperator.TEXT_MATCH_INSENSITIVE))


def test_delete_by_doc_id_and_by_file_id(store: QdrantHybridStore, rng: np.random.Generator) -> None:
    nodes = [make_node(rng, doc, file_id=f"file-{doc}") for doc in ("a", "b", "c") for _ in range(4)]
    store.add(nodes)
    store.delete("b")
    assert store.count() == 8  # type: ignore[attr-defined]
    assert sorted(p["doc_id"] for p in store.iter_payloads()) == ["a"] * 4 + ["c"] * 4  # type: ignore[attr-defined]
    store.delete("missing")
    assert store.count() == 8  # type: ignore[attr-defined]
    # What ingestion does to replace or remove a file: a payload filter on file_id (indexed).
    store.delete_nodes(filters=MetadataFilters(filters=[MetadataFilter(key="file_id", value="file-c")]))
    assert {p["file_id"] for p in store.iter_payloads()} == {"file-a"}  # type: ignore[attr-defined]


def test_delete_nodes_get_nodes_and_clear(store: QdrantHybridStore, rng: np.random.Generator) -> None:
    nodes = [make_node(rng, f"doc-{i % 2}") for i in range(6)]
    store.add(nodes)
    assert [n.node_id for n in store.get_nodes(node_ids=[nodes[0].node_id])] == [nodes[0].node_id]
    store.delete_nodes([nodes[0].node_id, nodes[1].node_id])
    assert store.count() == 4  # type: ignore[attr-defined]
    store.delete_nodes(filters=MetadataFilters(filters=[MetadataFilter(key="doc_id", value="doc-0")]))
    assert {n.ref_doc_id for n in store.get_nodes()} == {"doc-1"}
    store.delete_nodes()  # neither ids nor filters: deletes nothing
    assert store.count() == 2  # type: ignore[attr-defined]
    store.clear()
    assert store.count() == 0  # type: ignore[attr-defined]
    store.add(nodes[:1])  # still usable after clear
    assert store.count() == 1  # type: ignore[attr-defined]


def test_iter_nodes_scrolls_every_node_in_batches(store: QdrantHybridStore, rng: np.random.Generator) -> None:
    nodes = [make_node(rng, f"doc-{i % 3}", text=f"chunk number {i}") for i in range(7)]
    store.add(nodes)
    seen = {n.node_id: n.get_content() for n in store.iter_nodes(batch_size=2)}
    assert seen == {n.node_id: n.get_content() for n in nodes}


def test_readding_same_ids_does_not_duplicate(store: QdrantHybridStore, rng: np.random.Generator) -> None:
    nodes = [make_node(rng, "doc-1") for _ in range(5)]
    store.add(nodes)
    nodes[2].text = "updated text"
    store.add(nodes)
    assert store.count() == 5  # type: ignore[attr-defined]
    assert store.get_nodes(node_ids=[nodes[2].node_id])[0].get_content() == "updated text"


def test_non_uuid_node_ids_map_deterministically(store: QdrantHybridStore, rng: np.random.Generator) -> None:
    assert point_id("doc-1#0") == point_id("doc-1#0") != point_id("doc-1#1")
    uid = str(uuid.uuid4())
    assert point_id(uid) == uid
    nodes = [make_node(rng, "doc-1", node_id=f"doc-1#{i}") for i in range(3)]
    store.add(nodes)
    store.add(nodes)
    assert store.count() == 3  # type: ignore[attr-defined]
    result = store.query(VectorStoreQuery(query_embedding=nodes[1].embedding, similarity_top_k=1))
    assert result.ids == ["doc-1#1"]
    store.delete_nodes(["doc-1#1"])
    assert sorted(n.node_id for n in store.get_nodes()) == ["doc-1#0", "doc-1#2"]


def rare_token_corpus(rng: np.random.Generator) -> tuple[list[TextNode], TextNode, TextNode]:
    vectors = text_like(rng, 42)
    texts = [f"{' '.join(rng.choice(FILLER, 8))} <PERSON_{i + 20}>" for i in range(40)]
    nodes = [make_node(rng, f"doc-{i}", text=t, embedding=vectors[i]) for i, t in enumerate(texts)]
    person = make_node(
        rng, "doc-person", "call <PERSON_12> about the budget review", ["hr"], embedding=vectors[40]
    )
    part = make_node(
        rng, "doc-part", text="order part ZX-4471 for the office", groups=["eng"], embedding=vectors[41]
    )
    return nodes, person, part


def test_sparse_and_hybrid_find_exact_rare_tokens(store: QdrantHybridStore, rng: np.random.Generator) -> None:
    nodes, person, part = rare_token_corpus(rng)
    store.add([*nodes, person, part])

    def sparse(text: str) -> list[str]:
        query = VectorStoreQuery(query_str=text, similarity_top_k=3, mode=VectorStoreQueryMode.SPARSE)
        return store.query(query).ids or []

    assert sparse("ZX-4471")[0] == part.node_id
    # A pseudonym is one exact token: <PERSON_12> matches neither "person" nor "12" of the others.
    assert sparse("what about <PERSON_12>?") == [person.node_id]

    # The dense side points at another node; the fused ranking still surfaces the keyword match.
    hybrid = VectorStoreQuery(
        query_embedding=nodes[5].embedding,
        query_str="ZX-4471",
        similarity_top_k=3,
        mode=VectorStoreQueryMode.HYBRID,
    )
    result = store.query(hybrid)
    assert isinstance(result, HybridQueryResult)
    assert set((result.ids or [])[:2]) == {part.node_id, nodes[5].node_id}
    # Cosines ride along for the relevance gate: the dense top hit has cosine 1.
    assert result.dense_similarities is not None
    assert result.dense_similarities[(result.ids or []).index(nodes[5].node_id)] == pytest.approx(
        1.0, abs=1e-4
    )

    # The filter applies to both legs of the hybrid query.
    hybrid.filters = MetadataFilters(filters=[MetadataFilter(key="groups", value="all")])
    ids = store.query(hybrid).ids or []
    assert part.node_id not in ids and len(ids) == 3


@pytest.mark.parametrize("method", ["rrf", "dbsf"])
def test_engine_fusion_finds_exact_rare_tokens(method: str, tmp_path: Path, rng: np.random.Generator) -> None:
    nodes, person, part = rare_token_corpus(rng)
    for backend in BACKENDS:
        store = make_store(backend, tmp_path, fusion=FusionParams(method=method))  # type: ignore[arg-type]
        store.add([*nodes, person, part])
        hybrid = VectorStoreQuery(
            query_embedding=nodes[5].embedding,
            query_str="ZX-4471",
            similarity_top_k=3,
            mode=VectorStoreQueryMode.HYBRID,
        )
        assert set((store.query(hybrid).ids or [])[:2]) == {part.node_id, nodes[5].node_id}, backend
        store.close()  # type: ignore[attr-defined]


def ranking(result: VectorStoreQueryResult) -> list[set[str]]:
    """Ids grouped by equal score, best first; the last group (maybe cut by top-k) is dropped."""
    groups: dict[float, set[str]] = {}
    for node_id, score in zip(result.ids or [], result.similarities or [], strict=True):
        groups.setdefault(round(score, 4), set()).add(node_id)
    return [groups[s] for s in sorted(groups, reverse=True)][:-1]


def test_both_backends_rank_identically(tmp_path: Path, rng: np.random.Generator) -> None:
    vocabulary = [f"{w}{n}" for w in FILLER for n in ("", "s", "ing")]
    vectors = text_like(rng, 80)
    texts = [" ".join(rng.choice(vocabulary, size=int(rng.integers(4, 16)))) for _ in range(80)]
    nodes = [make_node(rng, f"doc-{i}", text=texts[i], embedding=vectors[i]) for i in range(80)]
    stores = [make_store(b, tmp_path, sentence_embedder=SentenceVectors({})) for b in BACKENDS]
    for store in stores:
        store.add(nodes)
    for i in range(5):
        query_vector = near(vectors[i * 7], rng, noise=0.8)
        words = " ".join(rng.choice(vocabulary, 3))
        for mode in (VectorStoreQueryMode.DEFAULT, VectorStoreQueryMode.SPARSE, VectorStoreQueryMode.HYBRID):
            query = VectorStoreQuery(
                query_embedding=query_vector, query_str=words, similarity_top_k=10, mode=mode
            )
            edge, client = (s.query(query) for s in stores)
            assert ranking(edge) == ranking(client), (mode, words)
            assert edge.similarities == pytest.approx(client.similarities, rel=1e-4, abs=1e-5)
    for store in stores:
        store.close()  # type: ignore[attr-defined]


def test_retriever_modes_and_groups(store: QdrantHybridStore, rng: np.random.Generator) -> None:
    nodes, person, part = rare_token_corpus(rng)
    store.add([*nodes, person, part])
    embed = FixedEmbedding({"order ZX-4471": nodes[5].embedding})
    retriever = Retriever(store, embed, top_k=3)  # type: ignore[arg-type]
    hybrid = retriever.run("order ZX-4471", groups=None)
    assert part.node_id in [c.chunk_id for c in hybrid]
    assert all(c.dense_score is not None for c in hybrid if c.chunk_id == nodes[5].node_id)
    assert retriever.run("order ZX-4471", groups=None, mode="sparse")[0].chunk_id == part.node_id
    assert retriever.run("order ZX-4471", groups=None, mode="dense")[0].chunk_id == nodes[5].node_id
    # An hr-only caller never sees the eng part, whatever the mode.
    for mode in ("dense", "sparse", "hybrid"):
        assert part.node_id not in [c.chunk_id for c in retriever.run("order ZX-4471", ["hr"], mode=mode)]


def test_mmr_and_missing_inputs(store: QdrantHybridStore, rng: np.random.Generator) -> None:
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


class SentenceVectors:
    """A stand-in sentence embedder: known sentences get fixed vectors, others a hash-seeded random one."""

    def __init__(self, known: dict[str, list[float]]) -> None:
        self.known = known
        self.calls = 0

    def __call__(self, texts: list[str]) -> list[list[float]]:
        self.calls += 1
        out = []
        for text in texts:
            seeded = np.random.default_rng(zlib.crc32(text.encode()))
            out.append(self.known.get(text, seeded.normal(size=DIM).tolist()))
        return out


@pytest.mark.parametrize("backend", BACKENDS)
def test_best_sentence_rescores_hybrid_candidates(
    backend: str, tmp_path: Path, rng: np.random.Generator
) -> None:
    vectors = text_like(rng, 30)
    query_vector = vectors[0]
    claim = "The budget review moved to the third quarter this year."
    filler = "Meetings about travel and office schedules happen every week for the whole team."
    nodes = [
        make_node(rng, f"doc-{i}", text=f"{filler} Item {i}.", embedding=vectors[i + 1]) for i in range(20)
    ]
    # Its chunk vector is unremarkable, but one of its sentences says exactly what is asked.
    target = make_node(rng, "doc-target", text=f"{filler} {claim}", embedding=vectors[25])
    embedder = SentenceVectors({claim: query_vector})
    off = make_store(backend, tmp_path / "off", sentence_embedder=embedder)  # default: sentence weight 0
    off.add(nodes[:3])
    assert embedder.calls == 0  # no sentence vectors computed when queries would not use them
    off.close()  # type: ignore[attr-defined]
    store = make_store(
        backend, tmp_path, sentence_embedder=embedder, fusion=FusionParams(sentence_weight=0.3)
    )
    store.add([*nodes, target])
    assert embedder.calls == 1  # one embedding call for all sentences of the batch
    query = VectorStoreQuery(
        query_embedding=query_vector,
        query_str="nothing matches",
        similarity_top_k=21,
        mode=VectorStoreQueryMode.HYBRID,
    )
    with_sentences = store.query(query).ids or []
    store.fusion = FusionParams(sentence_weight=0.0)
    without = store.query(query).ids or []
    assert with_sentences.index(target.node_id) < without.index(target.node_id)
    assert with_sentences[0] == target.node_id
    store.close()  # type: ignore[attr-defined]


def test_edge_shard_without_sentence_vectors_still_opens(tmp_path: Path, rng: np.random.Generator) -> None:
    import qdrant_edge as qe

    path = tmp_path / "edge" / "privrag"  # a shard as written before sentence vectors existed
    config = qe.EdgeConfig(
        vectors={"dense": qe.EdgeVectorParams(size=DIM, distance=qe.Distance.Cosine)},
        sparse_vectors={"bm25": qe.EdgeSparseVectorParams(modifier=qe.Modifier.Idf)},
    )
    qe.EdgeShard.create(str(path), config).close()
    embedder = SentenceVectors({})
    store = EdgeVectorStore(tmp_path / "edge", dim=DIM, sentence_embedder=embedder)
    nodes = [make_node(rng, f"doc-{i}") for i in range(5)]
    store.add(nodes)
    assert not store.sentence_rescoring and embedder.calls == 0
    query = VectorStoreQuery(
        query_embedding=nodes[2].embedding,
        query_str="report",
        similarity_top_k=3,
        mode=VectorStoreQueryMode.HYBRID,
    )
    assert (store.query(query).ids or [])[0] == nodes[2].node_id
    store.close()
