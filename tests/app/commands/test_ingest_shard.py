"""`privrag ingest PATH --shard I/N`: three shards end with the documents and chunks of one whole run."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.container import Container
from app.settings import load_settings
from tests.conftest import run_cli as run

TOPICS = [
    "leave policy",
    "expense claims",
    "on-call rota",
    "laptop refresh",
    "travel booking",
    "office hours",
]


def _state(home: Path) -> tuple[list[tuple[str, str, int]], int]:
    container = Container(load_settings(home))
    try:
        documents = [(Path(r.source).name, r.content_hash, r.chunks) for r in container.catalog.all()]
        return sorted(documents), container.vector_store.count()
    finally:
        container.close()


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    for i, topic in enumerate(TOPICS):
        folder = root / f"team{i % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        body = " ".join(f"The {topic} rule number {n} applies to every team member." for n in range(40))
        (folder / f"{topic.replace(' ', '_')}.md").write_text(f"# {topic.title()}\n\n{body}\n")
    return root


def test_three_shards_give_the_state_of_one_run(
    tmp_path: Path, docs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRIVRAG_ANONYMIZE__ENABLED", "false")  # sharding is about files, not pseudonyms
    whole, sharded = str(tmp_path / "whole"), str(tmp_path / "sharded")
    code, report = run(capsys, "ingest", str(docs), "--home", whole, "--json")
    assert code == 0 and report["ingested"] == len(TOPICS)
    files = []
    for i in (1, 2, 3):
        code, part = run(capsys, "ingest", str(docs), "--shard", f"{i}/3", "--home", sharded, "--json")
        assert code == 0 and part["shard"] == f"{i}/3"
        files.append(part["files"])
    assert sum(files) == len(TOPICS)
    assert _state(Path(sharded)) == _state(Path(whole))
    assert _state(Path(whole))[1] == report["chunks"] > len(TOPICS)


@pytest.mark.parametrize("bad", ["0/3", "4/3", "two/3"])
def test_a_malformed_shard_is_refused(
    tmp_path: Path, docs: Path, capsys: pytest.CaptureFixture[str], bad: str
) -> None:
    code, error = run(capsys, "ingest", str(docs), "--shard", bad, "--home", str(tmp_path / "h"), "--json")
    assert code != 0 and error["error"].startswith("--shard: ") and "I/N" in error["error"]


def test_shards_with_sequential_surrogate_numbers_are_refused(
    tmp_path: Path, docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Anonymization on (the default) with sequential numbers: shards would number values differently."""
    code, error = run(capsys, "ingest", str(docs), "--shard", "1/2", "--home", str(tmp_path / "h"), "--json")
    assert code != 0 and "surrogate_numbers" in error["error"] and "keyed" in error["error"]
