"""End to end in a real browser: Playwright driving Debian's Chromium against `privrag up` on a fresh home
(tests/browser/stack.py). Outside CI the tests skip when /usr/bin/chromium is missing; with CI=true they fail
instead. Screenshots go to tests/_artifacts/screenshots/ (git-ignored); PRIVRAG_SCREENSHOTS=docs/screenshots
refreshes the README's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.stack import (
    PASSWORD,
    ROOT,
    Stack,
    citation_unchecked,
    log_in,
    require_chromium,
    running_stack,
    shot,
)

pytestmark = pytest.mark.slow_file(200)  # `privrag up --sample` and a browser

require_chromium()

EVAL_FIXTURES = ROOT / "tests" / "fixtures" / "eval"
QUESTION = "What is the minimum password length?"


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory, tiny_gguf: Path) -> Iterator[Stack]:
    """`privrag setup` then `privrag up --sample data/sample` on a fresh home, on free ports."""
    home = tmp_path_factory.mktemp("browser_home")
    env = {"PRIVRAG_EVAL__DATASET_ROOTS": json.dumps([str(EVAL_FIXTURES)])}  # the tiny PII benchmark file
    with running_stack(home, tiny_gguf, env, "--sample", "data/sample") as running:
        yield running


def sidebar_links(page: Page) -> list[str]:
    """The page links of the sidebar; Streamlit shows none when a user has a single page."""
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    nav = page.locator("[data-testid=stSidebarNav]")
    if nav.count() == 0:
        return []
    return [t.strip().splitlines()[-1].strip() for t in nav.locator("a").all_inner_texts()]  # after the icon


WATCH_ANSWER = """() => {
  window.__answerTexts = [];
  const seen = () => {
    const messages = document.querySelectorAll('[data-testid="stChatMessage"]');
    if (messages.length < 2) return;
    const text = messages[messages.length - 1].innerText.trim();
    const log = window.__answerTexts;
    if (text && log[log.length - 1] !== text) log.push(text);
  };
  new MutationObserver(seen).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


def test_login_ask_and_see_a_streamed_answer_with_a_citation(stack: Stack, page: Page) -> None:
    log_in(page, stack.ui_url, "admin", stack.admin_password, screenshot="login.png")
    assert sidebar_links(page) == ["Chat", "Admin", "Evaluate"]
    page.evaluate(WATCH_ANSWER)
    box = page.get_by_placeholder("Ask a question about your documents")
    box.fill(QUESTION)
    box.press("Enter")
    messages = page.locator("[data-testid=stChatMessage]")
    expect(messages).to_have_count(2)
    expect(messages.nth(0)).to_contain_text(QUESTION)
    answer = messages.nth(1)
    if stack.cites:
        expect(answer.get_by_text(re.compile(r"^Sources \(\d+\)$"))).to_be_visible()
        expect(answer).to_contain_text("it_security_runbook.md")
        expect(answer.locator("mark.privrag-support").first).to_be_visible()
    expect(answer.locator("[data-testid=stFeedback], [data-testid=stButtonGroup]").first).to_be_visible()
    partial = page.evaluate("window.__answerTexts")
    assert len(partial) >= 2, f"the answer arrived in one piece, not streamed: {partial}"
    expect(page.get_by_role("button", name=re.compile("minimum password length"))).to_be_visible()
    page.wait_for_timeout(300)
    shot(page, "chat.png")
    if not stack.cites:
        citation_unchecked()


def test_admin_ingests_a_file_and_sees_it_in_the_document_table(
    stack: Stack, page: Page, tmp_path: Path
) -> None:
    upload = tmp_path / "parking_rules.md"
    upload.write_text("# Parking\n\nThe visitor car park is behind building C and opens at 7 am.\n")
    log_in(page, stack.ui_url, "admin", stack.admin_password)
    page.locator("[data-testid=stSidebarNav] a", has_text="Admin").click()
    expect(page.get_by_role("heading", name="Admin")).to_be_visible()
    page.locator("input[type=file]").set_input_files(str(upload))
    expect(page.get_by_text("parking_rules.md").first).to_be_visible()
    page.get_by_role("button", name="Upload and ingest").click()
    # .first: when the job ends within the live list's first tick, the list's last run and the page's rerun
    # both show the line for a moment (seen on a fast CPU: two identical lines, a strict-mode error)
    expect(page.get_by_text(re.compile(r"Job \w+ done: 1 ingested")).first).to_be_visible()
    shot(page, "admin-ingest.png")

    page.get_by_role("tab", name="Documents").click()
    table = page.locator("[data-testid=stDataFrame]").first
    expect(table).to_be_visible()
    expect(table.get_by_text("parking_rules.md", exact=True)).to_be_attached()
    expect(table.get_by_text("remote_work_policy.md", exact=True)).to_be_attached()
    shot(page, "admin.png")

    page.get_by_role("tab", name="Privacy").click()
    expect(page.get_by_text("Pseudonymized values")).to_be_visible()
    shot(page, "privacy.png")

    page.get_by_role("tab", name="Audit log").click()
    expect(page.get_by_text(re.compile(r"Audit chain verified: \d+ rows"))).to_be_visible()
    shot(page, "audit.png")


def test_employee_cannot_open_the_admin_pages(stack: Stack, page: Page) -> None:
    name = stack.add_user("employee")
    log_in(page, stack.ui_url, name, PASSWORD)
    expect(page.get_by_role("heading", name="Chat")).to_be_visible()
    assert sidebar_links(page) == [], "a single page: no page menu at all"
    expect(page.locator("a[href$='/admin']")).to_have_count(0)
    for path in ("admin", "privacy", "evaluate"):  # typed into the address bar: refused with a clear message
        name = stack.add_user("employee")  # a fresh name: logins are rate limited per user name
        log_in(page, f"{stack.ui_url}/{path}", name, PASSWORD)
        expect(page.get_by_text("You do not have permission to open this page.")).to_be_visible()
        expect(page.get_by_role("tab")).to_have_count(0)
        expect(page.get_by_role("button", name="Upload and ingest")).to_have_count(0)
        assert sidebar_links(page) == []
        if path == "admin":
            shot(page, "employee-denied.png")
            page.get_by_role("link", name="Go to Chat").click()
            expect(page.get_by_role("heading", name="Chat")).to_be_visible()


def test_evaluator_runs_the_pii_benchmark_and_sees_the_report(stack: Stack, page: Page) -> None:
    log_in(page, stack.ui_url, stack.add_user("evaluator"), PASSWORD)
    assert sidebar_links(page) == ["Chat", "Evaluate"]
    page.locator("[data-testid=stSidebarNav] a", has_text="Evaluate").click()
    expect(page.get_by_role("heading", name="Evaluate")).to_be_visible()
    page.get_by_text("PII detection (precision, recall, F2)").click()
    dataset = page.get_by_role("textbox", name="Dataset on the server")
    expect(dataset).to_have_value(re.compile(r"presidio_evaluator_generated_3000\.json$"))
    dataset.fill(str(EVAL_FIXTURES / "pii_tiny.json"))
    page.get_by_role("spinbutton", name="Samples (0 = all)").fill("5")
    run = page.get_by_role("button", name="Run")
    # Streamlit re-renders the form after each widget change; for a moment the old form's button is still in
    # the page next to the new one (seen once in CI-like runs): wait until one is left
    expect(run).to_have_count(1)
    run.click()
    expect(page.get_by_text(re.compile(r"The pii run finished: report \d{8}-\d{6}"))).to_be_visible()
    expect(page.get_by_text("samples", exact=True).first).to_be_visible()
    shot(page, "evaluate.png")

    page.get_by_role("tab", name="Reports").click()
    expect(page.get_by_role("combobox", name="Report")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile(r"PII detection: .*pii_tiny\.json"))).to_be_visible()
