"""The privrag service: owns the store, database, vault and model; the UI and CLI talk to it over HTTP."""

import dataclasses
import json
import logging
import time
import uuid
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BaseModel, Field

from app import operations, service_eval, service_ui, service_uploads, service_users, user_operations
from app.body_limit import BodyLimitMiddleware
from app.container import Container
from app.directory import DirectoryUnavailable, directory_for
from app.directory_login import Authenticator
from app.jobs import Job, JobQueue
from app.metrics import Metrics
from app.paths import UnsafePathError, allowed_roots, check_within
from app.ratelimit import LoginThrottle, RateLimiter
from app.service_ops import register_ops_routes
from app.stores.users import User, UserError
from app.uploads import clean_uploads

log = logging.getLogger("privrag.service")


class LoginRequest(BaseModel):
    username: str = Field(max_length=128)
    password: str = Field(max_length=1024)


class AskRequest(BaseModel):
    question: str = Field(min_length=1, max_length=4000)
    reveal: bool = False
    stream: bool = False
    conversation_id: str | None = Field(None, max_length=64, description="append both turns to it")


class IngestRequest(BaseModel):
    paths: list[str] = Field(min_length=1)
    groups: list[str] = Field(default_factory=list)
    sync: bool = False


class EraseRequest(BaseModel):
    value: str = Field(min_length=1, max_length=1000)
    type: str | None = Field(None, max_length=64, description="Entity type, e.g. PERSON; any when omitted")


class LeakageRequest(BaseModel):
    values: list[str] | None = Field(None, description="Raw values to look for; the vault's when omitted")


class UserRequest(BaseModel):
    name: str
    role: str
    groups: list[str] = Field(default_factory=list)
    password: str


class ChatMessage(BaseModel):
    role: str
    content: str


class ChatCompletionRequest(BaseModel):
    model: str = "privrag"
    messages: list[ChatMessage] = Field(min_length=1)
    stream: bool = False
    reveal: bool = False


