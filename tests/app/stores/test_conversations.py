"""Conversations: per-user, ordered turns, titles from the first question."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.db import make_engine
from app.stores.conversations import TITLE_CHARS, ConversationStore, title_from


@pytest.fixture
def store(tmp_path: Path) -> ConversationStore:
    return ConversationStore(make_engine(f"sqlite:///{tmp_path / 'c.db'}"))


def test_turns_are_kept_in_order_and_title_the_conversation(store: ConversationStore) -> None:
    conversation = store.create("alice")
    assert conversation.title == ""
    store.append(conversation.id, "user", "How many   days\nremote?")
    turn = store.append(conversation.id, "assistant", "Three [1].", [{"n": 1, "text": "passage"}])
    store.append(conversation.id, "user", "And on Fridays?")
    loaded = store.get("alice", conversation.id)
    assert loaded is not None
    assert loaded.title == "How many days remote?"
    assert [t.role for t in loaded.turns] == ["user", "assistant", "user"]
    assert loaded.turns[1].id == turn.id and loaded.turns[1].citations == [{"n": 1, "text": "passage"}]
    assert store.history("alice", conversation.id)[1] == {"role": "assistant", "content": "Three [1]."}


def test_conversations_belong_to_their_user(store: ConversationStore) -> None:
    first = store.create("alice", "first")
    store.create("alice", "second")
    store.create("bob", "bob's")
    store.append(first.id, "user", "newest activity")
    assert [c.title for c in store.list("alice")] == ["first", "second"]
    assert store.get("bob", first.id) is None
    assert store.history("bob", first.id) == []
    with pytest.raises(ValueError):
        store.append(first.id, "system", "no")


def test_long_titles_are_cut_at_a_word() -> None:
    title = title_from("word " * 40)
    assert len(title) <= TITLE_CHARS + 1 and title.endswith("…") and "  " not in title
