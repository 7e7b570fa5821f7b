"""Readiness of the parts a service needs: the store, the database, the chat model and the directory.

``/healthz`` only says the process answers; ``/readyz`` runs these checks and is 503 (naming the parts that
failed) while any of them fails, as load balancers and Kubernetes readiness probes expect.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import httpx
from sqlalchemy import text

from app.container import Container
from app.directory import Directory

CHECK_TIMEOUT = 3.0


@dataclass(frozen=True)
class Check:
    ok: bool
    detail: str


@dataclass(frozen=True)
class Readiness:
    ready: bool
    checks: dict[str, Check]

    @property
    def failed(self) -> list[str]:
        return [name for name, check in self.checks.items() if not check.ok]

    def to_json(self) -> dict:
        return {
            "ready": self.ready,
            "failed": self.failed,
            "checks": {name: asdict(check) for name, check in self.checks.items()},
        }


def _error(exc: Exception) -> Check:
    return Check(False, f"{type(exc).__name__}: {str(exc)[:300]}")


def check_database(container: Container) -> Check:
    try:
        with container.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        return _error(exc)
    return Check(True, container.engine.dialect.name)


def check_store(container: Container) -> Check:
    try:
        chunks = container.vector_store.count()
    except Exception as exc:
        return _error(exc)
    return Check(True, f"{container.settings.store.backend}: {chunks} chunks")


def check_model(container: Container) -> Check:
    """The GGUF file is there (loading it is the first answer's job), or the OpenAI-compatible server
    answers."""
    llm = container.settings.llm
    if llm.backend == "openai":
        base = llm.url.rstrip("/")
        url = base + ("/models" if base.endswith("/v1") else "/v1/models")
        key = llm.api_key.get_secret_value()
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        try:
            status = httpx.get(url, headers=headers, timeout=CHECK_TIMEOUT).status_code
        except httpx.HTTPError as exc:
            return _error(exc)
        return Check(status < 500, f"{url}: HTTP {status}")
    path = container.chat_model_path()
    if not path.is_file() or path.stat().st_size == 0:
        return Check(False, f"chat model {path} does not exist: run `privrag setup`")
    return Check(True, path.name)


def check_directory(directory: Directory | None) -> Check:
    if directory is None:
        return Check(True, "not configured (local users only)")
    try:
        directory.ping()
    except Exception as exc:
        return _error(exc)
    return Check(True, directory.where())


def readiness(container: Container, directory: Directory | None) -> Readiness:
    checks = {
        "store": check_store(container),
        "database": check_database(container),
        "model": check_model(container),
        "directory": check_directory(directory),
    }
    return Readiness(all(c.ok for c in checks.values()), checks)
