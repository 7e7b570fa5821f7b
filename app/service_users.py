"""User administration and API tokens over HTTP: change roles and groups, remove users, manage tokens.

Every change is written to the audit log (``user_changed``, ``user_removed``, ``token_issued``,
``token_revoked``). A token is shown once, when it is issued; afterwards only its id (a prefix of its stored
hash) is known.
"""

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel, Field

from app.container import Container
from app.users import TokenInfo, User, UserError


class UserChangeRequest(BaseModel):
    role: str | None = Field(None, max_length=32)
    groups: list[str] | None = None
    password: str | None = Field(None, min_length=8, max_length=1024)


class TokenRequest(BaseModel):
    user: str | None = Field(None, max_length=128, description="whose (admins only); the caller's if omitted")


def token_json(info: TokenInfo) -> dict:
    return {
        "id": info.id,
        "user": info.user,
        "kind": info.kind,
        "created_at": info.created_at,
        "expires_at": info.expires_at,
        "active": info.active,
    }


def register_user_routes(
    app: FastAPI,
    container: Container,
    current_user: Callable[..., User],
    require: Callable[[User, str], None],
    user_json: Callable[[User], dict],
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
            changed = users.update(name, role=body.role, groups=body.groups)
            if body.password is not None:
                users.set_password(name, body.password)
        except UserError as exc:
            raise HTTPException(422, str(exc)) from exc
        container.audit.record(
            user.name,
            "user_changed",
            name=name,
            role=changed.role,
            groups=changed.groups,
            password_changed=body.password is not None,
        )
        return user_json(changed)

    @app.delete("/v1/users/{name}")
    def remove_user(name: str, user: CurrentUser) -> dict:
        require(user, "manage_users")
        if name == user.name:
            raise HTTPException(422, "name: you cannot remove yourself")
        try:
            users.remove(name)
        except UserError as exc:
            raise HTTPException(404 if "no user" in str(exc) else 422, str(exc)) from exc
        container.audit.record(user.name, "user_removed", name=name)
        return {"removed": name}

    @app.post("/v1/tokens")
    def issue_token(body: TokenRequest, user: CurrentUser) -> dict:
        owner = subject(user, body.user)
        token = users.issue_token(owner, kind="api")
        info = users.tokens(owner)[0]
        container.audit.record(user.name, "token_issued", owner=owner, token_id=info.id)
        return {**token_json(info), "token": token}

    @app.get("/v1/tokens")
    def list_tokens(user: CurrentUser, owner: str | None = None) -> list[dict]:
        return [token_json(t) for t in users.tokens(subject(user, owner))]

    @app.delete("/v1/tokens/{token_id}")
    def revoke_token(token_id: str, user: CurrentUser, owner: str | None = None) -> dict:
        whose = subject(user, owner)
        try:
            found = users.revoke_id(whose, token_id)
        except UserError as exc:
            raise HTTPException(422, str(exc)) from exc
        if not found:
            raise HTTPException(404, f"token_id: {whose!r} has no token {token_id!r}")
        container.audit.record(user.name, "token_revoked", owner=whose, token_id=token_id)
        return {"revoked": token_id}
