"""The attacker's harness: a real `privrag` service on a loopback port, documents in two groups, users of
every role in each. Attack tests talk to it over HTTP only, as an insider with a browser or curl would
(``container`` and ``home`` are there to check what ended up on disk, as one with a copy of the home would).

Group ``hr`` holds the hr sample documents and a personnel file full of identifiers; group ``eng`` holds the
policies and runbooks. Each test module gets its own service over its own copy of one home ingested once per
session (attacks change state: erasure, users).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.conftest import SAMPLE, TEST_PASSWORD, make_settings
from tests.service_thread import serving

HR_SAMPLE = [
    "hr_memo_parental_leave.txt",
    "email_contractor_bank_details.txt",
    "email_new_hire_onboarding.txt",
]

# A personnel file that only group hr may read: every value here is fake but well-formed.
PERSONNEL_FILE = """Personnel record: disciplinary follow-up

Employee: Margaret Okonkwo-Hale
SSN: 536-80-4398
E-mail: margaret.okonkwo@northwind-analytics.com
Phone: +1 415 555 0173
Corporate card: 4111 1111 1111 1111

Margaret Okonkwo-Hale received a written warning on 3 March 2025 after repeated late filings.
Her manager, Dmitri Vasquez-Lindqvist (dmitri.vl@northwind-analytics.com, SSN 219-09-9999), will review
the case in June.
"""

# The raw values of the personnel file: none may ever reach a user outside hr, nor the home in clear.
HR_SECRETS = [
    "Margaret Okonkwo-Hale",
    "536-80-4398",
    "margaret.okonkwo@northwind-analytics.com",
    "+1 415 555 0173",
    "4111 1111 1111 1111",
    "Dmitri Vasquez-Lindqvist",
    "dmitri.vl@northwind-analytics.com",
    "219-09-9999",
]

# name -> (role, groups): one user of each role in each group.
USERS: dict[str, tuple[str, list[str]]] = {
    "hr_employee": ("employee", ["hr"]),
    "eng_employee": ("employee", ["eng"]),
    "eng_evaluator": ("evaluator", ["eng"]),
    "hr_evaluator": ("evaluator", ["hr"]),
    "eng_officer": ("privacy_officer", ["eng"]),
    "hr_officer": ("privacy_officer", ["hr"]),
    "boss": ("admin", ["all"]),
}


@dataclass
class PrivacyService:
    """A running service: its URL, the container behind it (for checks of what is on disk) and its users."""

    url: str
    container: object
    home: Path
    docs: Path
    tokens: dict[str, str] = field(default_factory=dict)

    def client(self, user: str | None = None) -> httpx.Client:
        """An HTTP client, logged in as ``user`` (through /v1/auth/login) unless None."""
        headers = {}
        if user is not None:
            if user not in self.tokens:
                self.tokens[user] = self.login(user, TEST_PASSWORD)
            headers["Authorization"] = f"Bearer {self.tokens[user]}"
        return httpx.Client(base_url=self.url, headers=headers, timeout=120)

    def login(self, user: str, password: str) -> str:
        with httpx.Client(base_url=self.url, timeout=60) as anonymous:
            response = anonymous.post("/v1/auth/login", json={"username": user, "password": password})
        response.raise_for_status()
        return str(response.json()["token"])


def build_home(home: Path, model: Path, **overrides: object) -> Path:
    """Ingest the two groups' documents into ``home`` and add the users; returns the documents' folder.
    The container is closed again: a home is copied per module (one ingestion per session)."""
    from app.container import Container

    docs = home.parent / f"{home.name}-docs"
    (docs / "hr").mkdir(parents=True)
    (docs / "eng").mkdir(parents=True)
    for path in SAMPLE.iterdir():
        if path.is_file() and path.name not in (".privragignore", "questions.jsonl"):
            shutil.copy(path, docs / ("hr" if path.name in HR_SAMPLE else "eng") / path.name)
    (docs / "hr" / "personnel_record.txt").write_text(PERSONNEL_FILE)
    container = Container(_settings(home, docs, model, **overrides))
    try:
        for group in ("hr", "eng"):
            report = container.ingestor.run([docs / group], groups=[group])
            assert not report.failed, report.failed
        for name, (role, groups) in USERS.items():
            container.users.add(name, role, groups, TEST_PASSWORD)
    finally:
        container.close()
    return docs


def _settings(home: Path, docs: Path, model: Path, **overrides: object):  # type: ignore[no-untyped-def]
    settings = make_settings(home, model, **overrides)
    settings.ingest.allowed_roots = [*settings.ingest.allowed_roots, str(docs)]
    return settings


def start_service(home: Path, docs: Path, model: Path, **overrides: object) -> Iterator[PrivacyService]:
    """Serve the home (built by ``build_home``) on a free loopback port, until the generator is closed.
    Don't change the files under ``docs``: the homes of all modules share them (copy what you change)."""
    from app.container import Container
    from app.service import create_app

    container = Container(_settings(home, docs, model, **overrides))
    app = create_app(container)
    try:
        with serving(app) as url:
            yield PrivacyService(url=url, container=container, home=home, docs=docs)
    finally:
        app.state.service.eval_jobs.wait(600)  # a guard against a hung job at teardown
        container.close()


@dataclass(frozen=True)
class Template:
    home: Path
    docs: Path


@pytest.fixture(scope="session")
def privacy_template(tmp_path_factory: pytest.TempPathFactory, tiny_gguf: Path) -> Template:
    """The two groups' documents ingested once per session, users added; copied by each module's service."""
    home = tmp_path_factory.mktemp("privacy-template") / "home"
    return Template(home=home, docs=build_home(home, tiny_gguf))


@pytest.fixture(scope="module")
def service(
    tmp_path_factory: pytest.TempPathFactory, tiny_gguf: Path, privacy_template: Template
) -> Iterator[PrivacyService]:
    """A fresh service over a fresh copy of the template home, for one attack module."""
    home = tmp_path_factory.mktemp("privacy") / "home"
    shutil.copytree(privacy_template.home, home)
    yield from start_service(home, privacy_template.docs, tiny_gguf)


@pytest.fixture
def hr_secrets() -> list[str]:
    return list(HR_SECRETS)
