"""Response bodies of the HTTP service, as /openapi.json documents them.

Each model declares the fields a client may rely on (CONTRACT.md, the CLI's client, the UI); a body may carry
more (``extra="allow"``: details such as an answer's checks pass through unchanged).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from retrieval.answer import Citation


class Body(BaseModel):
    model_config = ConfigDict(extra="allow")


class Ok(Body):
    ok: bool


class UserOut(Body):
    name: str
    role: str
    groups: list[str]
    permissions: list[str]


class LoginOut(Body):
    token: str
    user: UserOut


class Removed(Body):
    removed: str


class Revoked(Body):
    revoked: str


class IssuedToken(Body):
    """A new token's description (``TokenInfo``: id, user, kind, created_at, expires_at, active, scope) and
    the token itself, shown this once."""

    token: str
    id: str
    expires_at: float | None
    scope: list[str] | None


class AnswerOut(Body):
    answer: str
    citations: list[Citation]
    revealed: bool
    question_pseudonymized: str
    refused: bool
    revealed_surrogates: list[str]
    timings: dict[str, Any]
    sources: list[dict[str, Any]]  # the passages retrieved (pseudonymized)


class AskEvent(Body):
    """One line of ``/v1/ask`` with ``stream``: ``sources``, then ``token``s, then ``done`` (the answer)."""

    type: str  # sources | token | done
    sources: list[dict[str, Any]] | None = None
    text: str | None = None
    answer: dict[str, Any] | None = None
    conversation_id: str | None = None
    turn_id: int | None = None


class ChatMessageOut(Body):
    role: str
    content: str


class ChatChoice(Body):
    index: int
    message: ChatMessageOut
    finish_reason: str


class ChatCompletion(Body):
    id: str
    object: str  # chat.completion
    created: int
    model: str
    choices: list[ChatChoice]
    usage: dict[str, int]
    sources: list[Citation]


class ChatCompletionChunk(Body):
    """One ``data:`` event of the stream (then ``data: [DONE]``); the last chunk carries ``sources``."""

    id: str
    object: str  # chat.completion.chunk
    created: int
    model: str
    choices: list[dict[str, Any]]
    sources: list[Citation] | None = None


class IngestJobOut(Body):
    id: str
    user: str
    paths: list[str]
    groups: list[str]
    sync: bool
    status: str  # queued | running | done | failed
    files_total: int
    files_done: int
    chunks: int
    current: str
    bytes_total: int
    bytes_done: int
    failed: int
    elapsed: float
    files_per_s: float
    chunks_per_s: float
    eta_seconds: float | None
    error: str
    report: dict[str, Any]
    created_at: float
    finished_at: float | None


class UploadJobOut(IngestJobOut):
    uploaded: list[str]  # the names of the files received


class EvalJobOut(Body):
    id: str
    user: str
    kind: str
    dataset: str
    options: dict[str, Any]
    status: str
    stage: str
    done: int
    total: int
    error: str
    run: str
    created_at: float
    started_at: float | None
    finished_at: float | None


class Deleted(Body):
    deleted: str
    source: str
    chunks: int
    seconds: float


class Erased(Body):
    chunks_changed: int
    vault_entries_removed: int


class Leakage(Body):
    raw_values_found: int
    where: list[Any]
    values_from: str


class AuditVerification(Body):
    ok: bool
    rows: int
    first_bad_row: int | None
    reason: str | None
    keyed_rows: int
    head_id: int | None


class UserActivity(Body):
    user: str
    reveals: int
    erasures: int
    surrogates: int
    over: list[str]
    flagged: bool


class UnusualActivity(Body):
    window_s: int
    thresholds: dict[str, int]
    users: list[UserActivity]


class AuditRow(Body):
    id: int
    ts: float
    actor: str
    action: str
    detail: Any  # the row's JSON detail, parsed


class PrivacyStats(Body):
    entries: int
    per_type: dict[str, int]
    documents: int
    chunks: int


class ConversationOut(Body):
    id: str
    user: str
    title: str
    created_at: float
    updated_at: float


class TurnOut(Body):
    id: int
    role: str
    content: str
    citations: list[dict[str, Any]]
    created_at: float


class ConversationRead(ConversationOut):
    turns: list[TurnOut]
    withdrawn_passages: int
    revealed: bool


class FeedbackOut(Body):
    id: int
    user: str
    question: str
    answer: str
    rating: int
    comment: str
    sources: list[dict[str, Any]]
    conversation_id: str | None
    ts: float


class FeedbackRow(FeedbackOut):
    user_id: str  # ``user`` is the current name


class ReportRun(Body):
    kind: str
    run: str
    metrics: dict[str, Any]


class Report(ReportRun):
    report: dict[str, Any]
    markdown: str
    charts: list[str]


class Readiness(Body):
    ready: bool
    failed: list[str]
    checks: dict[str, dict[str, Any]]
