"""Answers: ``POST /v1/ask`` (JSON or an NDJSON stream), ``POST /v1/chat/completions`` (OpenAI-compatible)."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, HTTPException
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from app import operations
from app.api.deps import CurrentUser, ServiceState, State, require, throttle
from app.api.schemas import AnswerOut, AskEvent, ChatCompletion, ChatCompletionChunk
from app.chat_turns import record_turns
from app.reveal_policy import RevealRefused, authorize_reveal
from app.stores.users import User

router = APIRouter(tags=["chat"])


class AskRequest(BaseModel):
    question: str = Field(min_length=1, max_length=4000)
    reveal: bool = False
    stream: bool = False
    conversation_id: str | None = Field(None, max_length=64, description="append both turns to it")


class ChatMessage(BaseModel):
    role: str
    content: str


class ChatCompletionRequest(BaseModel):
    model: str = "privrag"
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False
    reveal: bool = False


def _schema(model: type[BaseModel]) -> dict[str, Any]:
    """A model's schema inline (its nested models are the response models' components)."""
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    schema.pop("$defs", None)
    return {"schema": schema}


ASK_STREAM: dict[int | str, dict[str, Any]] = {200: {"content": {"application/x-ndjson": _schema(AskEvent)}}}
CHAT_STREAM: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            "text/event-stream": {
                "schema": {
                    "type": "string",
                    "description": "server-sent events: 'data: <chunk>' lines (the chunk as in "
                    "application/x-ndjson here), then 'data: [DONE]'",
                }
            },
            "application/x-ndjson": _schema(ChatCompletionChunk),  # the chunk's fields, documented
        }
    }
}


def reveal_allowed(user: User, wanted: bool) -> bool:
    """The reveal decision (``app.reveal_policy``) as the routes answer it: 403 when refused."""
    try:
        return authorize_reveal(user, wanted)
    except RevealRefused as exc:
        raise HTTPException(403, str(exc)) from exc


def conversation_history(state: ServiceState, user: User, conversation_id: str | None) -> list[dict]:
    """The earlier turns of the user's conversation (pseudonymized; ``stored``: the surrogates the asker typed
    in them are escaped, the others are not typed); 404 when it is not theirs."""
    if not conversation_id:
        return []
    conversation = state.container.conversations.get(user.id, conversation_id)
    if conversation is None:
        raise HTTPException(404, f"conversation {conversation_id!r} does not exist")
    return [{"role": t.role, "content": t.content, "stored": True} for t in conversation.turns]


def answer_events(
    state: ServiceState, user: User, question: str, reveal: bool, history: list[dict[str, str]]
) -> Iterator[dict]:
    events = operations.answer_and_audit(state.container, user, user.access_groups, question, reveal, history)
    yield from state.metrics.observe_answer(events)


@router.post("/v1/ask", response_model=AnswerOut, responses=ASK_STREAM)
def ask(body: AskRequest, user: CurrentUser, state: State) -> Any:
    require(user, "chat")
    throttle(state.chat_limiter, user.name, "chat")
    reveal = reveal_allowed(user, body.reveal)
    history = conversation_history(state, user, body.conversation_id)
    events = answer_events(state, user, body.question, reveal, history)
    if body.conversation_id:
        events = record_turns(
            state.container, body.conversation_id, body.question, events, user.access_groups
        )
    if body.stream:
        return StreamingResponse((json.dumps(e) + "\n" for e in events), media_type="application/x-ndjson")
    final: dict = {}
    sources: list = []
    for event in events:
        if event["type"] == "sources":
            sources = event["sources"]
        if event["type"] == "done":
            final = event["answer"]
    final["sources"] = sources
    return final


@router.post("/v1/chat/completions", response_model=ChatCompletion, responses=CHAT_STREAM)
def chat_completions(body: ChatCompletionRequest, user: CurrentUser, state: State) -> Any:
    require(user, "chat")
    throttle(state.chat_limiter, user.name, "chat")
    reveal = reveal_allowed(user, body.reveal)  # before a stream starts: a refusal is a 403
    last_user = max((i for i, m in enumerate(body.messages) if m.role == "user"), default=-1)
    question = body.messages[last_user].content if last_user >= 0 else ""
    if not question.strip():
        raise HTTPException(422, "messages: no user message with content")
    # Earlier turns are conversation memory: the follow-up is condensed into a standalone question.
    history = [
        {"role": m.role, "content": m.content}
        for m in body.messages[:last_user]
        if m.role in ("user", "assistant") and m.content.strip()
    ]
    completion_id = f"chatcmpl-{uuid.uuid4().hex[:24]}"
    created = int(time.time())
    events = answer_events(state, user, question, reveal, history)
    head = {"id": completion_id, "created": created, "model": "privrag"}
    if body.stream:
        return StreamingResponse(_sse(events, head), media_type="text/event-stream")
    answer: dict = {}
    for event in events:
        if event["type"] == "done":
            answer = event["answer"]
    return {
        "id": completion_id,
        "object": "chat.completion",
        "created": created,
        "model": "privrag",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": answer["answer"]},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
        "sources": answer["citations"],
    }


def _sse(events: Iterator[dict], head: dict[str, Any]) -> Iterator[str]:
    def chunk(delta: dict, finish: str | None = None, **extra: Any) -> str:
        body = {
            "id": head["id"],
            "object": "chat.completion.chunk",
            "created": head["created"],
            "model": head["model"],
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            **extra,
        }
        return f"data: {json.dumps(body)}\n\n"

    yield chunk({"role": "assistant", "content": ""})
    for event in events:
        if event["type"] == "token":
            yield chunk({"content": event["text"]})
        elif event["type"] == "done":
            yield chunk({}, "stop", sources=event["answer"]["citations"])
    yield "data: [DONE]\n\n"
