"""Several processes appending to one audit log at once: the hash chain stays whole, no row is lost.

Writers are separate Python processes (as service replicas and CLI commands are), on PostgreSQL (advisory
lock) and on SQLite (``BEGIN IMMEDIATE``).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

from app.db import lock_key, make_engine
from app.migrations import upgrade
from app.stores.audit import AuditLog

ROOT = Path(__file__).resolve().parents[2]
WRITERS = 4
ROWS_EACH = 30
KEY = b"audit-test-key".ljust(32, b"\0")  # the chain's HMAC key, the same in every writer process

WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from app.stores.audit import AuditLog
    from app.db import make_engine

    url, name, rows, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
    log = AuditLog(make_engine(url), bytes.fromhex(sys.argv[5]))
    while not go.exists():  # start together, so the appends really interleave
        time.sleep(0.01)
    for i in range(rows):
        log.record(name, "question", n=i)
    """
)


def _append_concurrently(url: str, tmp_path: Path) -> None:
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, url, f"writer{n}", str(ROWS_EACH), str(go), KEY.hex()], cwd=ROOT
        )
        for n in range(WRITERS)
    ]
    time.sleep(1.0)  # let them import and connect; correctness does not depend on this
    go.touch()
    assert [p.wait(timeout=120) for p in procs] == [0] * WRITERS


def _check(url: str) -> None:
    audit = AuditLog(make_engine(url), KEY)
    result = audit.verify()
    assert (result.ok, result.rows, result.first_bad_row) == (True, WRITERS * ROWS_EACH, None)
    rows = audit.rows()
    for n in range(WRITERS):
        assert sum(r["actor"] == f"writer{n}" for r in rows) == ROWS_EACH


def test_concurrent_writers_keep_the_chain_on_postgres(pg_url: str, tmp_path: Path) -> None:
    _append_concurrently(pg_url, tmp_path)
    _check(pg_url)


def test_concurrent_writers_keep_the_chain_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'privrag.db'}"
    _append_concurrently(url, tmp_path)
    _check(url)


def test_lock_keys_are_stable_signed_64_bit() -> None:
    assert lock_key("audit_log") == lock_key("audit_log") != lock_key("privrag-migrations")
    assert -(2**63) <= lock_key("audit_log") < 2**63


def test_serialized_writers_on_sqlite_commit_normally(tmp_path: Path) -> None:
    log = AuditLog(make_engine(f"sqlite:///{tmp_path / 'a.db'}"), KEY)
    log.record("alice", "login")
    log.record("alice", "logout")
    assert (log.verify().ok, log.verify().rows) == (True, 2)
