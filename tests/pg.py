"""A fresh PostgreSQL database per test, on the server at ``PRIVRAG_TEST_POSTGRES_URL``.

``.ci/run`` starts a throwaway server. The URL names a database the tests may connect to
(``postgresql+psycopg://user@host:port/db``) on a server where that user may create databases. Each test
gets its own database, dropped afterwards. When the server cannot be reached the tests that need it fail
under ``CI=true`` and are skipped with the reason otherwise.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

ENV = "PRIVRAG_TEST_POSTGRES_URL"


def unavailable(reason: str) -> None:
    """Fail in CI (the server is part of the test set-up there), skip with the reason elsewhere."""
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(f"PostgreSQL tests: {reason} (CI=true: .ci/run must provide the server)")
    pytest.skip(f"PostgreSQL tests: {reason}; run .ci/run, or set {ENV} to a server's URL")


def admin_url() -> str:
    url = os.environ.get(ENV, "")
    if not url:
        unavailable(f"{ENV} is not set")
    return url


@contextmanager
def fresh_database() -> Iterator[str]:
    """The URL of a new, empty database (with its password), dropped when the block ends."""
    admin = make_url(admin_url())
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    name = f"privrag_test_{uuid.uuid4().hex[:12]}"
    try:
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except SQLAlchemyError as exc:
        engine.dispose()
        unavailable(f"cannot create a database at {admin.render_as_string(hide_password=True)}: {exc}")
    try:
        yield admin.set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()
