"""Two `privrag serve` processes on one PostgreSQL: users, audit and feedback written through both at once.

Each replica has its own home (its own embedded store: these calls need none); everything they share lives in
the database. Afterwards the audit chain verifies, and every user, feedback row and audit row is there.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from app.db import make_engine
from app.migrations import upgrade
from app.stores.users import UserStore
from tests.service_thread import free_port

ROOT = Path(__file__).resolve().parents[2]
PRIVRAG = Path(sys.executable).parent / "privrag"
WORKERS_PER_REPLICA = 2
ROUNDS = 4
PASSWORD = "replica-test-password"


def _wait_healthy(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 180  # start-up on a busy machine; not a performance check
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"replica exited with {proc.returncode}: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    pytest.fail(f"replica at {url} did not start: {log.read_text()[-2000:]}")


@pytest.fixture
def replicas(pg_url: str, tmp_path: Path) -> Iterator[list[str]]:
    engine = make_engine(pg_url)
    upgrade(engine)
    UserStore(engine).add("admin", "admin", [], PASSWORD)
    engine.dispose()
    env = {
        **os.environ,
        "PRIVRAG_DATABASE__URL": pg_url,
        "PRIVRAG_ANONYMIZE__ENABLED": "false",  # no spaCy per replica: the vault has its own PostgreSQL test
        "PRIVRAG_SERVICE__LOGINS_PER_MINUTE": "0",
        "PRIVRAG_SERVICE__CHAT_PER_MINUTE": "0",
        # One audit chain in the shared database: every replica signs it with the same key.
        "PRIVRAG_AUDIT__KEY_FILE": str(tmp_path / "shared-keys" / "audit.key"),
    }
    procs, urls = [], []
    try:
        for n in range(2):
            port = free_port()
            log = tmp_path / f"replica{n}.log"
            home = tmp_path / f"home{n}"
            cmd = [str(PRIVRAG), "serve", "--home", str(home), "--host", "127.0.0.1", "--port", str(port)]
            with log.open("w") as out:
                procs.append(subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT))
            urls.append(f"http://127.0.0.1:{port}")
        for url, proc, n in zip(urls, procs, range(2), strict=True):
            _wait_healthy(url, proc, tmp_path / f"replica{n}.log")
        yield urls
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


def _login(client: httpx.Client, name: str) -> dict[str, str]:
    response = client.post("/v1/auth/login", json={"username": name, "password": PASSWORD})
    response.raise_for_status()
    return {"Authorization": f"Bearer {response.json()['token']}"}


def _work(url: str, worker: str) -> None:
    """As one client of one replica: add users, log them in, send feedback as them."""
    with httpx.Client(base_url=url, timeout=60) as client:
        admin = _login(client, "admin")
        for i in range(ROUNDS):
            name = f"{worker}-u{i}"
            body = {"name": name, "role": "employee", "groups": ["g"], "password": PASSWORD}
            client.post("/v1/users", json=body, headers=admin).raise_for_status()
            user = _login(client, name)
            feedback = {"question": f"q {name}", "answer": "a", "rating": "up", "comment": worker}
            client.post("/v1/feedback", json=feedback, headers=user).raise_for_status()


def test_two_replicas_on_one_database_lose_nothing(replicas: list[str]) -> None:
    workers = [(url, f"r{n}w{w}") for n, url in enumerate(replicas) for w in range(WORKERS_PER_REPLICA)]
    with ThreadPoolExecutor(len(workers)) as pool:
        for future in [pool.submit(_work, url, worker) for url, worker in workers]:
            future.result()

    per_worker = ROUNDS * 3 + 1  # admin login; per round: user_added, login, feedback
    with httpx.Client(base_url=replicas[1], timeout=60) as client:
        admin = _login(client, "admin")
        verify = client.get("/v1/audit/verify", headers=admin).json()
        rows = len(workers) * per_worker + 1
        assert verify == {
            "ok": True,
            "rows": rows,
            "first_bad_row": None,
            "reason": None,
            "keyed_rows": rows,  # every row signed with the one shared key
            "head_id": verify["head_id"],
        }
        users = {u["name"] for u in client.get("/v1/users", headers=admin).json()}
        assert users == {"admin"} | {f"{w}-u{i}" for _, w in workers for i in range(ROUNDS)}
        feedback = client.get("/v1/feedback", params={"limit": 1000}, headers=admin).json()
        assert sorted(f["user"] for f in feedback) == sorted(
            f"{w}-u{i}" for _, w in workers for i in range(ROUNDS)
        )
    with httpx.Client(base_url=replicas[0], timeout=60) as client:  # the other replica sees the same
        admin = _login(client, "admin")
        assert client.get("/v1/audit/verify", headers=admin).json()["rows"] == len(workers) * per_worker + 2
