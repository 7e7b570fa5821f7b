"""The answer benchmark: SQuAD metrics, held-out passages, and a tiny end-to-end run on the real path."""

from __future__ import annotations

import json
from pathlib import Path

from app.eval_homes import EvalHomes
from eval.rag import (
    RagQuestion,
    clause_f1,
    exact_match,
    normalize_answer,
    passage_names,
    run_rag_benchmark,
    sample_questions,
    token_f1,
)
from ingest.catalog import document_id
from tests.conftest import make_settings


def test_squad_normalization_and_metrics() -> None:
    assert normalize_answer("The  Denver Broncos! [1]") == "denver broncos"
    assert exact_match("the Denver Broncos.", ["Denver Broncos"]) == 1.0
    assert exact_match("Broncos", ["Denver Broncos"]) == 0.0
    assert token_f1("Broncos", ["Denver Broncos"]) == 2 * (1.0 * 0.5) / 1.5
    assert token_f1("nothing here", ["Denver Broncos"]) == 0.0
    assert token_f1("Denver", ["Carolina", "Denver Broncos"]) == token_f1("Denver", ["Denver Broncos"])


def test_clause_f1_scores_the_best_clause_of_a_sentence_answer() -> None:
    answer = "The west side of Fresno, a large neighborhood, is the center of the community [1]."
    assert clause_f1(answer, ["a large neighborhood"]) == 1.0
    assert token_f1(answer, ["a large neighborhood"]) < 0.5  # SQuAD F1 on the whole answer stays as defined
    assert clause_f1("Soy farmers, mostly [2].", ["soy farmers"]) == 1.0
    assert clause_f1("", ["x"]) == 0.0


def test_held_out_passages_make_their_questions_unanswerable() -> None:
    questions = [RagQuestion(f"q{i}", f"question {i}?", ["a"], f"p{i % 10}") for i in range(40)]
    chosen, held_out = sample_questions(questions, limit=20, unanswerable_fraction=0.2, seed=1)
    assert len(chosen) == 20 and len(held_out) == 2
    unanswerable = [q for q in chosen if not q.answerable]
    assert len(unanswerable) == 4
    assert all(q.context_id in held_out for q in unanswerable)
    assert all(q.context_id not in held_out for q in chosen if q.answerable)
    again, _ = sample_questions(
        [RagQuestion(f"q{i}", f"question {i}?", ["a"], f"p{i % 10}") for i in range(40)], 20, 0.2, 1
    )
    assert [q.id for q in again] == [q.id for q in chosen]  # seeded


def _tiny_xquad(folder: Path) -> Path:
    passages = [
        {"_id": "Teams_0", "title": "Teams", "text": "The Denver Broncos won Super Bowl 50 in Santa Clara."},
        {"_id": "Birds_0", "title": "Birds", "text": "The arctic tern migrates farther than any other bird."},
        {
            "_id": "Rivers_0",
            "title": "Rivers",
            "text": "The Rhine flows through six countries into the North Sea.",
        },
    ]
    questions = [
        {
            "id": "a",
            "question": "Who won Super Bowl 50?",
            "answers": ["Denver Broncos"],
            "context_id": "Teams_0",
        },
        {
            "id": "b",
            "question": "Which bird migrates farthest?",
            "answers": ["arctic tern"],
            "context_id": "Birds_0",
        },
        {
            "id": "c",
            "question": "Where does the Rhine flow?",
            "answers": ["North Sea"],
            "context_id": "Rivers_0",
        },
    ]
    folder.mkdir()
    (folder / "passages.jsonl").write_text("\n".join(json.dumps(p) for p in passages) + "\n")
    (folder / "questions_dev.jsonl").write_text("\n".join(json.dumps(q) for q in questions) + "\n")
    return folder


def test_benchmark_runs_the_real_path_on_a_tiny_dataset(tmp_path: Path, tiny_gguf: Path) -> None:
    settings = make_settings(tmp_path / "home", tiny_gguf)
    homes = EvalHomes(settings)
    xquad = _tiny_xquad(tmp_path / "xquad")
    report = run_rag_benchmark(homes, homes.model_name(), xquad, limit=3, unanswerable_fraction=0.34)
    assert report.questions == 3 and report.answerable == 2 and report.unanswerable == 1
    assert {r.id for r in report.results} == {"a", "b", "c"}
    assert all(0.0 <= v <= 1.0 for v in (report.exact_match, report.f1, report.refusal_accuracy))
    assert report.unanswerable_share == round(1 / 3, 4)
    assert all(0.0 <= v <= 1.0 for v in (report.clause_f1, report.draft_refusal_accuracy))
    assert all(r.withheld is False or r.refused for r in report.results)  # a withheld answer is a refusal
    assert all(r.withheld for r in report.results if r.echo)  # a copy of the rules is withheld
    assert all(r.question_coverage is not None for r in report.results)
    assert all(r.refused for r in report.results if r.refused_before_model)  # the gate refuses
    assert 0.0 <= report.gate_refusal_accuracy <= report.refusal_accuracy
    assert report.latency_ms["total_p50"] > 0 and report.ingest_seconds > 0
    assert not (tmp_path / "home" / "store").exists()  # the benchmark used its own temporary home


def test_citations_are_scored_by_document_id_not_by_the_pseudonymized_name(
    tmp_path: Path, tiny_gguf: Path
) -> None:
    """A name in a passage's file name is pseudonymized in the index (and in citations): the cited passage is
    recognized through its document id."""
    from app.container import Container

    corpus = tmp_path / "passages"
    corpus.mkdir()
    names = ["Jane Doe Memo_0", "Rivers_0"]
    for pid in names:
        (corpus / f"{pid}.txt").write_text(
            f"{pid}\n\nJane Doe wrote that the Rhine flows to the North Sea.\n"
        )
    container = Container(make_settings(tmp_path / "home", tiny_gguf))
    try:
        container.ingestor.run([corpus])
        ids = {document_id(corpus / f"{pid}.txt"): pid for pid in names}
        passage_of = passage_names(container, ids)
    finally:
        container.close()
    assert sorted(passage_of.values()) == sorted(names)
    hidden = [source for source, pid in passage_of.items() if pid == "Jane Doe Memo_0"]
    assert hidden and "Jane" not in hidden[0]  # the index keeps the name pseudonymized: the id finds it
