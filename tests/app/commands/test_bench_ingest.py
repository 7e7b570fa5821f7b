"""`privrag bench ingest` on a tiny corpus: the three runs side by side, the deletion, the report file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main


def test_bench_ingest_runs_all_three_and_times_a_delete(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "travel.md").write_text("# Travel\n\nBook flights through the portal; Jane Doe approves.\n")
    (corpus / "rota.csv").write_text("day,who\nMonday,team A\nTuesday,team B\n")
    (corpus / "skip.jsonl").write_text('{"text": "ignored"}\n')
    (corpus / ".privragignore").write_text("skip.jsonl\n")
    home = tmp_path / "home"
    code = main(
        ["bench", "ingest", "--home", str(home), "--corpus", str(corpus), "--delete-mb", "0.05", "--json"]
        + ["--ocr-pages", "1"]
    )
    out = capsys.readouterr().out
    assert code == 0
    result = json.loads(out)
    assert result["corpus"]["files"] == 2
    for part in ("privrag", "embedding_only", "baseline"):
        figures = result[part]
        assert figures["chunks"] >= 2 and figures["chunks_per_s"] > 0 and figures["mb_per_min"] >= 0
    assert result["embedding_only"]["chunks"] == result["privrag"]["chunks"]
    assert result["privrag"]["failed"] == [] and result["privrag"]["precision"] in ("bf16", "fp32")
    assert result["ratio_a_b"] > 0 and result["ratio_a_c"] > 0
    deletion = result["delete"]
    assert deletion["ok"] and deletion["removed"] == deletion["chunks"] > 10
    assert deletion["seconds"] >= 0 and deletion["baseline_seconds"] >= 0
    ocr = result["ocr"]  # one page as a PNG and as a scanned PDF, beside the pytesseract-style baseline
    assert "skipped" in ocr or (ocr["pages"] == 2 and ocr["pages_per_s"] > 0 and ocr["ratio"] > 0)
    report = Path(result["report"])
    assert (
        report.parent == home.resolve() / "reports" and json.loads(report.read_text())["delete"] == deletion
    )


def test_bench_ingest_reads_a_beir_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    beir = tmp_path / "beir"
    beir.mkdir()
    records = [
        {"_id": f"d{i}", "title": f"Study {i}", "text": "Cells divide when fed. " * 20} for i in range(30)
    ]
    (beir / "corpus.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    code = main(
        ["bench", "ingest", "--home", str(tmp_path / "home"), "--corpus", str(beir), "--limit-mb", "0.005"]
        + ["--delete-mb", "0", "--no-baseline", "--ocr-pages", "0", "--json"]
    )
    result = json.loads(capsys.readouterr().out)
    assert code == 0
    assert 0 < result["corpus"]["files"] < 30  # stopped at the size limit
    assert result["baseline"] is None and result["ratio_a_c"] is None
