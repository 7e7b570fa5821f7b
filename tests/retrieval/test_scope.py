"""A reader's surrogate scope answered by the store, on both backends: written, re-written, deleted chunks,
groups, neighbours' BM25 context and the title."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode

from retrieval.retriever import Retriever
from retrieval.scope import StoreScope
from retrieval.store_base import QdrantHybridStore
from tests.retrieval.test_stores import BACKENDS, make_store

DIM = 16


def chunk(doc: str, index: int, text: str, groups: list[str], title: str = "") -> TextNode:
    node = TextNode(
        id_=f"{doc}-{index}",
        text=text,
        metadata={"groups": groups, "source": f"{doc}.txt", "file_id": doc, "title": title},
        embedding=np.random.default_rng(index).normal(size=DIM).tolist(),
    )
    node.relationships[NodeRelationship.SOURCE] = RelatedNodeInfo(node_id=doc)
    return node


class NoQueries:
    """The scope's searches are keyword-only: asking for a query vector is a failure."""

    def get_query_embedding(self, query: str) -> list[float]:
        raise AssertionError(f"a dense search for {query!r}")


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[QdrantHybridStore]:
    s = make_store(request.param, tmp_path)
    s.add(
        [
            chunk("hr", 0, "Personnel: <PERSON_1> received a warning. SSN <US_SSN_2>.", ["hr"]),
            chunk("hr", 1, "The card <CREDIT_CARD_1> was cancelled.", ["hr"], title="Record of <PERSON_3>"),
            chunk("eng", 0, "The runbook names <PERSON_2> as on call, and <PERSON_12> as backup.", ["eng"]),
            chunk("both", 0, "Everyone may read <EMAIL_ADDRESS_1>.", ["all"]),
        ]
    )
    yield s
    s.close()  # type: ignore[attr-defined]


def scope(store: QdrantHybridStore, groups: list[str] | None) -> StoreScope:
    return StoreScope(Retriever(store, NoQueries(), top_k=4), groups)  # type: ignore[arg-type]


ALL = {
    "<PERSON_1>",
    "<US_SSN_2>",
    "<CREDIT_CARD_1>",
    "<PERSON_3>",
    "<PERSON_2>",
    "<PERSON_12>",
    "<EMAIL_ADDRESS_1>",
}


def test_a_reader_knows_the_surrogates_of_the_chunks_of_their_groups(store: QdrantHybridStore) -> None:
    eng = scope(store, ["eng"])
    assert eng.known(ALL | {"<PERSON_99>"}) == {"<PERSON_2>", "<PERSON_12>", "<EMAIL_ADDRESS_1>"}
    hr = scope(store, ["hr"])
    assert hr.known(ALL) == {"<PERSON_1>", "<US_SSN_2>", "<CREDIT_CARD_1>", "<PERSON_3>", "<EMAIL_ADDRESS_1>"}
    assert scope(store, []).known(ALL) == {"<EMAIL_ADDRESS_1>"}  # no group: documents for all only


def test_a_token_prefix_is_not_the_surrogate(store: QdrantHybridStore) -> None:
    # "<PERSON_1>" is in hr only: eng's "<PERSON_12>" must not count for it.
    assert scope(store, ["eng"]).known({"<PERSON_1>"}) == set()


def test_an_admin_knows_everything_without_asking_the_store(store: QdrantHybridStore) -> None:
    assert scope(store, None).known({"<PERSON_404>"}) == {"<PERSON_404>"}


def test_the_scope_follows_deletion_and_rewrites(store: QdrantHybridStore) -> None:
    store.delete_nodes(["hr-0"])
    store.add([chunk("eng", 1, "Now <US_SSN_2> is in a runbook too.", ["eng"])])
    assert scope(store, ["hr"]).known(ALL) == {"<CREDIT_CARD_1>", "<PERSON_3>", "<EMAIL_ADDRESS_1>"}
    assert "<US_SSN_2>" in scope(store, ["eng"]).known(ALL)
    # Re-ingested for another group: the payload's groups decide.
    store.add([chunk("hr", 1, "The card <CREDIT_CARD_1> was cancelled.", ["eng"])])
    assert "<CREDIT_CARD_1>" not in scope(store, ["hr"]).known(ALL)
    assert "<CREDIT_CARD_1>" in scope(store, ["eng"]).known(ALL)


def test_learned_surrogates_need_no_search(store: QdrantHybridStore) -> None:
    eng = scope(store, ["eng"])
    eng.learn(["a retrieved passage naming <PERSON_77>"])
    assert eng.known({"<PERSON_77>", "<PERSON_1>"}) == {"<PERSON_77>"}
