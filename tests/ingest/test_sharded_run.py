"""N shards of one ingestion (`--shard I/N`), one after another or at the same time, end in the state of one
run: the same documents and chunk ids, every chunk text (surrogate numbers included) and the same vault, on a
corpus full of PII where values found in one file are missed in another (so the end-of-run sweep matters)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from anonymize.keys import load_or_create_key
from app.container import Container
from ingest.report import IngestReport
from ingest.sharding import Shard
from tests.conftest import make_settings
from tests.ingest.pii_corpus import PEOPLE, make_corpus

pytestmark = pytest.mark.slow_file(120)

SHARDS = 3
# Five files a shard, about (the crash test's corpus has 30): each test ingests the corpus several times, and
# with seed 11 values found in one shard's files are still missed in another's (the sweeps below count them).
FILES = 15


@pytest.fixture(scope="module")
def keyed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Settings of every home here: keyed numbers, and one vault key (as N shards of one vault share it)."""
    key = tmp_path_factory.mktemp("key") / "vault.key"
    load_or_create_key(key)
    return {"anonymize__surrogate_numbers": "keyed", "anonymize__key_file": str(key)}


def state(container: Container) -> tuple[list, list, list]:
    catalog = sorted(
        (Path(r.source).name, r.content_hash, r.chunks, r.title) for r in container.catalog.all()
    )
    chunks = sorted(
        (n.node_id, n.get_content(), n.metadata.get("title")) for n in container.vector_store.iter_nodes()
    )
    return catalog, chunks, sorted(container.vault.iter_values())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sharded") / "corpus"
    make_corpus(folder, seed=11, files=FILES)
    return folder


@pytest.fixture(scope="module")
def whole(
    keyed: dict[str, str], corpus: Path, shared_models: dict, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple]:
    """The state one (unsharded) run ends in, computed once."""
    container = Container(make_settings(tmp_path_factory.mktemp("whole"), None, **keyed))
    container.__dict__.update(shared_models)
    report = container.ingestor.run([corpus])
    # values found in one file were replaced in others (before embedding): the comparison covers it
    assert not report.failed and report.swept + report.swept_early > 0
    yield state(container)
    container.close()


def test_shards_one_after_another_equal_one_run(
    keyed: dict[str, str],
    tmp_path: Path,
    corpus: Path,
    whole: tuple,
    make_container: Callable[..., Container],
) -> None:
    container = make_container(tmp_path / "sharded", **keyed)
    # The end-of-run sweep alone here (the one run swept early: ingest/early_sweep.py): both end alike.
    container.ingestor.early_sweep = False
    reports = [container.ingestor.run([corpus], shard=Shard(i, SHARDS)) for i in (2, 3, 1)]
    assert [r.shards_finished for r in reports] == [1, 2, 3]
    assert [r.swept for r in reports][:2] == [0, 0] and reports[2].swept > 0  # only the last one sweeps
    assert sum(r.ingested for r in reports) == len(whole[0])
    got = state(container)
    assert got == whole
    everything = "\n".join(text for _, text, _ in got[1])
    for name, email, phone in PEOPLE:
        assert name not in everything and email not in everything and phone not in everything
    assert container.catalog.states("ingest_shards") == {}  # the run is over: the next one starts afresh


def test_shards_at_the_same_time_equal_one_run(
    keyed: dict[str, str],
    tmp_path: Path,
    corpus: Path,
    whole: tuple,
    make_container: Callable[..., Container],
) -> None:
    container = make_container(tmp_path / "concurrent", **keyed)
    reports: dict[int, IngestReport] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(SHARDS)

    def shard(index: int) -> None:
        try:
            start.wait()
            reports[index] = container.ingestor.run([corpus], shard=Shard(index, SHARDS))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=shard, args=(i,)) for i in range(1, SHARDS + 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert sorted(r.shards_finished for r in reports.values())[-1] == SHARDS
    assert state(container) == whole


def test_a_shard_rerun_reuses_the_run_mark_and_the_last_one_sweeps(
    keyed: dict[str, str],
    tmp_path: Path,
    corpus: Path,
    whole: tuple,
    make_container: Callable[..., Container],
) -> None:
    container = make_container(tmp_path / "rerun", **keyed)
    container.ingestor.run([corpus], shard=Shard(1, SHARDS))
    runs = {k: v for k, v in container.catalog.states("ingest_shards:").items() if ":done:" not in k}
    assert len(runs) == 1  # the run's mark, beside shard 1's "done" row
    again = container.ingestor.run([corpus], shard=Shard(1, SHARDS))  # shard 1 again: nothing new
    assert again.unchanged == again.files and again.shards_finished == 1 and again.swept == 0
    assert {k: container.catalog.state(k) for k in runs} == runs  # same run, same mark
    for index in (2, 3):
        container.ingestor.run([corpus], shard=Shard(index, SHARDS))
    assert state(container) == whole
