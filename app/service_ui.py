"""Service routes the web UI needs: conversations, feedback, uploads, the audit log's rows, vault statistics.

Registered by ``app.service.create_app``; every route authenticates with the service's own dependency.
"""

import contextlib
import json
from collections.abc import Callable, Iterator, Sequence
from typing import Annotated, Literal

from fastapi import Depends, FastAPI, HTTPException, Query
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field

from app import eval_reports
from app.container import Container
from app.conversation_access import readable
from app.jobs import Job
from app.stores.feedback import Feedback
from app.stores.users import User
from app.uploads import discard_uploads
from ingest.pipeline import IngestProgress, IngestReport
from retrieval.answer import supporting_span


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


def ingest_runner(container: Container) -> Callable[[Job, Callable[[IngestProgress], None]], IngestReport]:
    """The service's ingestion job: uploaded files are removed from the home once their job ends."""

    def run(job: Job, progress: Callable[[IngestProgress], None]) -> IngestReport:
        try:
            return container.ingestor.run(job.paths, job.groups, job.sync, progress)
        finally:
            discard_uploads(container.settings.home / "uploads", job.paths)

    return run


def conversation_history(container: Container, user: User, conversation_id: str | None) -> list[dict]:
    """The earlier turns of the user's conversation (pseudonymized; ``stored``: the surrogates the asker typed
    in them are escaped, the others are not typed); 404 when it is not theirs."""
    if not conversation_id:
        return []
    conversation = container.conversations.get(user.id, conversation_id)
    if conversation is None:
        raise HTTPException(404, f"conversation {conversation_id!r} does not exist")
    return [{"role": t.role, "content": t.content, "stored": True} for t in conversation.turns]


def _pseudonymized_answer(answer: dict, pieces: list[str], sources: list[dict]) -> tuple[str, list[dict]]:
    """The answer and citations as stored: before any reveal (the streamed tokens are pseudonymized)."""
    if not answer.get("revealed"):
        return answer["answer"], answer["citations"]
    text = "".join(pieces).strip()
    for bad in answer.get("invalid_citations", []):
        text = text.replace(f"[{bad}]", "")
    citations = []
    for citation in answer["citations"]:
        n = citation["n"]
        passage = sources[n - 1]["text"] if 0 < n <= len(sources) else ""
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


def register_ui_routes(
    app: FastAPI,
    container: Container,
    current_user: Callable[..., User],
    require: Callable[[User, str], None],
) -> None:
    CurrentUser = Annotated[User, Depends(current_user)]

    def require_any(user: User, *permissions: str) -> None:
        if not any(user.can(p) for p in permissions):
            wanted = " or ".join(map(repr, permissions))
            raise HTTPException(403, f"role {user.role!r} lacks the {wanted} permission")

    # --- conversations ---------------------------------------------------------------------------

    @app.post("/v1/conversations")
    def create_conversation(user: CurrentUser, body: ConversationRequest | None = None) -> dict:
        require(user, "chat")
        title = body.title if body else ""
        return container.conversations.create(user.id, title).to_json(with_turns=False)

    @app.get("/v1/conversations")
    def list_conversations(user: CurrentUser, limit: Annotated[int, Query(ge=1, le=500)] = 100) -> list[dict]:
        require(user, "chat")
        return [c.to_json(with_turns=False) for c in container.conversations.list(user.id, limit)]

    @app.get("/v1/conversations/{conversation_id}")
    def get_conversation(conversation_id: str, user: CurrentUser, reveal: bool = False) -> dict:
        require(user, "chat")
        if reveal:
            require(user, "reveal")
        conversation = container.conversations.get(user.id, conversation_id)
        if conversation is None:
            raise HTTPException(404, f"conversation {conversation_id!r} does not exist")
        conversation, surrogates = readable(container, conversation, user.access_groups, reveal)
        if reveal:
            container.audit.record(user, "reveal", conversation=conversation.id, surrogates=list(surrogates))
        return {**conversation.to_json(), "revealed": reveal}

    # --- feedback --------------------------------------------------------------------------------

    @app.post("/v1/feedback")
    def add_feedback(body: FeedbackRequest, user: CurrentUser) -> dict:
        require(user, "chat")
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

    @app.get("/v1/feedback")
    def list_feedback(user: CurrentUser, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> list[dict]:
        require(user, "audit")
        names = container.users.names()  # feedback is keyed by user id: show the current name
        return [
            {**f.to_json(), "user": names.get(f.user, "(removed user)"), "user_id": f.user}
            for f in container.feedback.list(limit)
        ]

    # uploads: app/service_uploads.py (parsed off the stream into the home)

    # --- audit log and privacy -------------------------------------------------------------------

    @app.get("/v1/audit")
    def audit_rows(user: CurrentUser, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> list[dict]:
        require(user, "audit")
        rows = container.audit.rows(limit=limit)
        for row in rows:
            with contextlib.suppress(ValueError):
                row["detail"] = json.loads(row["detail"])
        return rows

    @app.get("/v1/privacy/stats")
    def privacy_stats(user: CurrentUser) -> dict:
        require_any(user, "erase", "audit")
        stats = container.vault.stats()
        documents = container.catalog.all()
        return {
            "entries": stats.entries,
            "per_type": stats.per_type,
            "documents": len(documents),
            "chunks": sum(d.chunks for d in documents),
        }

    # --- benchmark reports -----------------------------------------------------------------------

    @app.get("/v1/eval/reports")
    def eval_report_runs(user: CurrentUser, limit: Annotated[int, Query(ge=1, le=500)] = 100) -> list[dict]:
        require(user, "evaluate")
        return eval_reports.list_runs(container.settings.home, limit)

    @app.get("/v1/eval/reports/{kind}/{run}")
    def eval_report(kind: str, run: str, user: CurrentUser) -> dict:
        require(user, "evaluate")
        try:
            return eval_reports.read_run(container.settings.home, kind, run)
        except eval_reports.ReportError as exc:
            raise HTTPException(404, str(exc)) from exc

    @app.get("/v1/eval/reports/{kind}/{run}/{name}")
    def eval_report_chart(kind: str, run: str, name: str, user: CurrentUser) -> FileResponse:
        require(user, "evaluate")
        try:
            path = eval_reports.chart_path(container.settings.home, kind, run, name)
        except eval_reports.ReportError as exc:
            raise HTTPException(404, str(exc)) from exc
        return FileResponse(path, media_type="image/png" if path.suffix == ".png" else "image/svg+xml")
