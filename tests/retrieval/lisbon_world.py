"""A home with one hr and one eng document on the Lisbon office (hr's holds a secret code), for the answer
tests that check another group's passage never reaches a reader: the judge's verdict and the second draft."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tests.conftest import make_settings

SECRET = "7781"
DOCS = {
    "hr": f"The bonus approval code for the Lisbon office is {SECRET}. Bonuses are approved each March.",
    "eng": "The Lisbon office deploys on Tuesdays. Approval of a deploy needs two reviewers.",
}


def lisbon_world(root: Path, model: Path) -> Iterator:
    """The container over ``root``'s home, each group's document ingested for that group alone, no answer
    cache; closed when the generator ends (a fixture's body)."""
    from app.container import Container

    for group, text in DOCS.items():
        (root / "docs" / group).mkdir(parents=True)
        (root / "docs" / group / f"{group}_lisbon.md").write_text(f"# {group} Lisbon\n\n{text}\n")
    container = Container(make_settings(root / "home", model, retrieval__answer_cache_entries=0))
    for group in DOCS:
        report = container.ingestor.run([root / "docs" / group], groups=[group])
        assert not report.failed, report.failed
    yield container
    container.close()
