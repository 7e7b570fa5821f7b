"""The offline environment: set in one place (anonymize/offline.py) for the product and the tests."""

from __future__ import annotations

import os
from pathlib import Path

from anonymize.offline import OFFLINE_ENVIRONMENT, go_offline

ROOT = Path(__file__).resolve().parents[2]


def test_every_variable_is_set_and_a_value_already_there_is_kept_unless_forced() -> None:
    environ = {"HF_HUB_OFFLINE": "0", "PATH": "/bin"}
    go_offline(environ)
    assert environ == {**OFFLINE_ENVIRONMENT, "HF_HUB_OFFLINE": "0", "PATH": "/bin"}
    go_offline(environ, force=True)
    assert environ == {**OFFLINE_ENVIRONMENT, "PATH": "/bin"}


def test_the_suite_runs_offline() -> None:
    assert {key: os.environ.get(key) for key in OFFLINE_ENVIRONMENT} == OFFLINE_ENVIRONMENT


def test_no_other_source_file_sets_the_offline_variables() -> None:
    setters = []
    for package in ("anonymize", "ingest", "retrieval", "app", "eval", "tests"):
        for path in (ROOT / package).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            if path.name != "offline.py" and path.name != Path(__file__).name:
                setters += [f"{path.relative_to(ROOT)}: {k}" for k in OFFLINE_ENVIRONMENT if f'"{k}"' in text]
    assert setters == []
