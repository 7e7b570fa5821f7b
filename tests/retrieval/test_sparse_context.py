"""BM25 over a chunk's neighbours (retrieval/sparse_context.py), on both store backends."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pytest
from llama_index.core.schema import BaseNode, NodeRelationship, RelatedNodeInfo, TextNode
from llama_index.core.vector_stores.types import VectorStoreQuery, VectorStoreQueryMode

from retrieval.sparse import Bm25Params
from retrieval.sparse_context import sparse_texts
from tests.retrieval.test_stores import BACKENDS, DIM, make_store


def chain(texts: Sequence[str], title: str = "", prefix: str = "n") -> list[TextNode]:
    """Chunks of one document, linked previous/next as the chunker links them."""
    rng = np.random.default_rng(7)
    nodes = [
        TextNode(
            id_=f"{prefix}{i}",
            text=text,
            metadata={"title": title, "groups": ["all"], "source": "doc.txt", "file_id": "doc"},
            embedding=rng.normal(size=DIM).tolist(),
        )
        for i, text in enumerate(texts)
    ]
    for i, node in enumerate(nodes):
        node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id="doc")
        if i:
            node.relationships[NodeRelationship.PREVIOUS] = RelatedNodeInfo(node_id=nodes[i - 1].node_id)
        if i + 1 < len(nodes):
            node.relationships[NodeRelationship.NEXT] = RelatedNodeInfo(node_id=nodes[i + 1].node_id)
    return nodes


def nothing_stored(ids: Sequence[str]) -> Mapping[str, BaseNode]:
    return {}


def test_window_of_neighbours_each_side() -> None:
    nodes = chain(["a", "b", "c", "d", "e"], title="T")
    texts = sparse_texts(nodes, 1, nothing_stored)
    assert texts["n0"] == "T\n\na\nb"
    assert texts["n2"] == "T\n\nb\nc\nd"
    assert sparse_texts(nodes, 2, nothing_stored, title=False)["n2"] == "a\nb\nc\nd\ne"
    assert sparse_texts(nodes, 0, nothing_stored)["n4"] == "T\n\ne"


def test_neighbours_missing_from_the_batch_come_from_the_store() -> None:
    nodes = chain(["a", "b", "c", "d", "e"])
    stored = {n.node_id: n for n in nodes}
    asked: list[list[str]] = []

    def lookup(ids: Sequence[str]) -> Mapping[str, BaseNode]:
        asked.append(list(ids))
        return {i: stored[i] for i in ids if i in stored}

    assert sparse_texts([nodes[2]], 2, lookup) == {"n2": "a\nb\nc\nd\ne"}
    assert asked == [["n1", "n3"], ["n0", "n4"]]  # one look-up per step outwards


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_chunk_is_found_by_terms_of_its_neighbours(backend: str, tmp_path: Path) -> None:
    store = make_store(backend, tmp_path, bm25=Bm25Params(context=1))
    try:
        first = chain(["zebrafish regeneration", "fin amputation", "unrelated filler"])
        other = chain(["zebrafish stripes", "pigment cells", "more filler"], prefix="m")
        store.add(first + other)
        # A chunk rewritten alone (as the end-of-job sweep does) keeps its neighbours' terms.
        store.add([first[1]])
        query = VectorStoreQuery(
            query_str="regeneration", similarity_top_k=6, mode=VectorStoreQueryMode.SPARSE
        )
        ids = {n.node_id for n in store.query(query).nodes or []}
        assert ids == {"n0", "n1"}  # n1 by its neighbour's term; n2 is two chunks away
    finally:
        store.close()  # type: ignore[attr-defined]
