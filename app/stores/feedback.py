"""Thumbs up/down on answers, with an optional comment, the question, the answer and its sources.

The service pseudonymizes the free text before it gets here: the table holds no raw personal values.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, select
from sqlalchemy.engine import Engine

metadata = MetaData()

feedback_table = Table(
    "feedback",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("ts", Float, nullable=False),
    Column("user", String(128), nullable=False, index=True),  # the user id (app.stores.users), not the name
    Column("conversation_id", String(32), nullable=True),
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("sources", Text, nullable=False),  # JSON list of {n, doc_id, source, chunk_id, page}
    Column("rating", Integer, nullable=False),  # +1 thumbs up, -1 thumbs down
    Column("comment", Text, nullable=False),
)


@dataclass
class Feedback:
    user: str
    question: str
    answer: str
    rating: int
    comment: str = ""
    sources: list[dict] = field(default_factory=list)
    conversation_id: str | None = None
    id: int = 0
    ts: float = 0.0

    def to_json(self) -> dict:
        return asdict(self)


class FeedbackStore:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        metadata.create_all(engine)

    def add(self, feedback: Feedback) -> Feedback:
        if feedback.rating not in (1, -1):
            raise ValueError("rating must be 1 (thumbs up) or -1 (thumbs down)")
        feedback.ts = time.time()
        values = feedback.to_json()
        values.pop("id")
        values["sources"] = json.dumps(feedback.sources)
        with self._engine.begin() as conn:
            result = conn.execute(feedback_table.insert().values(**values))
        assert result.inserted_primary_key is not None  # an INSERT always returns its key
        feedback.id = int(result.inserted_primary_key[0])
        return feedback

    def list(self, limit: int = 100) -> list[Feedback]:
        """The most recent feedback first."""
        query = select(feedback_table).order_by(feedback_table.c.id.desc()).limit(limit)
        with self._engine.connect() as conn:
            rows = conn.execute(query).all()
        return [Feedback(**{**r._mapping, "sources": json.loads(r.sources)}) for r in rows]
