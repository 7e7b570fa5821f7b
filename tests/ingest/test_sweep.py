"""The vault sweep at the end of a job (ingest/sweep.py), through real ingestion jobs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ingest.small_corpus import chunk_texts


def test_the_sweep_replaces_a_value_another_file_revealed(
    tmp_path: Path,
    make_container,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr("ingest.rewrite.REWRITE_BATCH", 1)  # rewrites while it scrolls
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a_team.md").write_text("# Team\n\nPriya Raman joined the finance team in March.\n")
    # An all-caps name joined to a code in a mixed-case sentence: the detector misses it, the sweep does not.
    (docs / "b_minutes.md").write_text("# Minutes\n\nThe budget (PRIYA RAMAN/FIN) was approved.\n")
    (docs / "c_notes.html").write_text(
        "<html><head><title>Slides of PRIYA RAMAN/FIN</title></head>"
        "<body><p>The slides (PRIYA RAMAN/FIN) are attached.</p></body></html>"
    )
    container = make_container(tmp_path / "home")
    container.ingestor.early_sweep = False  # the end-of-job sweep alone (tests/ingest/test_early_sweep.py)
    report = container.ingestor.run([docs])
    assert report.ingested == 3 and report.swept == 2
    texts = chunk_texts(container)
    assert len(texts) == 3 and not any("raman" in t.lower() for t in texts.values()), texts
    # the title too: in the chunks and in the catalog (document lists, citations)
    titles = [str(n.metadata.get("title")) for n in container.vector_store.iter_nodes()]
    titles += [r.title for r in container.catalog.all()]
    assert any("Slides of <PERSON_" in t for t in titles), titles
    assert not any("raman" in t.lower() for t in titles), titles
    revealed = container.vault.reveal_text("\n".join(texts.values()))[0]
    assert revealed.lower().count("priya raman") == 4  # the HTML title is in its chunk too
    assert container.ingestor.run([docs]).swept == 0  # idempotent: nothing left in clear


def test_no_bm25_vector_keeps_a_value_the_sweep_replaced(tmp_path: Path, make_container) -> None:  # type: ignore[no-untyped-def]
    """A chunk's BM25 vector covers its neighbours (retrieval/sparse_context.py): when the sweep replaces a
    value in one chunk, its neighbours' vectors are rewritten too, so a sparse search for the value finds
    nothing."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a_team.md").write_text("# Team\n\nPriya Raman joined the finance team in March.\n")
    filler = " ".join(["The quarterly budget review covers travel, vendors and office costs."] * 12)
    paragraphs = [filler] * 3 + ["The slides (PRIYA RAMAN/FIN) were shared with the board."] + [filler] * 3
    (docs / "b_report.md").write_text("# Report\n\n" + "\n\n".join(paragraphs) + "\n")
    container = make_container(tmp_path / "home", retrieval__mode="sparse")
    container.ingestor.early_sweep = False  # the end-of-job sweep rewrites the stored chunks
    report = container.ingestor.run([docs])
    assert report.swept >= 1 and report.chunks >= 5  # the report spans several chunks
    assert container.retriever.run("Raman", None, top_k=20) == []
    assert container.retriever.run("quarterly budget", None, top_k=20)  # the sparse leg works


def test_the_sweep_takes_a_name_into_other_files_but_not_an_everyday_word(
    tmp_path: Path,
    make_container,  # type: ignore[no-untyped-def]
) -> None:
    """A name found in one file is replaced in the others as an insider would write it there (capitals, a
    hyphenated surname alone, a possessive, an English-word given name alone); a name part that is an
    everyday word and no given name ("Bold" of "Bold Mwangi-Otieno") is not replaced in another file where
    it is a word (within its own file it is)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a_team.md").write_text(
        "# Team\n\nHope Bold Mwangi-Otieno joined the finance team in March. Bold will run the audit.\n"
    )
    (docs / "c_slides.md").write_text("# Slides\n\nMwangi-Otieno's slides were shared with the board.\n")
    (docs / "b_minutes.md").write_text(
        "# Minutes\n\nThe budget (HOPE BOLD MWANGI-OTIENO/FIN) was approved. The slides are attached; Hope "
        "sent them. Bold steps are needed before the audit closes in May.\n"
    )
    container = make_container(tmp_path / "home")
    container.ingestor.early_sweep = False  # the end-of-job sweep alone
    container.ingestor.run([docs])
    texts = chunk_texts(container)
    team = next(t for t in texts.values() if "finance team" in t)
    minutes = next(t for t in texts.values() if "budget" in t)
    assert not any(w in t.lower() for t in texts.values() for w in ("mwangi", "otieno", "hope")), texts
    assert len(texts) == 3
    assert "Bold will run" not in team  # within its file the name's word alone is the person
    assert "Bold steps are needed" in minutes  # in another file an everyday word stays
    person = container.vault.find("PERSON", "Hope Bold Mwangi-Otieno")
    assert person is not None and f"({person}/FIN)" in minutes  # the capitals, swept to the same person
