"""The sweep brought forward (ingest/early_sweep.py): values found earlier in a job replaced in a batch's
chunks before they are embedded, through real ingestion jobs (detector, vault, embedder, store)."""

from __future__ import annotations

from pathlib import Path

import pytest

import ingest.sweep
from ingest.early_sweep import EarlySweep
from ingest.sweep import SweepResult
from tests.ingest.small_corpus import chunk_texts


def _docs(folder: Path, first: str = "a_team.md", later: str = "b_minutes.md") -> Path:
    folder.mkdir()
    (folder / first).write_text("# Team\n\nPriya Raman joined the finance team in March.\n")
    # All caps in parentheses of a mixed-case sentence: the detector misses it, propagation from the vault
    # (the early sweep, else the end-of-job sweep) does not.
    (folder / later).write_text("# Minutes\n\nThe budget (PRIYA RAMAN/FIN) was approved.\n")
    (folder / "c_notes.html").write_text(
        "<html><head><title>Slides of PRIYA RAMAN/FIN</title></head>"
        "<body><p>The slides (PRIYA RAMAN/FIN) are attached.</p></body></html>"
    )
    return folder


def _sweeps(monkeypatch: pytest.MonkeyPatch) -> list[SweepResult]:
    results: list[SweepResult] = []
    original = ingest.sweep.sweep_job

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        results.append(original(*args, **kwargs))
        return results[-1]

    monkeypatch.setattr(ingest.sweep, "sweep_job", spy)
    return results


def _titles(container) -> list[str]:  # type: ignore[no-untyped-def]
    titles = [str(n.metadata.get("title")) for n in container.vector_store.iter_nodes()]
    return titles + [r.title for r in container.catalog.all()]


def test_a_value_found_in_an_earlier_batch_is_replaced_before_embedding(
    tmp_path: Path, make_container, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    docs = _docs(tmp_path / "docs")
    results = _sweeps(monkeypatch)
    # One file per batch: the name is detected in the first batch, held in capitals by the next two.
    early = make_container(tmp_path / "early", ingest__batch_chars=10)
    report = early.ingestor.run([docs])
    assert report.ingested == 3 and report.swept == 0  # nothing left for the end-of-job sweep to rewrite
    assert report.swept_early == 2  # the minutes' chunk and the notes' (its text and title)
    assert results[-1].embedded == 0 and results[-1].terms >= 1  # it did look
    texts = chunk_texts(early)
    assert not any("raman" in t.lower() for t in texts.values()), texts
    titles = _titles(early)
    assert any("Slides of <PERSON_" in t for t in titles) and not any("raman" in t.lower() for t in titles)

    # The same job with the end-of-job sweep alone ends with the same chunk texts and titles.
    late = make_container(tmp_path / "late", ingest__batch_chars=10)
    late.ingestor.early_sweep = False
    assert late.ingestor.run([docs]).swept == 2
    assert results[-1].embedded == 2
    assert chunk_texts(late) == texts
    assert sorted(_titles(late)) == sorted(titles)
    assert [(r.doc_id, r.title, r.source) for r in late.catalog.all()] == [
        (r.doc_id, r.title, r.source) for r in early.catalog.all()
    ]


def test_a_value_found_in_a_later_batch_is_still_replaced_by_the_end_of_job_sweep(
    tmp_path: Path, make_container, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    # The capitals come first (a_minutes.md, c_notes.html), the detected name last (z_team.md), one file per
    # batch: the notes, held back while z_team.md is pseudonymized, are swept early; the minutes were embedded
    # before the name was found: the end of the job rewrites them.
    docs = _docs(tmp_path / "docs", first="z_team.md", later="a_minutes.md")
    results = _sweeps(monkeypatch)
    container = make_container(tmp_path / "home", ingest__batch_chars=10)
    report = container.ingestor.run([docs])
    assert report.ingested == 3 and report.swept == 1 and results[-1].embedded == 1
    assert report.swept_early == 1
    assert not any("raman" in t.lower() for t in chunk_texts(container).values())
    assert not any("raman" in t.lower() for t in _titles(container))
    assert container.ingestor.run([docs]).swept == 0  # idempotent


def test_one_batch_is_swept_with_its_own_values(tmp_path: Path, make_container) -> None:  # type: ignore[no-untyped-def]
    """All three files in one batch (the default size): the values the detector found in one of them are
    replaced in the others before anything is embedded."""
    docs = _docs(tmp_path / "docs", first="z_team.md", later="a_minutes.md")
    container = make_container(tmp_path / "home")
    report = container.ingestor.run([docs])
    assert report.ingested == 3 and report.swept == 0
    assert report.stage_seconds.get("early_sweep", 0.0) >= 0.0
    assert not any("raman" in t.lower() for t in chunk_texts(container).values())
    assert not any("raman" in t.lower() for t in _titles(container))


def test_refresh_reads_only_the_values_added_since_the_last(tmp_path: Path, make_container) -> None:  # type: ignore[no-untyped-def]
    container = make_container(tmp_path / "home")
    pseudonymizer = container.pseudonymizer
    assert pseudonymizer is not None
    pseudonymizer.run(["Contact Jane Doe at jane.doe@example.com."])  # before the job's mark
    early = EarlySweep(pseudonymizer, pseudonymizer.vault_mark())
    assert early.refresh() == 0 and early.replace("JANE DOE signed.") == "JANE DOE signed."
    pseudonymizer.run(["Priya Raman joined the team."])
    assert early.refresh() == 1 and early.refresh() == 0
    swept = early.replace("Signed: PRIYA RAMAN, with Raman's slides.")
    assert "raman" not in swept.lower() and swept.count("<PERSON_") == 2, swept
    assert early.display("PRIYA_RAMAN_notes.pdf").startswith("<PERSON_")


def test_the_values_are_spilled_and_sweep_as_the_dicts_do(tmp_path: Path, make_container) -> None:  # type: ignore[no-untyped-def]
    from anonymize.known_spill import SpilledKnownValues
    from anonymize.pseudonymizer import KnownValues

    container = make_container(tmp_path / "home")
    pseudonymizer = container.pseudonymizer
    assert pseudonymizer is not None
    mark = pseudonymizer.vault_mark()
    spilled, in_memory = (
        EarlySweep(pseudonymizer, mark),
        EarlySweep(pseudonymizer, mark, KnownValues(pseudonymizer.reach)),
    )
    assert isinstance(spilled.known, SpilledKnownValues)  # the default: memory flat in the job's values
    pseudonymizer.run(["Priya Raman (priya.raman@example.org, +44 20 7946 0958) met Jane Doe in Leeds."])
    assert spilled.refresh() == in_memory.refresh() >= 3
    texts = [
        "Signed: PRIYA RAMAN, with Raman's slides and Jane's notes.",
        "Write to PRIYA.RAMAN@EXAMPLE.ORG or call +44 20 7946 0958.",
        "Nothing known here: the odds ratio of survival.",
    ]
    assert [spilled.replace(t) for t in texts] == [in_memory.replace(t) for t in texts]
    assert spilled.replace(texts[0]) != texts[0] and spilled.replace(texts[2]) == texts[2]
    path = spilled.known.path
    spilled.close()
    assert not path.exists()
