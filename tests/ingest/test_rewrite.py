"""Rewriting stored documents (ingest/rewrite.py): the one function the end-of-job sweep and an erasure
both use, on the real store and embedding model."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from llama_index.core.schema import MetadataMode, TextNode
from llama_index.core.vector_stores.types import VectorStoreQuery

import app.erasure
import ingest.sweep
from app.container import Container
from app.erasure import erase_value
from ingest.catalog import document_id
from ingest.chunking import file_filter
from ingest.rewrite import ChunkEdit, RewriteResult, rewrite_documents

FILLER = " ".join(["The quarterly budget review covers travel, vendors and office costs."] * 12)


def test_a_chunk_edit_changes_text_title_and_display_name_and_says_so() -> None:
    edit = ChunkEdit(str.upper, lambda t: t.replace("Raman", "<PERSON_1>"), lambda s: s.replace("x", "y"))
    node = TextNode(text="abc", metadata={"title": "Notes of Raman", "source": "x.md", "page": 2})
    assert edit.apply(node)
    assert node.get_content() == "ABC" and node.metadata == {
        "title": "Notes of <PERSON_1>",
        "source": "y.md",
        "page": 2,
    }
    untitled = TextNode(text="ABC", metadata={"page": 1})
    assert not edit.apply(untitled) and untitled.metadata == {"page": 1}  # no title or name made up
    same = ChunkEdit.everywhere(lambda t: t.replace("Zorblax", "<PERSON_ERASED>"))
    assert not same.apply(TextNode(text="nothing to erase", metadata={"title": "t", "source": "s.md"}))


def test_whole_documents_are_rewritten_in_place_with_new_vectors(
    container: Container, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ingest.rewrite.REWRITE_BATCH", 1)  # written document by document
    docs = tmp_path / "docs"
    docs.mkdir()
    paragraphs = [FILLER] * 3 + ["Order ZX-4471 was shipped to the warehouse."] + [FILLER] * 3
    (docs / "orders.md").write_text("# Orders\n\n" + "\n\n".join(paragraphs) + "\n")
    (docs / "other.md").write_text("# Other\n\nOrder ZX-4471 is also mentioned here.\n")
    report = container.ingestor.run([docs])
    assert report.chunks >= 5 and not report.failed
    store = container.vector_store
    orders, other = document_id(docs / "orders.md"), document_id(docs / "other.md")
    before = {n.node_id: n for n in store.get_nodes(filters=file_filter(orders))}
    holding = [i for i, n in before.items() if "ZX-4471" in n.get_content()]
    untouched = store.get_nodes(filters=file_filter(other))

    edit = ChunkEdit.everywhere(lambda text: text.replace("ZX-4471", "REDACTED"))
    result = rewrite_documents(store, container.embed_model, [orders], edit)

    assert (result.changed, result.written) == (len(holding), len(before))
    assert set(result.titles) == set(result.sources) == {orders}  # for the caller's catalog
    after = {
        n.node_id: n
        for n in store.get_nodes(
            filters=file_filter(orders),
        )
    }
    assert set(after) == set(before) and store.count() == report.chunks  # same ids, nothing added
    assert not any("ZX-4471" in n.get_content() for n in after.values())
    # The dense vector was made again from the edited text: that text's embedding finds the chunk first,
    # at a cosine similarity of about 1.
    rewritten = after[holding[0]].get_content(metadata_mode=MetadataMode.EMBED)
    query = VectorStoreQuery(
        query_embedding=container.embed_model.get_text_embedding(rewritten), similarity_top_k=1
    )
    found = store.query(query)
    assert found.ids == [holding[0]] and found.similarities and found.similarities[0] > 0.99
    # Only the chunks whose embedded text changed were embedded again; the others kept their stored vector,
    # which still is their text's.
    assert result.embedded == len(holding) < result.written
    kept = next(i for i in before if i not in holding)
    kept_text = after[kept].get_content(metadata_mode=MetadataMode.EMBED)
    own = container.embed_model.get_text_embedding(kept_text)
    # The filler paragraphs repeat, so other chunks embed nearly the same text and may come first: the kept
    # chunk's own similarity is read among all the store's.
    found = store.query(VectorStoreQuery(query_embedding=own, similarity_top_k=store.count()))
    similarity = dict(zip(found.ids or [], found.similarities or [], strict=True))
    assert similarity.get(kept, 0.0) > 0.99
    # No sparse vector of the document keeps the old value (a chunk's BM25 window covers its neighbours);
    # the other document was not touched.
    hits = container.retriever.run("ZX-4471", None, top_k=20, mode="sparse")
    assert {h.doc_id for h in hits} == {other}
    assert [n.get_content() for n in store.get_nodes(filters=file_filter(other))] == [
        n.get_content() for n in untouched
    ]


def spy(monkeypatch: pytest.MonkeyPatch, module: Any) -> list[RewriteResult]:
    """Record the results of ``module``'s calls to rewrite_documents (the real function does the work)."""
    results: list[RewriteResult] = []
    real: Callable[..., RewriteResult] = module.rewrite_documents

    def recording(*args: Any, **kwargs: Any) -> RewriteResult:
        results.append(real(*args, **kwargs))
        return results[-1]

    monkeypatch.setattr(module, "rewrite_documents", recording)
    return results


def test_the_sweep_and_an_erasure_rewrite_through_the_same_function(
    container: Container, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    swept, erased = spy(monkeypatch, ingest.sweep), spy(monkeypatch, app.erasure)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a_team.md").write_text("# Team\n\nPriya Raman joined the finance team in March.\n")
    # All capitals joined to a code: the detector misses it, the sweep replaces it.
    (docs / "b_minutes.md").write_text("# Minutes\n\nThe budget (PRIYA RAMAN/FIN) was approved.\n")
    container.ingestor.early_sweep = False  # the end-of-job sweep rewrites the stored chunk
    report = container.ingestor.run([docs])
    assert report.swept == 1 and len(swept) == 1
    assert (swept[0].changed, swept[0].written) == (1, 1)

    result = erase_value(container, "admin", "Priya Raman")
    assert len(erased) == 1 and erased[0].changed == result["chunks_changed"] == 2
    texts = [n.get_content() for n in container.vector_store.get_nodes()]
    assert all("<PERSON_ERASED>" in t for t in texts) and not any("raman" in t.lower() for t in texts)
