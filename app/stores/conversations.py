"""Chat conversations kept server-side per user; turns hold pseudonymized text only, never revealed values."""

from __future__ import annotations

import builtins
import json
import time
import uuid
from dataclasses import asdict, dataclass, field

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, select, update
from sqlalchemy.engine import Engine

metadata = MetaData()

conversations_table = Table(
    "conversations",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("user", String(128), nullable=False, index=True),  # the owner's user id (stores.users), not reused
    Column("title", String(200), nullable=False),
    Column("created_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
)

turns_table = Table(
    "conversation_turns",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("conversation_id", String(32), nullable=False, index=True),
    Column("role", String(16), nullable=False),  # user | assistant
    Column("content", Text, nullable=False),
    Column("citations", Text, nullable=False),  # JSON list of citation objects
    Column("created_at", Float, nullable=False),
)

TITLE_CHARS = 80
ROLES = ("user", "assistant")


@dataclass
class Turn:
    id: int
    role: str
    content: str
    citations: list[dict] = field(default_factory=list)
    created_at: float = 0.0


@dataclass
class Conversation:
    id: str
    user: str
    title: str
    created_at: float
    updated_at: float
    turns: list[Turn] = field(default_factory=list)
    withdrawn_passages: int = 0  # citations dropped when read: deleted documents, or no longer readable

    def to_json(self, with_turns: bool = True) -> dict:
        data = asdict(self)
        if not with_turns:  # a row of the conversations table
            data.pop("turns")
            data.pop("withdrawn_passages")
        return data


def title_from(text: str) -> str:
    """A one-line title from a question: whitespace collapsed, cut at a word boundary."""
    line = " ".join(text.split())
    if len(line) <= TITLE_CHARS:
        return line
    return line[:TITLE_CHARS].rsplit(" ", 1)[0] + "…"


class ConversationStore:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        metadata.create_all(engine)

    def create(self, user: str, title: str = "") -> Conversation:
        now = time.time()
        conversation = Conversation(uuid.uuid4().hex, user, title_from(title), now, now)
        with self._engine.begin() as conn:
            conn.execute(conversations_table.insert().values(**conversation.to_json(with_turns=False)))
        return conversation

    def list(self, user: str, limit: int = 100) -> list[Conversation]:
        """The user's conversations, most recently active first (without turns)."""
        query = (
            select(conversations_table)
            .where(conversations_table.c.user == user)
            .order_by(conversations_table.c.updated_at.desc())
            .limit(limit)
        )
        with self._engine.connect() as conn:
            return [Conversation(**r._mapping) for r in conn.execute(query)]

    def get(self, user: str, conversation_id: str) -> Conversation | None:
        """One conversation with its turns; None when it does not exist or belongs to someone else."""
        with self._engine.connect() as conn:
            row = conn.execute(
                select(conversations_table).where(
                    conversations_table.c.id == conversation_id, conversations_table.c.user == user
                )
            ).first()
            if row is None:
                return None
            turns = conn.execute(
                select(turns_table)
                .where(turns_table.c.conversation_id == conversation_id)
                .order_by(turns_table.c.id)
            ).all()
        conversation = Conversation(**row._mapping)
        conversation.turns = [
            Turn(t.id, t.role, t.content, json.loads(t.citations), t.created_at) for t in turns
        ]
        return conversation

    def append(
        self, conversation_id: str, role: str, content: str, citations: builtins.list[dict] | None = None
    ) -> Turn:
        """Add a turn; the first user turn also titles an untitled conversation."""
        if role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}")
        now = time.time()
        with self._engine.begin() as conn:
            result = conn.execute(
                turns_table.insert().values(
                    conversation_id=conversation_id,
                    role=role,
                    content=content,
                    citations=json.dumps(citations or []),
                    created_at=now,
                )
            )
            conn.execute(
                update(conversations_table)
                .where(conversations_table.c.id == conversation_id)
                .values(updated_at=now)
            )
            if role == "user":
                conn.execute(
                    update(conversations_table)
                    .where(conversations_table.c.id == conversation_id, conversations_table.c.title == "")
                    .values(title=title_from(content))
                )
        assert result.inserted_primary_key is not None  # an INSERT always returns its key
        return Turn(int(result.inserted_primary_key[0]), role, content, citations or [], now)

    def history(self, user: str, conversation_id: str) -> builtins.list[dict[str, str]]:
        """Earlier turns as chat messages (pseudonymized), for condensing a follow-up question."""
        conversation = self.get(user, conversation_id)
        if conversation is None:
            return []
        return [{"role": t.role, "content": t.content} for t in conversation.turns]
