"""The retrieval harness: metrics on a hand-checked toy qrels, dataset readers, chunk-to-document ranking,
the BM25 baseline, and one tiny end-to-end run through the CLI (real ingestion, anonymization, retrieval)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from eval.baseline import Bm25Index, run_baseline
from eval.datasets import Doc, load_dataset, read_qrels
from eval.metrics import evaluate, evaluate_per_query
from eval.retrieval import doc_ranking, write_corpus
from retrieval.retriever import RetrievedChunk

pytestmark = pytest.mark.slow_file(200)  # numba compiles ranx's metrics on a fresh install

QRELS = {"q1": {"d1": 1, "d3": 2}, "q2": {"d2": 1}, "q3": {"d4": 1}, "q4": {"d7": 1}}
RANKINGS = {
    "q1": ["d3", "d5", "d1"],  # grade 2 at rank 1, grade 1 at rank 3
    "q2": [f"x{i}" for i in range(10)] + ["d2"],  # the relevant doc at rank 11
    "q3": [],  # nothing retrieved
    "q4": ["d8", "d7"],  # rank 2
}


def test_metrics_match_hand_computed_values() -> None:
    ideal_q1 = 2 / math.log2(2) + 1 / math.log2(3)
    ndcg_q1 = (2 / math.log2(2) + 1 / math.log2(4)) / ideal_q1  # 2.5 / 2.6309 = 0.9502
    ndcg_q4 = 1 / math.log2(3)  # 0.6309
    per_query = evaluate_per_query(QRELS, RANKINGS)
    assert per_query["ndcg@10"] == pytest.approx({"q1": ndcg_q1, "q2": 0.0, "q3": 0.0, "q4": ndcg_q4})
    assert per_query["recall@10"] == pytest.approx({"q1": 1.0, "q2": 0.0, "q3": 0.0, "q4": 1.0})
    assert per_query["recall@100"] == pytest.approx({"q1": 1.0, "q2": 1.0, "q3": 0.0, "q4": 1.0})
    assert per_query["mrr@10"] == pytest.approx({"q1": 1.0, "q2": 0.0, "q3": 0.0, "q4": 0.5})
    means = evaluate(QRELS, RANKINGS)
    assert means["ndcg@10"] == pytest.approx((ndcg_q1 + ndcg_q4) / 4)
    assert means["recall@10"] == pytest.approx(0.5)
    assert means["recall@100"] == pytest.approx(0.75)
    assert means["mrr@10"] == pytest.approx(0.375)
    assert evaluate(QRELS, {}, ("recall@5",)) == {"recall@5": 0.0}  # queries missing from the run score 0


def test_doc_rank_is_its_best_chunk() -> None:
    def chunk(source: str, score: float) -> RetrievedChunk:
        return RetrievedChunk("c", "", source, "", None, "", score, [])

    sources = {"/c/a.html": "A", "/c/b.html": "B", "/c/c.html": "C"}
    chunks = [
        chunk("/c/b.html", 0.9),
        chunk("/c/a.html", 0.8),
        chunk("/c/b.html", 0.7),
        chunk("/c/c.html", 0.6),
    ]
    assert doc_ranking(chunks, sources, depth=10) == ["B", "A", "C"]
    assert doc_ranking(chunks, sources, depth=2) == ["B", "A"]


def write_beir(folder: Path) -> None:
    docs = [
        {"_id": "d1", "title": "Remote work", "text": "Employees may work remotely three days per week."},
        {"_id": "d2", "title": "Travel", "text": "Economy class is the default for flights under six hours."},
        {"_id": "d3", "title": "Laptop", "text": "Report a lost laptop to Dana Whitfield in IT security."},
        {"_id": "d4", "title": "", "text": "Parental leave is sixteen weeks at full pay."},
    ]
    queries = [
        {"_id": "1", "text": "How many remote days per week?"},
        {"_id": "2", "text": "Which class for short flights?"},
        {"_id": "3", "text": "Who handles a lost laptop, Dana Whitfield?"},
        {"_id": "9", "text": "a query without judgments"},
    ]
    folder.mkdir(parents=True)
    (folder / "corpus.jsonl").write_text("\n".join(json.dumps(d) for d in docs) + "\n")
    (folder / "queries.jsonl").write_text("\n".join(json.dumps(q) for q in queries) + "\n")
    (folder / "qrels").mkdir()
    (folder / "qrels" / "train.tsv").write_text(
        "query-id\tcorpus-id\tscore\n1\td1\t1\n2\td2\t1\n3\td3\t1\n3\td4\t0\n"
    )


def test_readers_and_limits(tmp_path: Path) -> None:
    write_beir(tmp_path / "beir")
    data = load_dataset(tmp_path / "beir")
    assert [d.id for d in data.docs] == ["d1", "d2", "d3", "d4"]
    assert data.qrels == {"1": {"d1": 1}, "2": {"d2": 1}, "3": {"d3": 1}}  # score 0 is not relevant
    assert set(data.queries) == {"1", "2", "3"}
    small = load_dataset(tmp_path / "beir", limit=1, corpus_limit=1)
    assert list(small.queries) == ["1"] and [d.id for d in small.docs] == ["d1"]
    assert load_dataset(tmp_path / "beir", corpus_limit=1).fingerprint() != data.fingerprint()
    with pytest.raises(ValueError, match="no qrels for split 'test'"):
        load_dataset(tmp_path / "beir", split="test")

    xquad = tmp_path / "xquad"
    xquad.mkdir()
    (xquad / "passages.jsonl").write_text(
        json.dumps({"_id": "P_0", "title": "P", "text": "Some text."}) + "\n"
    )
    question = {"id": "x1", "question": "What?", "answers": ["text"], "context_id": "P_0"}
    (xquad / "questions_dev.jsonl").write_text(json.dumps(question) + "\n")
    data = load_dataset(xquad)
    assert data.qrels == {"x1": {"P_0": 1}} and data.extra["format"] == "xquad"
    assert read_qrels(tmp_path / "beir" / "qrels" / "train.tsv")["3"] == {"d3": 1}


def test_corpus_files_carry_titles(tmp_path: Path) -> None:
    docs = [Doc("a/1", "A <b> title", "x & y"), Doc("2", "", "no title")]
    sources = write_corpus(docs, tmp_path)
    assert sorted(sources.values()) == ["2", "a/1"]
    html_file = next(Path(p) for p, d in sources.items() if d == "a/1")
    assert html_file.suffix == ".html" and "<title>A &lt;b&gt; title</title>" in html_file.read_text()
    assert next(Path(p) for p, d in sources.items() if d == "2").suffix == ".txt"


def test_bm25_baseline_ranks_by_terms() -> None:
    docs = [
        Doc("a", "Cats", "cats chase mice"),
        Doc("b", "Dogs", "dogs chase cats"),
        Doc("c", "", "birds sing"),
    ]
    index = Bm25Index([f"{d.title} {d.text}" for d in docs])
    scores = index.scores("running dogs")  # stemmed: dog
    assert scores.argmax() == 1 and scores[2] == 0.0
    vectors = np.eye(3, dtype=np.float32)
    rankings = run_baseline(docs, {"q": "mice"}, vectors, lambda text: [1.0, 0.0, 0.0], depth=2)
    assert (
        rankings.bm25["q"][0] == "a" and rankings.dense["q"][0] == "a" and rankings.fusion["q"] == ["a", "b"]
    )


def test_bm25_baseline_scores_are_lucene_bm25() -> None:
    """bm25s's Lucene BM25 by hand.

    idf = ln(1 + (N - df + .5) / (df + .5)); tf part = tf / (tf + k1 (1 - b + b l / avg)).
    """
    texts = ["Cats chase the mice", "Dogs chase cats", "birds sing"]  # terms: cat chase mice | dog chase cat
    index = Bm25Index(texts, k1=1.5, b=0.75)
    assert index.tokens("The running Dogs") == ["run", "dog"]  # stop word out, lower-cased, stemmed
    lengths, avg = [3, 3, 2], 8 / 3

    def part(tf: int, df: int, length: int) -> float:
        return math.log(1 + (3 - df + 0.5) / (df + 0.5)) * tf / (tf + 1.5 * (0.25 + 0.75 * length / avg))

    expected = [part(1, 1, lengths[0]) + part(1, 2, lengths[0]), part(1, 2, lengths[1]), 0.0]
    assert np.allclose(index.scores("mice chase"), expected, rtol=1e-5)
    assert not index.scores("unknown words only").any()


def test_cli_end_to_end_with_anonymization(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import main

    write_beir(tmp_path / "beir")
    home = tmp_path / "home"
    args = ["--home", str(home), "eval", "retrieval", "--dataset", str(tmp_path / "beir"), "--json"]
    assert main(args) == 0
    result = json.loads(capsys.readouterr().out)
    for key in ("ndcg@10", "recall@10", "recall@100", "mrr@10", "queries"):
        assert key in result
    assert set(result["latency_ms"]) >= {"p50", "p95"}
    assert result["queries"] == 3 and result["anonymize"] and result["mode"] == "hybrid"
    assert set(result["modes"]) == {"dense", "sparse", "hybrid"} and "baseline" in result
    assert result["ingest"]["docs"] == 4 and result["ingest"]["chunks"] >= 4
    # The name is pseudonymized in the document and the question alike, so it still finds the document.
    assert result["questions_pseudonymized"] >= 1
    assert result["per_query"]["hybrid"]["3"] == 1.0 and result["per_query"]["sparse"]["3"] == 1.0
    assert result["recall@10"] == 1.0
    files = result["report_files"]
    assert all(Path(files[k]).is_file() for k in ("json", "markdown", "chart"))
    assert "baseline: min-max fusion 0.5" in Path(files["markdown"]).read_text()

    assert main(["--home", str(home), "eval", "compare", files["json"], result["run"], "--json"]) == 0
    diff = json.loads(capsys.readouterr().out)
    assert diff["rows"]["privrag hybrid"]["ndcg@10"]["delta"] == 0.0
