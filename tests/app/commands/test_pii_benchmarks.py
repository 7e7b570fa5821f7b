"""`privrag eval pii` and `privrag bench anonymize` on tiny inputs (contract shape, report files)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli as run

pytestmark = pytest.mark.slow_file(50)

DATASET = [
    {
        "full_text": "Jane Doe lives at 42 Maple Street and her email is jane@example.com.",
        "spans": [
            {"entity_type": "PERSON", "entity_value": "Jane Doe", "start_position": 0, "end_position": 8},
            {
                "entity_type": "STREET_ADDRESS",
                "entity_value": "42 Maple Street",
                "start_position": 18,
                "end_position": 33,
            },
            {
                "entity_type": "EMAIL_ADDRESS",
                "entity_value": "jane@example.com",
                "start_position": 51,
                "end_position": 67,
            },
        ],
    },
    {"full_text": "Nothing personal here.", "spans": []},
]


def test_eval_pii_contract_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dataset = tmp_path / "tiny.json"
    dataset.write_text(json.dumps(DATASET))
    home = tmp_path / "home"
    code, result = run(capsys, "--home", str(home), "eval", "pii", "--dataset", str(dataset), "--json")
    assert code == 0
    for block in (result, result["baseline"]):
        assert set(block["overall"]) >= {"precision", "recall", "f2"}
        assert all(set(v) >= {"precision", "recall", "f2", "support"} for v in block["per_entity"].values())
        assert block["throughput"]["words"] == 15
    assert result["per_entity"]["EMAIL_ADDRESS"]["recall"] == 1.0
    assert result["per_entity"]["LOCATION"]["support"] == 1
    report = Path(result["report_dir"])
    assert report.parent == home / "reports" / "pii"
    assert {p.name for p in report.iterdir()} == {"result.json", "report.md", "chart.png"}

    code, error = run(
        capsys, "--home", str(home), "eval", "pii", "--dataset", str(tmp_path / "no.json"), "--json"
    )
    assert code == 2 and "not a file" in error["error"]


def test_bench_anonymize_reports_a_ratio(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Jane Doe called (503) 555-0142 about the invoice.\n")
    (corpus / "b.md").write_text("# Note\n\nThe office at 410 SW Columbia Street opens at nine.\n")
    code, result = run(
        capsys,
        "--home",
        str(tmp_path / "home"),
        "bench",
        "anonymize",
        "--corpus",
        str(corpus),
        "--rounds",
        "1",
        "--json",
    )
    assert code == 0
    assert result["texts"] == 2 and result["words"] == 20
    assert result["words_per_s"] > 0 and result["baseline_words_per_s"] > 0 and result["ratio"] > 0
    # By default a second privrag run splits the corpus over this process and one helper process.
    assert result["privrag_helpers"]["workers"] == 1
    assert result["privrag_helpers"]["words"] == 20 and result["helpers_ratio"] > 0

    args = ["--home", str(tmp_path / "home"), "bench", "anonymize", "--corpus", str(corpus), "--json"]
    code, result = run(capsys, *args, "--rounds", "1", "--workers", "0")
    assert code == 0 and "privrag_helpers" not in result and result["ratio"] > 0
    code, error = run(capsys, *args, "--workers", "-1")
    assert code == 2 and "--workers" in error["error"]
