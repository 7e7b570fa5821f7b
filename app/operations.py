"""Operations shared by the service and the CLI's local mode, each audited in one place."""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from typing import Any

from app.container import Container
from ingest.injection import InjectionDetector


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
    injection = InjectionDetector().rules(question)  # questions are screened too
    for event in container.answerer.stream(question, groups, reveal=reveal, history=history):
        if event["type"] == "done":
            done = event["answer"]
            done["question_injection"] = injection
        yield event
    asked = done.get("question_pseudonymized")
    container.audit.record(
        actor,
        "question",
        question=asked,
        chunks=[c["chunk_id"] for c in done.get("citations", [])],
        **({"injection": injection} if injection else {}),
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


def erase_value(container: Container, actor: str, value: str, entity_type: str | None = None) -> dict:
    """Erase a subject's value: redact its surrogates in every chunk (re-embedded), drop the vault entries.

    The surrogates come from the vault's HMAC index; chunks are found by a text match inside the store and
    checked exactly; each surrogate becomes ``<TYPE_ERASED>``. The audit row names the surrogates only.
    """
    from llama_index.core.vector_stores.types import FilterOperator, MetadataFilter, MetadataFilters

    from anonymize.vault import SURROGATE_PATTERN

    started = time.perf_counter()
    surrogates = container.vault.lookup_value(value, entity_type or None)
    changed: dict[str, Any] = {}
    store = container.vector_store
    for surrogate in surrogates:
        erased = f"<{SURROGATE_PATTERN.fullmatch(surrogate).group(1)}_ERASED>"  # type: ignore[union-attr]
        match = MetadataFilters(
            filters=[MetadataFilter(key="text", value=surrogate, operator=FilterOperator.TEXT_MATCH)]
        )
        for node in store.get_nodes(filters=match):
            node = changed.get(node.node_id, node)
            text = node.get_content()
            title = str(node.metadata.get("title", ""))
            if surrogate not in text and surrogate not in title:
                continue  # the text match is token-based: "<PERSON_1>" also finds "<PERSON_12>"
            node.set_content(text.replace(surrogate, erased))
            if surrogate in title:
                node.metadata["title"] = title.replace(surrogate, erased)
            changed[node.node_id] = node
    if changed:
        nodes = container.embed_model(list(changed.values()))  # re-embed the redacted text
        store.add(nodes)
        if hasattr(store, "flush"):
            store.flush()
    removed = sum(1 for s in surrogates if container.vault.remove(s))
    pseudonymizer = container.__dict__.get("pseudonymizer")
    if pseudonymizer is not None:
        pseudonymizer.forget()
    container.audit.record(
        actor, "erase", surrogates=surrogates, entity_type=entity_type, chunks=len(changed), removed=removed
    )
    return {
        "chunks_changed": len(changed),
        "vault_entries_removed": removed,
        "surrogates": surrogates,
        "seconds": round(time.perf_counter() - started, 4),
    }
