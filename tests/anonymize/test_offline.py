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


def test_importing_the_detector_first_leaves_no_extractor_that_downloads() -> None:
    """Session 19: a process that imported ``anonymize.detector`` before anything else (the regression
    recorder, a library user) built tldextract's module extractor with the public suffix list's URLs, before
    the offline environment was set, and reached raw.githubusercontent.com on its first e-mail. The package
    sets the environment on import now."""
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in OFFLINE_ENVIRONMENT}
    code = (
        "import anonymize.detector, tldextract; print(tldextract.tldextract.TLD_EXTRACTOR.suffix_list_urls)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "()"
