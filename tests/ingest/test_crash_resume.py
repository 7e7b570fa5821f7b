"""kill -9 of a real `privrag ingest` at several moments, then a re-run: the state of an uninterrupted run.

Same documents, same chunk count, the same point ids, no duplicates, no orphans (chunks whose file id is not
in the catalog), and the embedded store loads after every kill. The corpus is full of PII (the same people,
emails and phone numbers across files, names in capitals the detector misses): the chunk texts, surrogate
numbers included, and the vault's entries equal those of an uninterrupted run in another home, which also
batches differently (the default batch size).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.container import Container
from ingest.catalog import OK, Catalog
from retrieval.edge_store import EdgeVectorStore
from tests.ingest.pii_corpus import FILES, PEOPLE, make_corpus

ROOT = Path(__file__).resolve().parents[2]
BATCH_CHARS = "6000"  # small batches: many commits, so the kills land between and inside them

pytestmark = [pytest.mark.crash, pytest.mark.slow_file(200)]  # several CLI children, each loading the models


def ingest_command(corpus: Path, home: Path) -> list[str]:
    return [sys.executable, "-m", "app.cli", "ingest", str(corpus), "--json", "--home", str(home)]


def environment() -> dict[str, str]:
    """The children's settings: none of this process's, but small batches, and the embedder the reference
    run uses (torch, as every test home: tests/conftest.py). Left at ``auto``, the first child exported and
    timed the ONNX variants on a machine without a recorded choice, CI's every run (~3 min of a 2-core
    runner), which this test is not about (tests/retrieval/test_embedding_variants.py is)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PRIVRAG_")}
    return {
        **env,
        "PRIVRAG_INGEST__BATCH_CHARS": BATCH_CHARS,
        "PRIVRAG_EMBEDDING__VARIANT": "torch",
        "PYTHONPATH": str(ROOT),
    }


def catalog_rows(db: Path) -> tuple[int, int]:
    """(rows, ok rows) of the catalog as another process sees them; (0, 0) before it exists."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            rows = conn.execute("SELECT status, COUNT(*) FROM documents GROUP BY status").fetchall()
    except sqlite3.Error:
        return 0, 0
    counts = dict(rows)
    return sum(counts.values()), counts.get(OK, 0)


def run_and_kill(corpus: Path, home: Path, files_done: int, delay: float) -> str:
    """Start an ingestion; kill -9 it ``delay`` s after it has written ``files_done`` more files (0: after
    its first catalog row). Returns what happened, for the failure message."""
    db = home / "privrag.db"
    rows_before, ok_before = catalog_rows(db)
    process = subprocess.Popen(
        ingest_command(corpus, home),
        env=environment(),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    try:
        while process.poll() is None and time.monotonic() < deadline:
            rows, ok = catalog_rows(db)
            started = rows > rows_before or ok < ok_before or (rows_before and ok > ok_before)
            if started and ok - ok_before >= files_done:
                time.sleep(delay)
                break
            time.sleep(0.02)
        if process.poll() is not None:
            return "finished before the kill"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        return f"killed after {files_done}+ files at {catalog_rows(db)} (rows, ok)"
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate()


@dataclass
class IndexState:
    catalog: dict[str, tuple[str, int]]  # doc id -> (status, chunks)
    ids: list[str]  # point ids
    file_ids: list[str]  # their file ids
    texts: dict[str, str]  # point id -> chunk text
    vault: dict[str, int]  # entity type -> entries (surrogate numbers 1..n)


def index_state(home: Path) -> IndexState:
    """Catalog, points and vault, read straight from the home."""
    engine = create_engine(f"sqlite:///{home / 'privrag.db'}")
    try:
        catalog = {r.doc_id: (r.status, r.chunks) for r in Catalog(engine).all()}
        with engine.connect() as conn:
            vault = dict(
                conn.execute(
                    text("SELECT entity_type, MAX(seq) FROM vault_entries GROUP BY entity_type")
                ).all()
            )
            assert sum(vault.values()) == conn.execute(text("SELECT COUNT(*) FROM vault_entries")).scalar()
    finally:
        engine.dispose()
    with EdgeVectorStore(home / "store") as store:
        nodes = store.get_nodes()
        assert store.count() == len(nodes)
    return IndexState(
        catalog,
        [n.node_id for n in nodes],
        [n.metadata["file_id"] for n in nodes],
        {n.node_id: n.get_content() for n in nodes},
        vault,
    )


def test_kill_9_at_random_moments_then_rerun_equals_an_uninterrupted_run(
    tmp_path: Path, make_container: Callable[..., Container]
) -> None:
    seed = int(os.environ.get("PRIVRAG_TEST_SEED", time.time_ns() % 10_000))
    rng = random.Random(seed)
    corpus = tmp_path / "corpus"
    make_corpus(corpus, seed)
    home = tmp_path / "home"

    # Kill while the first batch is in flight, then twice at random points further on.
    moments = [(0, rng.uniform(0.0, 0.3)), (rng.randint(2, 9), rng.uniform(0.0, 0.5))]
    moments.append((rng.randint(2, 9), rng.uniform(0.0, 0.5)))
    outcomes = [run_and_kill(corpus, home, files_done, delay) for files_done, delay in moments]
    context = f"seed {seed}: {outcomes}"
    print(context)

    final = subprocess.run(
        ingest_command(corpus, home), env=environment(), cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert final.returncode == 0, f"{context}\n{final.stderr[-2000:]}"
    report = json.loads(final.stdout)
    assert report["files"] == FILES and not report["failed"], context
    assert report["ingested"] + report["unchanged"] == FILES, context

    reference_home = tmp_path / "reference"
    reference = make_container(reference_home)
    expected = reference.ingestor.run([corpus])
    assert expected.ingested == FILES
    reference.close()

    state, ref = index_state(home), index_state(reference_home)
    assert state.catalog == ref.catalog, context  # same documents, all ok, same chunks each
    assert all(status == OK for status, _ in state.catalog.values())
    assert len(state.ids) == len(set(state.ids)) == sum(chunks for _, chunks in state.catalog.values()), (
        context
    )  # no duplicates
    assert set(state.ids) == set(ref.ids), context  # the same point ids
    assert set(state.file_ids) <= set(state.catalog), context  # no orphans
    # the same text in every chunk, surrogate numbers included, and the same vault entries
    assert state.texts == ref.texts, context
    assert state.vault == ref.vault, context
    assert {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER"} <= set(ref.vault), ref.vault
    everything = "\n".join(state.texts.values())
    for _, email, phone in PEOPLE:
        assert email not in everything and phone not in everything, context
