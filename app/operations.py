"""Operations shared by the service and the CLI's local mode, each audited in one place."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from typing import Any

from anonymize.vault import SURROGATE_PATTERN
from app.container import Container
from app.stores.audit import Principal
from ingest.injection import InjectionDetector


def answer_and_audit(
    container: Container,
    actor: str | Principal,
    groups: Sequence[str] | None,
    question: str,
    reveal: bool,
    history: Sequence[dict[str, str]] = (),
) -> Iterator[dict]:
    """The answer's events. The question's audit row (pseudonymized question, retrieved chunks) is written
    before the first event goes out, so a client that reads the sources and disconnects still leaves one; a
    reveal is audited with the surrogates it showed (counted for unusual activity)."""
    done: dict[str, Any] = {}
    injection = InjectionDetector().rules(question)  # questions are screened too
    sources: list[dict] = []
    pieces: list[str] = []
    audited = False
    for event in container.answerer.stream(question, groups, reveal=reveal, history=history):
        if event["type"] == "sources":
            sources = event["sources"]
        elif event["type"] == "token":
            pieces.append(event["text"])
        elif event["type"] == "done":
            done = event["answer"]
            done["question_injection"] = injection
        if not audited:
            container.audit.record(
                actor,
                "question",
                question=event.get("question_pseudonymized")
                or event.get("question")
                or done.get("question_pseudonymized"),
                chunks=[s["chunk_id"] for s in sources],
                **({"injection": injection} if injection else {}),
            )
            audited = True
        yield event
    if done.get("revealed"):
        by_id = {
            s.get("chunk_id"): s for s in sources
        }  # [n] is renumbered: a card's chunk id finds its source
        cited = [
            by_id[c["chunk_id"]]["text"] for c in done.get("citations", []) if c.get("chunk_id") in by_id
        ]
        text = "".join(pieces) + "\n" + "\n".join(cited)
        shown = done.get(
            "revealed_surrogates", sorted({m.group(0) for m in SURROGATE_PATTERN.finditer(text)})
        )
        container.audit.record(actor, "reveal", question=done.get("question_pseudonymized"), surrogates=shown)


def delete_document(container: Container, actor: str | Principal, doc: str) -> dict | None:
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


def erase_value(
    container: Container, actor: str | Principal, value: str, entity_type: str | None = None
) -> dict:
    """Erase a subject's value from the index, the vault and every table (``app.erasure``)."""
    from app.erasure import erase_value as erase

    return erase(container, actor, value, entity_type)
