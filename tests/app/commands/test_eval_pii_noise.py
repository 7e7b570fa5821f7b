"""`privrag eval pii-noise`: pseudonymizable spans found in text without personal data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli as run

CORPUS = [
    {"_id": "1", "title": "p57 and CDK1", "text": "Deletions of p18(INK4c) and p57 with CDK1; RNA Pol II."},
    {"_id": "2", "title": "A note", "text": "Please call Jane Doe at (503) 555-0142."},
]


def test_eval_pii_noise_counts_pseudonymized_spans(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(row) + "\n" for row in CORPUS))
    home = tmp_path / "home"
    code, result = run(capsys, "--home", str(home), "eval", "pii-noise", "--corpus", str(corpus), "--json")
    assert code == 0
    assert result["documents"] == 2
    assert result["documents_with_pseudonymized_spans"] == 1  # only the note: the abstract has none
    assert result["pseudonymized_by_type"]["PHONE_NUMBER"] == 1
    assert result["pseudonymized_spans"] == sum(result["pseudonymized_by_type"].values())
    code, result = run(
        capsys, "--home", str(home), "eval", "pii-noise", "--corpus", str(corpus), "--limit", "1", "--json"
    )
    assert code == 0 and result["documents"] == 1 and result["pseudonymized_spans"] == 0
    code, error = run(
        capsys, "--home", str(home), "eval", "pii-noise", "--corpus", str(tmp_path / "x"), "--json"
    )
    assert code == 2 and "not a file" in error["error"]
