"""HTTP client of the service, used by the CLI and the web UI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx


class ServiceError(RuntimeError):
    """The service answered with an error; the message is the service's own explanation."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _raise_for(response: httpx.Response) -> None:
    if response.is_success:
        return
    try:
        detail = response.json().get("detail", response.text)
    except ValueError:
        detail = response.text
    if isinstance(detail, list):  # pydantic validation errors
        detail = "; ".join(f"{'.'.join(map(str, d.get('loc', [])[1:]))}: {d.get('msg')}" for d in detail)
    raise ServiceError(response.status_code, str(detail))


class ServiceClient:
    def __init__(
        self, base_url: str, token: str | None = None, act_as: str | None = None, timeout: float = 600
    ):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.act_as = act_as
        self._http = httpx.Client(base_url=self.base_url, timeout=timeout)

    def _headers(self) -> dict[str, str]:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        if self.act_as:
            headers["X-Privrag-User"] = self.act_as
        return headers

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        headers = {**self._headers(), **(kwargs.pop("headers", None) or {})}
        response = self._http.request(method, path, headers=headers, **kwargs)
        _raise_for(response)
        return response.json()

    def request_status(self, method: str, path: str) -> int:
        """The HTTP status of a request (0 when the service cannot be reached); nothing is raised."""
        try:
            return self._http.request(method, path, headers=self._headers(), timeout=10).status_code
        except httpx.HTTPError:
            return 0

    def close(self) -> None:
        self._http.close()

    def healthy(self) -> bool:
        try:
            return self._http.get("/healthz", timeout=2).is_success
        except httpx.HTTPError:
            return False

    def login(self, username: str, password: str, client_address: str | None = None) -> dict:
        """Log in; ``client_address``: the browser's address, when a front end (the web UI) logs in for it
        (sent as ``X-Forwarded-For``, which the service trusts from its own host only)."""
        headers = {"X-Forwarded-For": client_address} if client_address else None
        result = self.request(
            "POST", "/v1/auth/login", json={"username": username, "password": password}, headers=headers
        )
        self.token = result["token"]
        return result

    def logout(self) -> None:
        self.request("POST", "/v1/auth/logout")
        self.token = None

    def ask_stream(
        self,
        question: str,
        reveal: bool = False,
        conversation_id: str | None = None,
        wait: float | None = None,
    ) -> Iterator[dict]:
        """The answer's events as they come; ``wait``: seconds allowed between two events (default: the
        client's timeout)."""
        body = {"question": question, "reveal": reveal, "stream": True, "conversation_id": conversation_id}
        limit = httpx.Timeout(wait, connect=10.0) if wait else self._http.timeout
        with self._http.stream(
            "POST", "/v1/ask", json=body, headers=self._headers(), timeout=limit
        ) as response:
            if not response.is_success:
                response.read()
                _raise_for(response)
            for line in response.iter_lines():
                if line.strip():
                    yield json.loads(line)

    def ask(self, question: str, reveal: bool = False) -> dict:
        return self.request("POST", "/v1/ask", json={"question": question, "reveal": reveal})

    def ingest(self, paths: list[str], groups: list[str], sync: bool = False) -> dict:
        return self.request("POST", "/v1/ingest", json={"paths": paths, "groups": groups, "sync": sync})

    def job(self, job_id: str) -> dict:
        return self.request("GET", f"/v1/jobs/{job_id}")

    def jobs(self) -> list[dict]:
        return self.request("GET", "/v1/jobs")

    def documents(self) -> list[dict]:
        return self.request("GET", "/v1/documents")

    def delete(self, doc: str) -> dict:
        return self.request("DELETE", "/v1/documents", params={"doc": doc})

    def erase(self, value: str, entity_type: str | None = None) -> dict:
        return self.request("POST", "/v1/erase", json={"value": value, "type": entity_type})

    def leakage(self, values: list[str] | None = None) -> dict:
        return self.request("POST", "/v1/leakage", json={"values": values})

    def users(self) -> list[dict]:
        return self.request("GET", "/v1/users")

    def add_user(self, name: str, role: str, groups: list[str], password: str) -> dict:
        body = {"name": name, "role": role, "groups": groups, "password": password}
        return self.request("POST", "/v1/users", json=body)

    def change_user(
        self, name: str, role: str | None = None, groups: list[str] | None = None, password: str | None = None
    ) -> dict:
        body = {"role": role, "groups": groups, "password": password}
        return self.request("PATCH", f"/v1/users/{name}", json=body)

    def remove_user(self, name: str) -> dict:
        return self.request("DELETE", f"/v1/users/{name}")

    def issue_token(
        self,
        user: str | None = None,
        expires_in: int | None = None,
        scope: list[str] | None = None,
        password: str | None = None,
    ) -> dict:
        """A new API token: capped by this client's own token unless ``password`` (the caller's) is given."""
        body = {"user": user, "expires_in": expires_in, "scope": scope, "password": password}
        return self.request("POST", "/v1/tokens", json={k: v for k, v in body.items() if v is not None})

    def tokens(self, user: str | None = None) -> list[dict]:
        return self.request("GET", "/v1/tokens", params={"owner": user} if user else None)

    def revoke_token(self, token_id: str, user: str | None = None) -> dict:
        return self.request("DELETE", f"/v1/tokens/{token_id}", params={"owner": user} if user else None)

    def audit_verify(self) -> dict:
        return self.request("GET", "/v1/audit/verify")

    def audit_unusual(self) -> dict:
        return self.request("GET", "/v1/audit/unusual")

    def audit_rows(self, limit: int = 100) -> list[dict]:
        return self.request("GET", "/v1/audit", params={"limit": limit})

    def conversations(self) -> list[dict]:
        return self.request("GET", "/v1/conversations")

    def create_conversation(self, title: str = "") -> dict:
        return self.request("POST", "/v1/conversations", json={"title": title})

    def conversation(self, conversation_id: str, reveal: bool = False) -> dict:
        return self.request("GET", f"/v1/conversations/{conversation_id}", params={"reveal": reveal})

    def feedback(self, question: str, answer: str, rating: str, comment: str = "", **extra: Any) -> dict:
        body = {"question": question, "answer": answer, "rating": rating, "comment": comment, **extra}
        return self.request("POST", "/v1/feedback", json=body)

    def upload(self, files: list[tuple[str, bytes]], groups: list[str]) -> dict:
        """Upload documents (name, content) and start their ingestion job."""
        parts = [("files", (name, content, "application/octet-stream")) for name, content in files]
        return self.request("POST", "/v1/ingest/upload", files=parts, data={"groups": ",".join(groups)})

    def privacy_stats(self) -> dict:
        return self.request("GET", "/v1/privacy/stats")

    def report_runs(self) -> list[dict]:
        return self.request("GET", "/v1/eval/reports")

    def report(self, kind: str, run: str) -> dict:
        return self.request("GET", f"/v1/eval/reports/{kind}/{run}")

    def report_chart(self, kind: str, run: str, name: str) -> bytes:
        response = self._http.get(f"/v1/eval/reports/{kind}/{run}/{name}", headers=self._headers())
        _raise_for(response)
        return response.content

    def start_eval(self, kind: str, dataset: str, **options: Any) -> dict:
        """Start a benchmark run (retrieval, pii, rag) on the server; returns its job."""
        return self.request("POST", f"/v1/eval/{kind}", json={"dataset": dataset, **options})

    def eval_job(self, job_id: str) -> dict:
        return self.request("GET", f"/v1/eval/jobs/{job_id}")

    def eval_jobs(self) -> list[dict]:
        return self.request("GET", "/v1/eval/jobs")


def service_file(home: Path) -> Path:
    return home / "service.json"


def find_service(home: Path) -> ServiceClient | None:
    """A client for the service running on this home, authenticated with the local CLI token, or None."""
    info_path = service_file(home)
    if not info_path.exists():
        return None
    try:
        info = json.loads(info_path.read_text())
    except (OSError, ValueError):
        return None
    token_path = home / "keys" / "cli.token"
    token = token_path.read_text().strip() if token_path.exists() else None
    client = ServiceClient(info["url"], token=token)
    return client if client.healthy() else None
