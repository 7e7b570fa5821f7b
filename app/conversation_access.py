"""A stored conversation as its reader may see it now: groups re-checked at every read.

- Citation passages of chunks the reader can no longer read (a deleted or re-written document, or a document
  of a group the reader was removed from) are dropped; the conversation says how many were.
- With reveal, only the assistant's turns are revealed, within the reader's *current* scope
  (``anonymize.reveal``), never a surrogate the reader typed in the conversation; the reader's own turns are
  text they typed and stay as stored.
"""

from __future__ import annotations

from collections.abc import Sequence

from anonymize.reveal import reveal_all, typed_in
from app.container import Container
from app.stores.conversations import Conversation
from retrieval.passage_support import supporting_span
from retrieval.retriever import access_filter


def visible_chunks(container: Container, chunk_ids: Sequence[str], groups: Sequence[str] | None) -> set[str]:
    """The ids among ``chunk_ids`` of chunks in the index that a reader in ``groups`` may read."""
    if not chunk_ids:
        return set()
    nodes = container.vector_store.get_nodes(
        node_ids=list(dict.fromkeys(chunk_ids)), filters=access_filter(groups)
    )
    return {n.node_id for n in nodes}


def typed_surrogates(conversation: Conversation) -> set[str]:
    """The surrogates the asker typed in the conversation's questions (stored escaped: anonymize.reveal)."""
    return {s for t in conversation.turns if t.role == "user" for s in typed_in(t.content)}


def readable(
    container: Container, conversation: Conversation, groups: Sequence[str] | None, reveal: bool
) -> tuple[Conversation, tuple[str, ...]]:
    """The conversation as the reader in ``groups`` may read it now, and the surrogates revealed."""
    cited = [c.get("chunk_id", "") for t in conversation.turns for c in t.citations]
    visible = visible_chunks(container, [c for c in cited if c], groups)
    withdrawn = 0
    for turn in conversation.turns:
        kept = [c for c in turn.citations if c.get("chunk_id") in visible]
        withdrawn += len(turn.citations) - len(kept)
        turn.citations = kept
    conversation.withdrawn_passages = withdrawn
    if not reveal:
        return conversation, ()
    answers = [t for t in conversation.turns if t.role == "assistant"]
    texts = [t.content for t in answers] + [c.get("text", "") for t in answers for c in t.citations]
    typed = typed_surrogates(conversation)
    scope = container.answerer.scope(groups)
    revealed, _count, which = reveal_all(container.vault, texts, scope, typed)
    contents, passages = revealed[: len(answers)], iter(revealed[len(answers) :])
    for turn, content in zip(answers, contents, strict=True):
        turn.content = content
        for citation in turn.citations:
            citation["text"] = next(passages)
            citation["highlight"] = supporting_span(turn.content, citation["text"])
    return conversation, which
