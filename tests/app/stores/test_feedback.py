"""Feedback rows: rating, comment, question, answer and source references."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.db import make_engine
from app.stores.feedback import Feedback, FeedbackStore


def test_feedback_round_trip(tmp_path: Path) -> None:
    store = FeedbackStore(make_engine(f"sqlite:///{tmp_path / 'f.db'}"))
    sources = [{"n": 1, "doc_id": "d", "source": "/x/a.md", "chunk_id": "c", "page": None}]
    first = store.add(Feedback("alice", "q1", "a1", 1, "good", sources, "conv1"))
    second = store.add(Feedback("bob", "q2", "a2", -1))
    assert second.id > first.id > 0
    rows = store.list()
    assert [r.id for r in rows] == [second.id, first.id]
    assert rows[1].sources == sources and rows[1].comment == "good" and rows[1].conversation_id == "conv1"
    assert store.list(limit=1)[0].user == "bob"
    with pytest.raises(ValueError):
        store.add(Feedback("carol", "q", "a", 0))
