"""In a real browser: a directory (LDAP) user logs in with their directory password and gets answers from
their directory groups' documents only. Runs `privrag up` on a fresh home whose config points at the test
slapd (tests/ldap.py); skipped outside CI when Chromium or slapd is missing, failing under CI=true."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from app.client import ServiceClient
from tests.browser.stack import Stack, citation_unchecked, log_in, require_chromium, running_stack, shot
from tests.ldap import PASSWORDS, Tree, ldap_tree, ldap_url  # noqa: F401 (fixtures)

pytestmark = pytest.mark.slow_file(120)  # `privrag up` with a directory, and a browser

require_chromium()

JOB_GUARD_SECONDS = 600  # a guard against a hung job, not a speed check
HR_DOC = (
    "parental_leave_hr.md",
    "# Parental leave\n\nEvery parent at Orbitron gets sixteen weeks of fully paid parental leave, "
    "requested with HR form PL-7.\n",
)
ENG_DOC = (
    "deploy_freeze_eng.md",
    "# Deploy freeze\n\nNo production deploy after Thursday noon, not even for parental leave cover; "
    "the release train leaves on Tuesday.\n",
)


@pytest.fixture
def directory_stack(
    tmp_path: Path,
    tiny_gguf: Path,
    ldap_tree: Tree,  # noqa: F811
) -> Iterator[Stack]:
    """`privrag up` on a home with an hr and an eng document, logging users in through the test directory."""
    home = tmp_path / "home"
    home.mkdir()
    (home / "privrag.toml").write_text(ldap_tree.auth_toml())
    # The product's grounding defaults: a draft SmolLM2 does not support from its sources is withheld and the
    # closest passage is shown; either way the source shown must be the user's own group's document.
    env = {"PRIVRAG_INGEST__ALLOWED_ROOTS": json.dumps([str(tmp_path)])}
    with running_stack(home, tiny_gguf, env) as stack:
        service = ServiceClient(stack.service_url, token=stack.cli_token)
        for group, (name, text) in (("hr", HR_DOC), ("eng", ENG_DOC)):
            folder = tmp_path / group
            folder.mkdir()
            (folder / name).write_text(text)
            job = service.ingest([str(folder)], [group])
            deadline = time.monotonic() + JOB_GUARD_SECONDS
            while (job := service.job(job["id"]))["status"] in ("queued", "running"):
                assert time.monotonic() < deadline, "the ingestion job did not end"
                time.sleep(1)
            assert job["status"] == "done" and job["report"]["ingested"] == 1, job
        yield stack


def ask(on: Page, question: str, turn: int) -> str:
    box = on.get_by_placeholder("Ask a question about your documents")
    box.fill(question)
    box.press("Enter")
    messages = on.locator("[data-testid=stChatMessage]")
    expect(messages).to_have_count(2 * turn)
    answer = messages.nth(2 * turn - 1)
    expect(answer.locator("[data-testid=stFeedback], [data-testid=stButtonGroup]").first).to_be_visible()
    return answer.inner_text()


def test_a_directory_user_gets_answers_from_their_directory_groups_only(
    directory_stack: Stack, page: Page
) -> None:
    log_in(page, directory_stack.ui_url, "alice", PASSWORDS["alice"])  # hr in the directory
    expect(page.get_by_role("heading", name="Chat")).to_be_visible()
    own = ask(page, "How many weeks of parental leave does a parent get?", 1)
    other = ask(page, "When is the deploy freeze, and when does the release train leave?", 2)
    shot(page, "directory-user-chat.png")
    assert ENG_DOC[0] not in own + other
    assert "Thursday" not in other and "Tuesday" not in other  # only in the eng document
    if not directory_stack.cites:
        citation_unchecked()
    assert HR_DOC[0] in own
