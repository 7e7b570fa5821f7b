"""Fixtures shared by the service's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.container import Container
from app.service import create_app

EVAL_JOB_GUARD_SECONDS = 600  # a guard against a hung benchmark job at teardown, not a speed check


def serve(container: Container) -> Iterator[TestClient]:
    """The HTTP service over ``container`` (for a fixture to ``yield from``); its jobs stopped afterwards."""
    app = create_app(container)
    with TestClient(app) as test_client:
        yield test_client
    app.state.service.jobs.stop()
    app.state.service.eval_jobs.wait(EVAL_JOB_GUARD_SECONDS)


@pytest.fixture(scope="module")
def client(sample_home: Container) -> Iterator[TestClient]:
    """The HTTP service over the session's sample home, for one test module."""
    yield from serve(sample_home)
