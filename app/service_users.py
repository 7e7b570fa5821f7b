"""User administration and API tokens over HTTP: change roles and groups, remove users, manage tokens.

Every change is written to the audit log (``user_changed``, ``user_removed``, ``token_issued``,
``token_revoked``). A token is shown once, when it is issued; afterwards only its id (a prefix of its stored
hash) is known.

Minting (``POST /v1/tokens``): every API token expires and has a scope. Asked for with a token only, the new
token ends no later than the caller's token and holds none of the permissions that token lacks
(``user_operations.MintLimit``): a 12-hour session mints tokens of at most 12 hours. With the caller's
password given again (``password``, throttled like a login), it may live up to ``api_token_max_days``.
"""

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request
from pydantic import BaseModel, Field

from app import user_operations as ops
from app.container import Container
from app.stores.users import User, UserError
from app.user_operations import MintLimit, token_json


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


def register_user_routes(
    app: FastAPI,
    container: Container,
    current_user: Callable[..., User],
    require: Callable[[User, str], None],
    user_json: Callable[[User], dict],
    login_gate: Callable[[Request, str], None],
) -> None:
    CurrentUser = Annotated[User, Depends(current_user)]
    users = container.users

    def subject(caller: User, name: str | None) -> str:
        """Whose tokens a request is about: the caller's own, or anyone's for a user manager."""
        if name is None or name == caller.name:
            return caller.name
        require(caller, "manage_users")
        if users.get(name) is None:
            raise HTTPException(404, f"user: no user {name!r}")
        return name

    @app.patch("/v1/users/{name}")
    def change_user(name: str, body: UserChangeRequest, user: CurrentUser) -> dict:
        require(user, "manage_users")
        if users.get(name) is None:
            raise HTTPException(404, f"user: no user {name!r}")
        try:
            changed = ops.change_user(container, user.name, name, body.role, body.groups, body.password)
        except UserError as exc:
            raise HTTPException(422, str(exc)) from exc
        return user_json(changed)

    @app.delete("/v1/users/{name}")
    def remove_user(name: str, user: CurrentUser) -> dict:
        require(user, "manage_users")
        if name == user.name:
            raise HTTPException(422, "name: you cannot remove yourself")
        try:
            ops.remove_user(container, user.name, name)
        except UserError as exc:
            raise HTTPException(404 if "no user" in str(exc) else 422, str(exc)) from exc
        return {"removed": name}

    @app.post("/v1/tokens")
    def issue_token(body: TokenRequest, request: Request, user: CurrentUser) -> dict:
        owner = subject(user, body.user)
        limit: MintLimit | None = MintLimit.of(user)
        if body.password is not None:
            login_gate(request, user.name)
            if users.check_password(user.name, body.password) is None:
                raise HTTPException(403, "password: wrong password")
            limit = None if user.acting_admin is None else limit
        try:
            return ops.issue_api_token(container, user.name, owner, body.expires_in, body.scope, limit)
        except UserError as exc:
            raise HTTPException(422, str(exc)) from exc

    @app.get("/v1/tokens")
    def list_tokens(user: CurrentUser, owner: str | None = None) -> list[dict]:
        return [token_json(t) for t in users.tokens(subject(user, owner))]

    @app.delete("/v1/tokens/{token_id}")
    def revoke_token(token_id: str, user: CurrentUser, owner: str | None = None) -> dict:
        whose = subject(user, owner)
        try:
            found = ops.revoke_token(container, user.name, whose, token_id)
        except UserError as exc:
            raise HTTPException(422, str(exc)) from exc
        if not found:
            raise HTTPException(404, f"token_id: {whose!r} has no token {token_id!r}")
        return {"revoked": token_id}
