"""User administration and API tokens: add, list, change and remove users; issue, list and revoke tokens.

Every change is written to the audit log (``user_added``, ``user_changed``, ``user_removed``,
``token_issued``, ``token_revoked``). A token is shown once, when it is issued; afterwards only its id (a
prefix of its stored hash) is known.

Minting (``POST /v1/tokens``): every API token expires and has a scope. Asked for with a token only, the new
token ends no later than the caller's token and holds none of the permissions that token lacks
(``user_operations.MintLimit``): a 12-hour session mints tokens of at most 12 hours. With the caller's
password given again (``password``, throttled like a login), it may live up to ``api_token_max_days``.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, Field

from app import user_operations as ops
from app.api.auth import user_json
from app.api.deps import CurrentUser, ServiceState, State, login_gate, require
from app.api.schemas import IssuedToken, Removed, Revoked, UserOut
from app.stores.users import User, UserError
from app.tokens import TokenInfo
from app.user_operations import MintLimit, token_json

router = APIRouter(tags=["users"])


class UserRequest(BaseModel):
    name: str
    role: str
    groups: list[str] = Field(default_factory=list)
    password: str


class UserChangeRequest(BaseModel):
    role: str | None = Field(None, max_length=32)
    groups: list[str] | None = None
    password: str | None = Field(None, min_length=8, max_length=1024)


class TokenRequest(BaseModel):
    user: str | None = Field(None, max_length=128, description="whose (admins only); the caller's if omitted")
    expires_in: int | None = Field(
        None, ge=1, description="lifetime in seconds; [service] api_token_days if omitted"
    )
    scope: list[str] | None = Field(None, max_length=16, description="permissions; all the request may grant")
    password: str | None = Field(
        None, max_length=1024, description="the caller's password: lifts the cap of the caller's own token"
    )


def subject(state: ServiceState, caller: User, name: str | None) -> str:
    """Whose tokens a request is about: the caller's own, or anyone's for a user manager."""
    if name is None or name == caller.name:
        return caller.name
    require(caller, "manage_users")
    if state.container.users.get(name) is None:
        raise HTTPException(404, f"user: no user {name!r}")
    return name


@router.get("/v1/users", response_model=list[UserOut])
def list_users(user: CurrentUser, state: State) -> Any:
    require(user, "manage_users")
    return [user_json(u) for u in state.container.users.list()]


@router.post("/v1/users", response_model=UserOut)
def add_user(body: UserRequest, user: CurrentUser, state: State) -> Any:
    require(user, "manage_users")
    try:
        created = ops.add_user(state.container, user.name, body.name, body.role, body.groups, body.password)
    except UserError as exc:
        raise HTTPException(422, str(exc)) from exc
    return user_json(created)


@router.patch("/v1/users/{name}", response_model=UserOut)
def change_user(name: str, body: UserChangeRequest, user: CurrentUser, state: State) -> Any:
    require(user, "manage_users")
    if state.container.users.get(name) is None:
        raise HTTPException(404, f"user: no user {name!r}")
    try:
        changed = ops.change_user(state.container, user.name, name, body.role, body.groups, body.password)
    except UserError as exc:
        raise HTTPException(422, str(exc)) from exc
    return user_json(changed)


@router.delete("/v1/users/{name}", response_model=Removed)
def remove_user(name: str, user: CurrentUser, state: State) -> Any:
    require(user, "manage_users")
    if name == user.name:
        raise HTTPException(422, "name: you cannot remove yourself")
    try:
        ops.remove_user(state.container, user.name, name)
    except UserError as exc:
        raise HTTPException(404 if "no user" in str(exc) else 422, str(exc)) from exc
    return {"removed": name}


@router.post("/v1/tokens", response_model=IssuedToken)
def issue_token(body: TokenRequest, request: Request, user: CurrentUser, state: State) -> Any:
    owner = subject(state, user, body.user)
    limit: MintLimit | None = MintLimit.of(user)
    if body.password is not None:
        login_gate(state, request, user.name)
        if state.container.users.check_password(user.name, body.password) is None:
            raise HTTPException(403, "password: wrong password")
        limit = None if user.acting_admin is None else limit
    try:
        return ops.issue_api_token(state.container, user.name, owner, body.expires_in, body.scope, limit)
    except UserError as exc:
        raise HTTPException(422, str(exc)) from exc


@router.get("/v1/tokens", response_model=list[TokenInfo])
def list_tokens(user: CurrentUser, state: State, owner: str | None = None) -> Any:
    return [token_json(t) for t in state.container.users.tokens(subject(state, user, owner))]


@router.delete("/v1/tokens/{token_id}", response_model=Revoked)
def revoke_token(token_id: str, user: CurrentUser, state: State, owner: str | None = None) -> Any:
    whose = subject(state, user, owner)
    try:
        found = ops.revoke_token(state.container, user.name, whose, token_id)
    except UserError as exc:
        raise HTTPException(422, str(exc)) from exc
    if not found:
        raise HTTPException(404, f"token_id: {whose!r} has no token {token_id!r}")
    return {"revoked": token_id}
