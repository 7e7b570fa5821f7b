"""What every route depends on: the service's state (on ``app.state``), the caller, permission checks."""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import Depends, Header, HTTPException, Request

from app.container import Container
from app.directory_login import Authenticator
from app.eval_jobs import EvalJobs
from app.ingest_jobs import IngestJobs
from app.metrics import Metrics
from app.ratelimit import LoginThrottle, RateLimiter
from app.stores.users import User

T = TypeVar("T")


@dataclass(frozen=True)
class ServiceState:
    """Everything the routes share, built once by ``create_app`` and kept on ``app.state.service``."""

    container: Container
    jobs: IngestJobs
    eval_jobs: EvalJobs
    metrics: Metrics
    authenticator: Authenticator
    chat_limiter: RateLimiter
    login_throttle: LoginThrottle
    scrape_token: str  # what Prometheus sends to /metrics (app.metrics.scrape_token)


def service_state(request: Request) -> ServiceState:
    state: ServiceState = request.app.state.service
    return state


State = Annotated[ServiceState, Depends(service_state)]


def current_user(
    state: State,
    authorization: Annotated[str | None, Header()] = None,
    x_privrag_user: Annotated[str | None, Header()] = None,
) -> User:
    """The caller of a bearer token; an admin may act as another user (``X-Privrag-User``), audited so."""
    if not authorization or not authorization.lower().startswith("bearer "):
        raise HTTPException(401, "authentication required: send 'Authorization: Bearer <token>'")
    users = state.container.users
    user = users.user_for_token(authorization.split(" ", 1)[1].strip())
    if user is None:
        raise HTTPException(401, "invalid, expired or revoked token")
    if x_privrag_user and x_privrag_user != user.name:
        if not user.can("manage_users"):
            raise HTTPException(403, "only an admin may act as another user")
        target = users.get(x_privrag_user)
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


CurrentUser = Annotated[User, Depends(current_user)]


def found(value: T | None, what: str) -> T:
    """``value``, or 404 saying that ``what`` does not exist."""
    if value is None:
        raise HTTPException(404, f"{what} does not exist")
    return value


def require(user: User, *permissions: str) -> None:
    """403 unless the user holds one of ``permissions``."""
    if not any(user.can(p) for p in permissions):
        wanted = " or ".join(map(repr, permissions))
        raise HTTPException(403, f"role {user.role!r} lacks the {wanted} permission")


def login_gate(state: ServiceState, request: Request, name: str) -> None:
    """Throttle a password check by client address and name, before any hashing (app/ratelimit.py)."""
    verdict = state.login_throttle.check(request.client.host if request.client else "unknown", name)
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
            429, f"too many {action} requests: retry in {wait:.0f} s", headers={"Retry-After": f"{wait:.0f}"}
        )
