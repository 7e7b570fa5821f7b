"""The sweep reads only the chunks the BM25 index says can hold a new value (ingest/sweep_lookup.py), on both
store backends, and still leaves nothing in clear."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest
from llama_index.core.schema import TextNode
from qdrant_client import QdrantClient

import ingest.sweep as sweep_module
from app.container import Container
from ingest.sweep import SweepResult
from ingest.sweep_lookup import candidate_ids, read_nodes
from retrieval.edge_store import EdgeVectorStore
from retrieval.qdrant_store import QdrantStore
from retrieval.sparse import SparseEncoder
from retrieval.store_base import QdrantHybridStore
from tests.ingest.small_corpus import chunk_texts

BACKENDS = {"edge": {}, "qdrant": {"store__backend": "qdrant", "store__url": ":memory:"}}
FILLER = ["report", "meeting", "budget", "schedule", "office", "travel", "policy", "review", "client", "team"]


@pytest.fixture(params=sorted(BACKENDS))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[QdrantHybridStore]:
    made: QdrantHybridStore
    if request.param == "edge":
        made = EdgeVectorStore(tmp_path / "edge", dim=8)
    else:
        made = QdrantStore(QdrantClient(location=":memory:"), dim=8)
    yield made
    made.close()


def _fill(store: QdrantHybridStore, texts: list[str]) -> dict[str, str]:
    """Write ``texts`` as chunks; their point ids -> texts."""
    rng = np.random.default_rng(7)
    nodes = [
        TextNode(
            id_=str(uuid.uuid4()),
            text=t,
            metadata={"file_id": f"d{i}"},
            embedding=rng.normal(size=8).tolist(),
        )
        for i, t in enumerate(texts)
    ]
    store.add(nodes)
    return {n.node_id: t for n, t in zip(nodes, texts, strict=True)}


def test_only_the_chunks_holding_a_rare_term_of_each_value_are_candidates(store: QdrantHybridStore) -> None:
    rng = np.random.default_rng(3)
    texts = [" ".join(rng.choice(FILLER, size=10)) for _ in range(120)]
    texts[5] += " Maria Kowalczyk signed it."
    texts[77] = "KOWALCZYK, M. and the team: call 555-201-7788 or write to m.k@acme-example.org"
    texts[90] += " Maria from the client team."  # holds "maria", not the rare "kowalczyk"
    ids = _fill(store, texts)
    # a first limit of 2 makes the common terms ("maria" is rare here, "team" is not) ask again, 4x more
    found = candidate_ids(store, ["Maria Kowalczyk", "555-201-7788", "m.k@acme-example.org"], first_limit=2)
    assert found is not None
    assert sorted(ids[i] for i in found) == sorted([texts[5], texts[77]])
    assert sorted(n.get_content() for n in read_nodes(store, found, batch=1)) == sorted([texts[5], texts[77]])
    # every holder of a common term when no rarer one exists: each filler word is in most chunks
    every = candidate_ids(store, ["Budget"], first_limit=4)
    assert every is not None and {ids[i] for i in every} == {t for t in texts if "budget" in t.lower()}
    assert candidate_ids(store, []) == []
    assert candidate_ids(store, ["The Who"]) is None  # only stop words: no BM25 term, the caller scans


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("Priya Raman", "The budget (PRIYA RAMAN/FIN) was approved."),
        ("O'Neil", "Ask O'Neil's team."),
        ("Anne-Lotte Berg", "met Anne-Lotte Berg's dog"),
        ("jane.doe@example.com", "mail jane.doe@example.com."),
        ("Kozłowska", "pani KOZŁOWSKA, dyrektor"),
        ("(555) 123-4567", "Call (555) 123-4567 now"),
        ("DE89 3704 0044 0532 0130 00", "IBAN: DE89 3704 0044 0532 0130 00."),
        ("Running Bear", "runners: Running Bear's"),
        ("Priya_Raman", "file Priya_Raman cv"),
    ],
)
def test_a_text_that_holds_a_value_holds_its_bm25_terms(value: str, text: str) -> None:
    """The premise of the look-up: where the sweep matches a value (whole, any case), the text's BM25 vector
    holds every term of the value."""
    assert re.search(r"(?<!\w)" + re.escape(value) + r"(?!\w)", text, re.I)
    encoder = SparseEncoder()
    terms = set(encoder.query(value).indices)
    assert terms and terms <= set(encoder.document(text).indices)


def _recording(monkeypatch: pytest.MonkeyPatch) -> list[SweepResult]:
    """Record each sweep's result (the real function does the work)."""
    results: list[SweepResult] = []
    real = sweep_module.sweep_job

    def recording(*args: object, **kwargs: object) -> SweepResult:
        results.append(real(*args, **kwargs))  # type: ignore[arg-type]
        return results[-1]

    monkeypatch.setattr(sweep_module, "sweep_job", recording)
    return results


@pytest.mark.parametrize("backend", sorted(BACKENDS))
def test_a_value_a_later_job_adds_is_replaced_in_an_earlier_document(
    backend: str,
    tmp_path: Path,
    make_container: Callable[..., Container],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The insider's test: job 1 stores a name the detector missed (all caps in a mixed-case sentence; the
    same name glued in a file name is found since detector 53); job 2 brings a file where the name is
    detected. Its sweep finds the earlier chunk through the BM25 index, reading a handful of chunks rather
    than the store, and nothing is left in clear."""
    results = _recording(monkeypatch)
    first = tmp_path / "first"
    first.mkdir()
    for i in range(24):
        topic = FILLER[i % len(FILLER)]
        (first / f"memo_{i:02}.md").write_text(f"# Memo {i}\n\nThe {topic} review of week {i} is done.\n")
    (first / "minutes.md").write_text("# Minutes\n\nThe budget (PRIYA RAMAN/FIN) was approved.\n")
    (first / "FIN-PRIYA_RAMAN_notes.txt").write_text("Notes on the quarterly travel policy review.\n")
    container = make_container(tmp_path / "home", **BACKENDS[backend])
    assert container.ingestor.run([first]).ingested == 26
    before = chunk_texts(container)
    # the premise: job 1 left the name in clear (its detector missed it, and nothing in the vault had it)
    assert sum("PRIYA RAMAN" in t for t in before.values()) == 1
    assert not any("raman" in r.source.lower() for r in container.catalog.all())  # the file name's is found

    second = tmp_path / "second"
    second.mkdir()
    (second / "team.md").write_text("# Team\n\nPriya Raman joined the finance team in March.\n")
    report = container.ingestor.run([second])
    assert report.ingested == 1 and report.swept == 1  # the minutes' chunk
    swept = results[-1]
    assert not swept.scanned and swept.terms >= 1
    assert swept.read <= 3 < len(before)  # the chunks holding "raman": the minutes' and the new file's
    assert swept.documents == 1 and swept.written == swept.embedded == 1
    texts = chunk_texts(container)
    assert not any("raman" in t.lower() for t in texts.values()), texts
    shown = [r.source for r in container.catalog.all()] + [r.title for r in container.catalog.all()]
    shown += [
        str(n.metadata.get(k)) for n in container.vector_store.iter_nodes() for k in ("source", "title")
    ]
    assert not any("raman" in s.lower() for s in shown), shown
    assert container.vault.reveal_text("\n".join(texts.values()))[0].lower().count("priya raman") == 2
    assert container.ingestor.run([second]).swept == 0  # unchanged file, nothing new: nothing to sweep
