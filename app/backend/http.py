"""The ``Backend`` of a running service: every request over HTTP as the CLI's admin (``app/client.py``)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any, Literal, TypeVar

from rich.console import Console

from app.backend.base import SHARD_ALONE, BackendError, IngestRequest
from app.client import ServiceClient, ServiceError

T = TypeVar("T")


def _service_call(call: Callable[[], T]) -> T:
    """``call()``, with the service's refusal (``ServiceError``) as a ``BackendError`` in its own words."""
    try:
        return call()
    except ServiceError as exc:
        raise BackendError(str(exc)) from exc


class HttpBackend:
    """Talks to the service that owns this home's store, database and vault."""

    kind: Literal["service", "local"] = "service"

    def __init__(self, client: ServiceClient, poll_seconds: float = 0.5) -> None:
        self.client = client
        self.poll_seconds = poll_seconds

    def ingest(self, request: IngestRequest) -> dict[str, Any]:
        if request.rebuild:
            raise BackendError("--rebuild: stop the service first (it owns the index), then run this again")
        if request.shard is not None:
            raise BackendError(SHARD_ALONE)
        job = _service_call(lambda: self.client.ingest(request.paths, request.groups, request.sync))
        return self._follow(job["id"], request.quiet)

    def _follow(self, job_id: str, quiet: bool) -> dict[str, Any]:
        """Poll the ingestion job until it ends, its progress on stderr; its report."""
        console = Console(stderr=True)
        while True:
            job = _service_call(lambda: self.client.job(job_id))
            if job["status"] in ("done", "failed"):
                break
            if not quiet:
                eta = job.get("eta_seconds")
                console.print(
                    f"job {job_id}: {job['files_done']}/{job['files_total']} files, {job['chunks']} chunks, "
                    f"{job.get('chunks_per_s', 0.0):.1f} chunks/s"
                    + (f", ETA {eta:.0f} s" if eta is not None else ""),
                    end="\r",
                )
            time.sleep(self.poll_seconds)
        if job["status"] == "failed":
            raise BackendError(f"ingestion job {job_id} failed: {job['error']}")
        report: dict[str, Any] = job["report"]
        return report

    def delete(self, doc: str) -> dict[str, Any]:
        return _service_call(lambda: self.client.delete(doc))

    def ask(self, question: str, user: str | None, reveal: bool) -> Iterator[dict[str, Any]]:
        self.client.act_as = user  # the service checks the user exists and may reveal
        try:
            yield from self.client.ask_stream(question, reveal=reveal)
        except ServiceError as exc:
            raise BackendError(str(exc)) from exc
        finally:
            self.client.act_as = None

    def users(self) -> list[dict[str, Any]]:
        return _service_call(self.client.users)

    def add_user(self, name: str, role: str, groups: list[str], password: str) -> dict[str, Any]:
        return _service_call(lambda: self.client.add_user(name, role, groups, password))

    def change_user(
        self, name: str, role: str | None, groups: list[str] | None, password: str | None
    ) -> dict[str, Any]:
        return _service_call(lambda: self.client.change_user(name, role, groups, password))

    def remove_user(self, name: str) -> dict[str, Any]:
        return _service_call(lambda: self.client.remove_user(name))

    def issue_token(self, name: str) -> dict[str, Any]:
        return _service_call(lambda: self.client.issue_token(name))

    def tokens(self, name: str) -> list[dict[str, Any]]:
        return _service_call(lambda: self.client.tokens(name))

    def revoke_token(self, name: str, token_id: str) -> dict[str, Any]:
        return _service_call(lambda: self.client.revoke_token(token_id, name))

    def audit_verify(self) -> dict[str, Any]:
        return _service_call(self.client.audit_verify)

    def erase(self, value: str, entity_type: str | None) -> dict[str, Any]:
        return _service_call(lambda: self.client.erase(value, entity_type))

    def leakage(self, values: list[str] | None) -> dict[str, Any]:
        return _service_call(lambda: self.client.leakage(values))

    def close(self) -> None:
        self.client.close()
