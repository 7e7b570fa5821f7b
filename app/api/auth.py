"""Sessions: log in (local accounts first, then the directory), log out, who am I."""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Request
from pydantic import BaseModel, Field

from app.api.deps import CurrentUser, State, login_gate
from app.api.schemas import LoginOut, Ok, UserOut
from app.directory import DirectoryUnavailable
from app.stores.users import User

log = logging.getLogger("privrag.service")

router = APIRouter(tags=["auth"])


class LoginRequest(BaseModel):
    username: str = Field(max_length=128)
    password: str = Field(max_length=1024)


def user_json(user: User) -> dict[str, Any]:
    return {
        "name": user.name,
        "role": user.role,
        "groups": user.groups,
        "permissions": sorted(user.permissions),
    }


@router.post("/v1/auth/login", response_model=LoginOut)
def login(body: LoginRequest, request: Request, state: State) -> Any:
    login_gate(state, request, body.username)
    try:  # local users first (break-glass), then the directory; each outcome audited
        user = state.authenticator.login(body.username, body.password)
    except DirectoryUnavailable as exc:
        log.error("directory login failed: %s", exc)
        raise HTTPException(
            503, "the company directory cannot be reached: try again later (local accounts still log in)"
        ) from exc
    if user is None:
        state.login_throttle.failed(body.username)
        raise HTTPException(401, "wrong user name or password")
    lifetime = state.container.settings.service.session_hours * 3600
    session = state.container.users.issue_token(user.name, lifetime=lifetime)
    return {"token": session, "user": user_json(user)}


@router.post("/v1/auth/logout", response_model=Ok)
def logout(user: CurrentUser, state: State, authorization: Annotated[str, Header()]) -> Any:
    state.container.users.revoke(authorization.split(" ", 1)[1].strip())
    state.container.audit.record(user.name, "logout")
    return {"ok": True}


@router.get("/v1/me", response_model=UserOut)
def me(user: CurrentUser) -> Any:
    return user_json(user)
