"""The ``Backend`` of a home no service runs on: the work happens in this process, on a ``Container``.

Every change is audited with "cli" as the actor, as the service audits its callers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any, Literal, TypeVar

from app import user_operations as ops
from app.backend.base import BackendError, IngestRequest
from app.backend.local_ingest import ingest_local
from app.container import Container
from app.stores.users import UserError

T = TypeVar("T")
ACTOR = "cli"


def _user_call(call: Callable[[], T]) -> T:
    """``call()``, with bad input about users (``UserError``) as a ``BackendError``."""
    try:
        return call()
    except UserError as exc:
        raise BackendError(str(exc)) from exc


def _user_json(user: Any) -> dict[str, Any]:
    return {"name": user.name, "role": user.role, "groups": user.groups}


class LocalBackend:
    """Works on the home directly; ``close()`` releases the store and the detector."""

    kind: Literal["service", "local"] = "local"

    def __init__(self, container: Container) -> None:
        self.container = container

    def ingest(self, request: IngestRequest) -> dict[str, Any]:
        return ingest_local(self.container, request)

    def delete(self, doc: str) -> dict[str, Any]:
        from app.operations import delete_document

        result = delete_document(self.container, ACTOR, doc)
        if result is None:
            raise BackendError(f"document {doc!r} is not in the index")
        return result

    def ask(self, question: str, user: str | None, reveal: bool) -> Iterator[dict[str, Any]]:
        from app.operations import answer_and_audit
        from app.reveal_policy import RevealRefused, authorize_reveal

        account = self.container.users.get(user) if user else None
        if user and account is None:
            raise BackendError(f"--user: user {user!r} does not exist")
        try:  # the one reveal decision, as the service's (app.reveal_policy); no --user: the home's operator
            reveal = authorize_reveal(account, reveal)
        except RevealRefused as exc:
            raise BackendError(f"--reveal: role {exc.role!r} may not reveal values") from exc
        groups = account.access_groups if account else None
        # the console acting as --user: audited with "cli" as the actor and the user as the subject
        actor = dataclasses.replace(account, acting_admin=ACTOR) if account else ACTOR
        yield from answer_and_audit(self.container, actor, groups, question, reveal)

    def users(self) -> list[dict[str, Any]]:
        return [_user_json(u) for u in self.container.users.list()]

    def add_user(self, name: str, role: str, groups: list[str], password: str) -> dict[str, Any]:
        user = _user_call(lambda: ops.add_user(self.container, ACTOR, name, role, groups, password))
        return _user_json(user)

    def change_user(
        self, name: str, role: str | None, groups: list[str] | None, password: str | None
    ) -> dict[str, Any]:
        user = _user_call(lambda: ops.change_user(self.container, ACTOR, name, role, groups, password))
        return _user_json(user)

    def remove_user(self, name: str) -> dict[str, Any]:
        _user_call(lambda: ops.remove_user(self.container, ACTOR, name))
        return {"removed": name}

    def issue_token(self, name: str) -> dict[str, Any]:
        return _user_call(lambda: ops.issue_api_token(self.container, ACTOR, name))

    def tokens(self, name: str) -> list[dict[str, Any]]:
        return _user_call(lambda: [ops.token_json(t) for t in self.container.users.tokens(name)])

    def revoke_token(self, name: str, token_id: str) -> dict[str, Any]:
        if not _user_call(lambda: ops.revoke_token(self.container, ACTOR, name, token_id)):
            raise BackendError(f"token_id: {name!r} has no token {token_id!r}")
        return {"revoked": token_id}

    def audit_verify(self) -> dict[str, Any]:
        return dict(self.container.audit.verify().__dict__)

    def erase(self, value: str, entity_type: str | None) -> dict[str, Any]:
        from app.operations import erase_value

        return erase_value(self.container, ACTOR, value, entity_type)

    def leakage(self, values: list[str] | None) -> dict[str, Any]:
        from eval.leakage import scan_home

        result = scan_home(self.container, values)
        self.container.audit.record(ACTOR, "leakage_scan", found=result["raw_values_found"])
        return result

    def close(self) -> None:
        self.container.close()
