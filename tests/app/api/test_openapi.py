"""Every route of the service documents its response: /openapi.json has a schema for each success body."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.service import ROUTERS

METHODS = {"get", "post", "put", "patch", "delete"}

ROUTES = {  # every route the CLI's client, the UI and operators call (CONTRACT.md): none lost, none renamed
    ("DELETE", "/v1/documents"),
    ("DELETE", "/v1/tokens/{token_id}"),
    ("DELETE", "/v1/users/{name}"),
    ("GET", "/healthz"),
    ("GET", "/metrics"),
    ("GET", "/readyz"),
    ("GET", "/v1/audit"),
    ("GET", "/v1/audit/unusual"),
    ("GET", "/v1/audit/verify"),
    ("GET", "/v1/conversations"),
    ("GET", "/v1/conversations/{conversation_id}"),
    ("GET", "/v1/documents"),
    ("GET", "/v1/eval/jobs"),
    ("GET", "/v1/eval/jobs/{job_id}"),
    ("GET", "/v1/eval/reports"),
    ("GET", "/v1/eval/reports/{kind}/{run}"),
    ("GET", "/v1/eval/reports/{kind}/{run}/{name}"),
    ("GET", "/v1/feedback"),
    ("GET", "/v1/jobs"),
    ("GET", "/v1/jobs/{job_id}"),
    ("GET", "/v1/me"),
    ("GET", "/v1/privacy/stats"),
    ("GET", "/v1/tokens"),
    ("GET", "/v1/users"),
    ("PATCH", "/v1/users/{name}"),
    ("POST", "/v1/ask"),
    ("POST", "/v1/auth/login"),
    ("POST", "/v1/auth/logout"),
    ("POST", "/v1/chat/completions"),
    ("POST", "/v1/conversations"),
    ("POST", "/v1/erase"),
    ("POST", "/v1/eval/{kind}"),
    ("POST", "/v1/feedback"),
    ("POST", "/v1/ingest"),
    ("POST", "/v1/ingest/upload"),
    ("POST", "/v1/leakage"),
    ("POST", "/v1/tokens"),
    ("POST", "/v1/users"),
}


@pytest.fixture(scope="module")
def client() -> TestClient:
    """The service's routers, as ``create_app`` includes them (the schema needs no home behind them)."""
    app = FastAPI(title="privrag")
    for module in ROUTERS:
        app.include_router(module.router)
    return TestClient(app)


def success_schemas(operation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Media type -> schema of the operation's 2xx responses."""
    found: dict[str, dict[str, Any]] = {}
    for status, response in operation.get("responses", {}).items():
        if status.startswith("2"):
            for media, content in response.get("content", {}).items():
                found[media] = content.get("schema") or {}
    return found


def test_every_route_has_a_response_schema(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    components = spec.get("components", {}).get("schemas", {})
    missing = []
    routes = set()
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            routes.add((method.upper(), path))
            schemas = success_schemas(operation)
            if not schemas or not all(schemas.values()):
                missing.append(f"{method.upper()} {path}: {schemas or 'no 2xx content'}")
            for schema in schemas.values():  # a reference points at a schema that exists
                ref = schema.get("$ref") or schema.get("items", {}).get("$ref", "")
                if ref:
                    assert ref.rsplit("/", 1)[-1] in components, f"{method.upper()} {path}: {ref}"
    assert routes == ROUTES
    assert not missing, "routes without a response schema:\n" + "\n".join(missing)


def test_json_bodies_name_their_fields(client: TestClient) -> None:
    """A JSON response is a documented object (or a list of one), not a bare ``{}`` or ``dict``."""
    spec = client.get("/openapi.json").json()
    components = spec["components"]["schemas"]
    loose = []
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            schema = success_schemas(operation).get("application/json")
            if method not in METHODS or schema is None:
                continue
            ref = schema.get("$ref") or schema.get("items", {}).get("$ref")
            if ref is None or not components[ref.rsplit("/", 1)[-1]].get("properties"):
                loose.append(f"{method.upper()} {path}")
    assert not loose, f"JSON responses without named fields: {loose}"


def test_streams_are_documented(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    ask = success_schemas(paths["/v1/ask"]["post"])
    assert ask["application/json"]["$ref"].endswith("/AnswerOut")
    assert ask["application/x-ndjson"]["title"] == "AskEvent"
    chat = success_schemas(paths["/v1/chat/completions"]["post"])
    assert chat["application/json"]["$ref"].endswith("/ChatCompletion")
    assert "data: [DONE]" in chat["text/event-stream"]["description"]