def create_app(container: Container) -> FastAPI:
    app = FastAPI(title="privrag", version="0.1.0")
    clean_uploads(container.settings.home / "uploads")  # left by a stop or crash: no job uses them now
    jobs = JobQueue(service_ui.ingest_runner(container))
    app.state.container = container
    app.state.jobs = jobs
    limits = container.settings.service
    chat_limiter = RateLimiter(limits.chat_per_minute)
    login_throttle = LoginThrottle(
        limits.logins_per_minute, limits.logins_per_address_per_minute, limits.login_name_delay_s
    )
    metrics = Metrics(container, jobs)
    app.state.metrics = metrics
    authenticator = Authenticator(container, directory_for(container.settings.auth), on_login=metrics.login)

    app.add_middleware(  # counted on the stream, before any route or authentication (app/body_limit.py)
        BodyLimitMiddleware,
        max_bytes=int(limits.max_request_mb * 1024 * 1024),
        label=f"{limits.max_request_mb:g} MB",
    )

    def login_gate(request: Request, name: str) -> None:
        """Throttle a password check by client address and name, before any hashing (app/ratelimit.py)."""
        verdict = login_throttle.check(request.client.host if request.client else "unknown", name)
        if verdict.wait:
            raise HTTPException(
                429,
                f"too many login attempts: retry in {verdict.wait:.0f} s",
                headers={"Retry-After": f"{max(1, round(verdict.wait))}"},
            )
        if verdict.delay:
            time.sleep(verdict.delay)

    def throttle(limiter: RateLimiter, key: str, action: str) -> None:
        wait = limiter.allow(key, action)
        if wait:
            raise HTTPException(
                429,
                f"too many {action} requests: retry in {wait:.0f} s",
                headers={"Retry-After": f"{wait:.0f}"},
            )

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.error("unhandled error: %s", type(exc).__name__)
        return JSONResponse(status_code=500, content={"detail": f"internal error ({type(exc).__name__})"})

    def current_user(
        authorization: Annotated[str | None, Header()] = None,
        x_privrag_user: Annotated[str | None, Header()] = None,
    ) -> User:
        if not authorization or not authorization.lower().startswith("bearer "):
            raise HTTPException(401, "authentication required: send 'Authorization: Bearer <token>'")
        token = authorization.split(" ", 1)[1].strip()
        user = container.users.user_for_token(token)
        if user is None:
            raise HTTPException(401, "invalid, expired or revoked token")
        if x_privrag_user and x_privrag_user != user.name:
            if not user.can("manage_users"):
                raise HTTPException(403, "only an admin may act as another user")
            target = container.users.get(x_privrag_user)
            if target is None:
                raise HTTPException(404, f"user {x_privrag_user!r} does not exist")
            return dataclasses.replace(  # audited: the admin, as the target; within the admin's token's grant
                target,
                acting_admin=user.name,
                scope=user.scope,
                token_kind=user.token_kind,
                token_expires_at=user.token_expires_at,
            )
        return user

    def require(user: User, permission: str) -> None:
        if not user.can(permission):
            raise HTTPException(403, f"role {user.role!r} lacks the {permission!r} permission")

    CurrentUser = Annotated[User, Depends(current_user)]

    @app.get("/healthz")
    def healthz() -> dict:
        return {"ok": True}

    @app.post("/v1/auth/login")
    def login(body: LoginRequest, request: Request) -> dict:
        login_gate(request, body.username)
        try:  # local users first (break-glass), then the directory; each outcome audited
            user = authenticator.login(body.username, body.password)
        except DirectoryUnavailable as exc:
            log.error("directory login failed: %s", exc)
            raise HTTPException(
                503, "the company directory cannot be reached: try again later (local accounts still log in)"
            ) from exc
        if user is None:
            login_throttle.failed(body.username)
            raise HTTPException(401, "wrong user name or password")
        session = container.users.issue_token(user.name, lifetime=limits.session_hours * 3600)
        return {"token": session, "user": _user_json(user)}

    @app.post("/v1/auth/logout")
    def logout(user: CurrentUser, authorization: Annotated[str, Header()]) -> dict:
        container.users.revoke(authorization.split(" ", 1)[1].strip())
        container.audit.record(user.name, "logout")
        return {"ok": True}

    @app.get("/v1/me")
    def me(user: CurrentUser) -> dict:
        return _user_json(user)

    def answer_events(
        user: User, question: str, reveal: bool, history: list[dict[str, str]] | None = None
    ) -> Iterator[dict]:
        require(user, "chat")
        if reveal:
            require(user, "reveal")
        yield from metrics.observe_answer(
            operations.answer_and_audit(container, user, user.access_groups, question, reveal, history or [])
        )

    @app.post("/v1/ask")
    def ask(body: AskRequest, user: CurrentUser) -> Any:
        require(user, "chat")
        throttle(chat_limiter, user.name, "chat")
        if body.reveal:
            require(user, "reveal")
        history = service_ui.conversation_history(container, user, body.conversation_id)
        events = answer_events(user, body.question, body.reveal, history)
        if body.conversation_id:
            events = service_ui.record_turns(
                container, body.conversation_id, body.question, events, user.access_groups
            )
        if body.stream:
            return StreamingResponse(
                (json.dumps(e) + "\n" for e in events), media_type="application/x-ndjson"
            )
        final = {}
        sources: list = []
        for event in events:
            if event["type"] == "sources":
                sources = event["sources"]
            if event["type"] == "done":
                final = event["answer"]
        final["sources"] = sources
        return final

    @app.post("/v1/chat/completions")
    def chat_completions(body: ChatCompletionRequest, user: CurrentUser) -> Any:
        require(user, "chat")
        throttle(chat_limiter, user.name, "chat")
        if body.reveal:  # checked before a stream starts, so a refusal is a 403, not a broken stream
            require(user, "reveal")
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
        events = answer_events(user, question, body.reveal, history)

        def chunk(delta: dict, finish: str | None = None, **extra: Any) -> dict:
            return {
                "id": completion_id,
                "object": "chat.completion.chunk",
                "created": created,
                "model": "privrag",
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
                **extra,
            }

        if body.stream:

            def sse() -> Iterator[str]:
                yield f"data: {json.dumps(chunk({'role': 'assistant', 'content': ''}))}\n\n"
                for event in events:
                    if event["type"] == "token":
                        yield f"data: {json.dumps(chunk({'content': event['text']}))}\n\n"
                    elif event["type"] == "done":
                        answer = event["answer"]
                        yield f"data: {json.dumps(chunk({}, 'stop', sources=answer['citations']))}\n\n"
                yield "data: [DONE]\n\n"

            return StreamingResponse(sse(), media_type="text/event-stream")
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

    @app.post("/v1/ingest")
    def ingest(body: IngestRequest, user: CurrentUser) -> dict:
        require(user, "ingest")
        roots = allowed_roots(container.settings.ingest.allowed_roots, container.settings.home)
        try:
            paths = [str(check_within(p, roots)) for p in body.paths]
        except UnsafePathError as exc:
            raise HTTPException(422, str(exc)) from exc
        job = jobs.submit(user.name, paths, body.groups, body.sync)
        container.audit.record(
            user.name, "ingest_submitted", job=job.id, paths=len(paths), groups=body.groups
        )
        return job.to_json()

    @app.get("/v1/jobs")
    def list_jobs(user: CurrentUser) -> list[dict]:
        require(user, "ingest")
        return [j.to_json() for j in jobs.all()]

    @app.get("/v1/jobs/{job_id}")
    def get_job(job_id: str, user: CurrentUser) -> dict:
        require(user, "ingest")
        job: Job | None = jobs.get(job_id)
        if job is None:
            raise HTTPException(404, f"job {job_id!r} does not exist")
        return job.to_json()

    @app.get("/v1/documents")
    def documents(user: CurrentUser) -> list[dict]:
        require(user, "ingest")
        return [r.__dict__ for r in container.catalog.all()]

    @app.post("/v1/erase")
    def erase(body: EraseRequest, user: CurrentUser) -> dict:
        require(user, "erase")
        erased = operations.erase_value(container, user, body.value, body.type)
        metrics.erasures.inc()
        return erased

    @app.post("/v1/leakage")
    def leakage(body: LeakageRequest, user: CurrentUser) -> dict:
        require(user, "audit")
        from eval.leakage import scan_home

        result = scan_home(container, body.values)
        container.audit.record(user.name, "leakage_scan", found=result["raw_values_found"])
        return result

    @app.delete("/v1/documents")
    def delete_document(doc: str, user: CurrentUser) -> dict:
        require(user, "delete")
        result = operations.delete_document(container, user, doc)
        if result is None:
            raise HTTPException(404, f"document {doc!r} is not in the index")
        return result

    @app.get("/v1/users")
    def list_users(user: CurrentUser) -> list[dict]:
        require(user, "manage_users")
        return [_user_json(u) for u in container.users.list()]

    @app.post("/v1/users")
    def add_user(body: UserRequest, user: CurrentUser) -> dict:
        require(user, "manage_users")
        try:
            created = user_operations.add_user(
                container, user.name, body.name, body.role, body.groups, body.password
            )
        except UserError as exc:
            raise HTTPException(422, str(exc)) from exc
        return _user_json(created)

    @app.get("/v1/audit/verify")
    def audit_verify(user: CurrentUser) -> dict:
        require(user, "audit")
        return container.audit.verify().__dict__

    @app.get("/v1/audit/unusual")
    def audit_unusual(user: CurrentUser) -> dict:
        """Reveals, erasures and distinct surrogates revealed per user in the last hour; who is over."""
        require(user, "audit")
        from app.unusual import WINDOW_SECONDS, activity_summary, thresholds_of

        thresholds = thresholds_of(container.settings)
        users = activity_summary(container.audit, thresholds)
        return {
            "window_s": WINDOW_SECONDS,
            "thresholds": dataclasses.asdict(thresholds),
            "users": [a.to_json() for a in users],
        }

    service_ui.register_ui_routes(app, container, current_user, require)
    service_uploads.register_upload_routes(app, container, current_user, require)
    service_eval.register_eval_routes(app, container, current_user, require)
    service_users.register_user_routes(app, container, current_user, require, _user_json, login_gate)
    register_ops_routes(app, container, metrics, authenticator.directory)
    return app


def _user_json(user: User) -> dict:
    return {
        "name": user.name,
        "role": user.role,
        "groups": user.groups,
        "permissions": sorted(user.permissions),
    }
