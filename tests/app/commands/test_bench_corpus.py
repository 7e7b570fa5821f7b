"""The corpora of `privrag bench ingest`: a missing default corpus is an error naming its path, any folder
or BEIR folder works, the whole SciFact corpus is written as files once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import app.commands.bench_corpus as bench_corpus
from app.cli import main
from app.commands.bench_corpus import CorpusError, build_corpus, scifact_files

EXTENSIONS = [".txt", ".md"]


def _beir(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True)
    records = [
        {"_id": f"d/{i}", "title": f"Study {i}", "text": "Cells divide when fed. " * 5} for i in range(count)
    ]
    (folder / "corpus.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    return folder


def test_a_missing_default_corpus_is_an_error_naming_its_path(tmp_path: Path) -> None:
    missing = tmp_path / "shared" / "data" / "scifact"
    with pytest.raises(CorpusError, match=str(missing)):
        build_corpus(None, 2 * 1024 * 1024, tmp_path / "work", EXTENSIONS, scifact=missing)
    with pytest.raises(CorpusError, match=str(missing)):
        scifact_files(tmp_path / "cache", scifact=missing)


def test_the_cli_refuses_to_measure_without_the_default_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere" / "scifact"
    monkeypatch.setattr(bench_corpus, "SCIFACT", missing)
    code = main(["bench", "ingest", "--home", str(tmp_path / "home"), "--no-baseline", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code != 0 and str(missing) in out["error"] and "--corpus" in out["error"]
    code = main(["bench", "ingest", "--home", str(tmp_path / "home"), "--large", "scifact", "--json"])
    assert code != 0 and str(missing) in json.loads(capsys.readouterr().out)["error"]


def test_any_folder_or_beir_folder_is_a_corpus(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.md").write_text("# A\n\nSome text.\n")
    (folder / "sub" / "b.txt").write_text("More text.\n")
    (folder / "c.bin").write_bytes(b"\0\1")
    files = build_corpus(str(folder), 1024 * 1024, tmp_path / "work", EXTENSIONS)
    assert sorted(p.name for p in files) == ["a.md", "b.txt"]
    beir = _beir(tmp_path / "beir", 20)
    written = build_corpus(str(beir), 300, tmp_path / "work", EXTENSIONS)
    assert 0 < len(written) < 20 and all(p.suffix == ".txt" and "/" not in p.name for p in written)
    with pytest.raises(CorpusError, match="nowhere"):
        build_corpus(str(tmp_path / "nowhere"), 300, tmp_path / "work", EXTENSIONS)


def test_the_default_corpus_is_scifact_plus_the_samples(tmp_path: Path) -> None:
    beir = _beir(tmp_path / "scifact", 40)
    files = build_corpus(None, 20_000, tmp_path / "work", EXTENSIONS, scifact=beir)
    assert any(p.parent == bench_corpus.SAMPLE for p in files)
    assert any(p.parent == tmp_path / "work" / "scifact" for p in files)


def test_the_whole_scifact_corpus_is_written_once(tmp_path: Path) -> None:
    beir = _beir(tmp_path / "scifact", 12)
    folder = scifact_files(tmp_path / "cache", scifact=beir)
    assert len(list(folder.glob("*.txt"))) == 12
    (folder / "d_0.txt").unlink()
    assert scifact_files(tmp_path / "cache", scifact=beir) == folder  # reused: not written again
    assert len(list(folder.glob("*.txt"))) == 11
