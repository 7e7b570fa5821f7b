"""Three small documents with PII, and checks shared by the ingestion job, sweep and maintenance tests."""

from __future__ import annotations

from app.container import Container
from ingest.chunking import file_filter

DOCS = {
    "travel.md": "# Travel\n\nBook flights through the portal. Jane Doe approves trips; write to "
    "jane.doe@example.com.\n",
    "laptops.md": "# Laptops\n\nReport a lost laptop within one hour. "
    "Call the help desk at (555) 123-4567.\n",
    "leave.md": "# Leave\n\nParental leave is sixteen weeks. Robert Smith in HR answers questions.\n",
}


def long_text(paragraphs: int) -> str:
    topics = ["budget", "security", "travel", "hardware", "training", "payroll", "facilities", "onboarding"]
    return "\n\n".join(
        f"## Section {i}\n\n"
        + " ".join(
            f"Rule {i}.{j}: every {topics[(i + j) % len(topics)]} request needs a ticket and a review."
            for j in range(12)
        )
        for i in range(paragraphs)
    )


def assert_store_matches_catalog(c: Container) -> None:
    records = c.catalog.all()
    assert all(r.status == "ok" for r in records)
    assert c.vector_store.count() == sum(r.chunks for r in records)
    for r in records:
        assert c.vector_store.count(file_filter(r.doc_id)) == r.chunks


def chunk_texts(container: Container) -> dict[str, str]:
    return {n.node_id: n.get_content() for n in container.vector_store.get_nodes()}
