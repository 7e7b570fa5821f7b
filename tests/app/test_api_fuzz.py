"""Fuzzing the service's API from its own OpenAPI spec (schemathesis): no request may cause a 5xx, and every
success body matches its response schema (some routes' 422s carry a string detail)."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error, response_schema_conformance

from app.container import Container
from app.service import create_app
from tests.conftest import make_settings

_state: dict = {}


def _app():  # type: ignore[no-untyped-def]
    """One service over its own temporary home (uploads and ingestion confined to it)."""
    if "app" not in _state:
        import tempfile

        from tests.conftest import _tiny_gguf_path

        home = Path(tempfile.mkdtemp(prefix="privrag-fuzz-"))
        settings_ = make_settings(home, _tiny_gguf_path(home))
        settings_.ingest.allowed_roots = [str(home / "docs")]
        (home / "docs").mkdir()
        (home / "docs" / "note.md").write_text("Fuzzing notes: the office opens at 9.\n")
        container = Container(settings_)
        container.users.add("fuzzer", "admin", ["all"], "fuzz-password")
        _state["token"] = container.users.issue_token("fuzzer", kind="api")
        _state["container"] = container
        _state["app"] = create_app(container)
    return _state["app"]


def success_schema_conformance(ctx, response, case):  # type: ignore[no-untyped-def]
    """The response model's schema, on 2xx bodies."""
    if 200 <= response.status_code < 300:
        return response_schema_conformance(ctx, response, case)
    return None


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@pytest.fixture(scope="module", autouse=True)
def _close() -> None:
    yield
    if "container" in _state:
        _state["container"].close()


@schema.exclude(path="/v1/auth/logout").parametrize()
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case) -> None:  # type: ignore[no-untyped-def]
    headers = {"Authorization": f"Bearer {_state['token']}"}
    case.call_and_validate(
        headers=headers, checks=[not_a_server_error, success_schema_conformance], timeout=120
    )
