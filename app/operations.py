"""Operations shared by the service and the CLI's local mode, each audited in one place."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from typing import Any

from app.container import Container


def answer_and_audit(
    container: Container,
    actor: str,
    groups: Sequence[str] | None,
    question: str,
    reveal: bool,
    history: Sequence[dict[str, str]] = (),
) -> Iterator[dict]:
    """The answer's events; the pseudonymized question, its chunks and any reveal go to the audit log."""
    done: dict[str, Any] = {}
    for event in container.answerer.stream(question, groups, reveal=reveal, history=history):
        if event["type"] == "done":
            done = event["answer"]
        yield event
    asked = done.get("question_pseudonymized")
    container.audit.record(
        actor, "question", question=asked, chunks=[c["chunk_id"] for c in done.get("citations", [])]
    )
    if done.get("revealed"):
        container.audit.record(actor, "reveal", question=asked)


def delete_document(container: Container, actor: str, doc: str) -> dict | None:
    """Delete one document by id or path; None when it is not in the index."""
    started = time.perf_counter()
    record = container.ingestor.delete(doc)
    if record is None:
        return None
    container.audit.record(actor, "delete", doc_id=record.doc_id)
    return {
        "deleted": record.doc_id,
        "source": record.source,
        "chunks": record.chunks,
        "seconds": round(time.perf_counter() - started, 4),
    }
