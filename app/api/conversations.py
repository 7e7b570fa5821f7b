"""Conversations kept by the service (read back within the reader's current groups) and answer feedback."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from pydantic import BaseModel, Field

from app.api.chat import reveal_allowed
from app.api.deps import CurrentUser, State, require
from app.api.schemas import ConversationOut, ConversationRead, FeedbackOut, FeedbackRow
from app.conversation_access import readable
from app.stores.feedback import Feedback

router = APIRouter(tags=["conversations"])


class ConversationRequest(BaseModel):
    title: str = Field("", max_length=200)


class FeedbackSource(BaseModel):
    n: int = 0
    doc_id: str = Field("", max_length=128)
    source: str = Field("", max_length=4096)
    chunk_id: str = Field("", max_length=128)
    page: int | None = None


class FeedbackRequest(BaseModel):
    question: str = Field(min_length=1, max_length=4000)
    answer: str = Field(max_length=20000)
    rating: Literal["up", "down"]
    comment: str = Field("", max_length=2000)
    sources: list[FeedbackSource] = Field(default_factory=list, max_length=50)
    conversation_id: str | None = Field(None, max_length=64)


@router.post("/v1/conversations")
def create_conversation(
    user: CurrentUser, state: State, body: ConversationRequest | None = None
) -> ConversationOut:
    require(user, "chat")
    title = body.title if body else ""
    created = state.container.conversations.create(user.id, title)
    return ConversationOut.model_validate(created.to_json(with_turns=False))


@router.get("/v1/conversations", response_model=list[ConversationOut])
def list_conversations(
    user: CurrentUser, state: State, limit: Annotated[int, Query(ge=1, le=500)] = 100
) -> Any:
    require(user, "chat")
    return [c.to_json(with_turns=False) for c in state.container.conversations.list(user.id, limit)]


@router.get("/v1/conversations/{conversation_id}", response_model=ConversationRead)
def get_conversation(conversation_id: str, user: CurrentUser, state: State, reveal: bool = False) -> Any:
    require(user, "chat")
    reveal = reveal_allowed(user, reveal)
    container = state.container
    conversation = container.conversations.get(user.id, conversation_id)
    if conversation is None:
        raise HTTPException(404, f"conversation {conversation_id!r} does not exist")
    conversation, surrogates = readable(container, conversation, user.access_groups, reveal)
    if reveal:
        container.audit.record(user, "reveal", conversation=conversation.id, surrogates=list(surrogates))
    return {**conversation.to_json(), "revealed": reveal}


@router.post("/v1/feedback", response_model=FeedbackOut)
def add_feedback(body: FeedbackRequest, user: CurrentUser, state: State) -> Any:
    require(user, "chat")
    container = state.container
    if body.conversation_id and container.conversations.get(user.id, body.conversation_id) is None:
        raise HTTPException(404, f"conversation {body.conversation_id!r} does not exist")
    # Stored within the asker's scope (no vault surrogate of a value the asker cannot read, names the
    # detector misses masked in the question and comment); the answer may have been revealed.
    answerer, groups = container.answerer, user.access_groups
    scope = answerer.scope(groups)
    texts = [
        answerer.stored_question(body.question, groups, scope),
        answerer.pseudonymize_question(body.answer, groups, scope),
        answerer.stored_question(body.comment, groups, scope) if body.comment.strip() else body.comment,
    ]
    record = container.feedback.add(
        Feedback(
            user=user.id,  # the id, never reused: not the name
            question=texts[0],
            answer=texts[1],
            comment=texts[2],
            rating=1 if body.rating == "up" else -1,
            sources=[s.model_dump() for s in body.sources],
            conversation_id=body.conversation_id,
        )
    )
    container.audit.record(user.name, "feedback", id=record.id, rating=record.rating)
    return record.to_json()


@router.get("/v1/feedback", response_model=list[FeedbackRow])
def list_feedback(user: CurrentUser, state: State, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> Any:
    require(user, "audit")
    names = state.container.users.names()  # feedback is keyed by user id: show the current name
    return [
        {**f.to_json(), "user": names.get(f.user, "(removed user)"), "user_id": f.user}
        for f in state.container.feedback.list(limit)
    ]
