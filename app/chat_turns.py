"""A conversation's turns written as the answer streams: both turns stored before ``done`` goes out."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from app.container import Container
from retrieval.answer import supporting_span


def _pseudonymized_answer(answer: dict, pieces: list[str], sources: list[dict]) -> tuple[str, list[dict]]:
    """The answer and citations as stored: before any reveal (the streamed tokens are pseudonymized)."""
    if not answer.get("revealed"):
        return answer["answer"], answer["citations"]
    text = answer.get("answer_pseudonymized") or "".join(pieces).strip()
    for bad in answer.get("invalid_citations", []):
        text = text.replace(f"[{bad}]", "")
    citations = []
    by_id = {s.get("chunk_id"): s for s in sources}  # [n] is renumbered: a card's chunk id finds its source
    for citation in answer["citations"]:
        passage = str(by_id.get(citation.get("chunk_id"), {}).get("text", ""))
        citations.append({**citation, "text": passage, "highlight": supporting_span(text, passage)})
    return text, citations


def record_turns(
    container: Container,
    conversation_id: str,
    question: str,
    events: Iterator[dict],
    groups: Sequence[str] | None = None,
) -> Iterator[dict]:
    """Pass the answer's events through; before ``done`` goes out, both turns are in the conversation. The
    question is stored as the answer kept it (``question_pseudonymized``: scoped, names masked, the surrogates
    the asker typed escaped so that the conversation never reveals them)."""
    sources: list[dict] = []
    pieces: list[str] = []
    for event in events:
        if event["type"] == "sources":
            sources = event["sources"]
        elif event["type"] == "token":
            pieces.append(event["text"])
        elif event["type"] == "done":
            content, citations = _pseudonymized_answer(event["answer"], pieces, sources)
            store = container.conversations
            asked = event["answer"].get("question_pseudonymized")
            if asked is None:
                asked = container.answerer.stored_question(question, groups)
            store.append(conversation_id, "user", asked)
            turn = store.append(conversation_id, "assistant", content, citations)
            event = {**event, "conversation_id": conversation_id, "turn_id": turn.id}
        yield event
