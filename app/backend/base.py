"""The ``Backend`` protocol: what CLI commands ask of privrag, answered by the service or by the home."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol

if TYPE_CHECKING:
    from ingest.sharding import Shard

SHARD_ALONE = (
    "--shard runs in this process on a shared store and database: not with --rebuild, and not on a "
    "home whose service is running (use a worker home with the same [store] and [database])"
)


class BackendError(Exception):
    """A refused request or bad input, explained in one line (the service's own words over HTTP)."""


@dataclass(frozen=True)
class IngestRequest:
    paths: list[str]  # absolute
    groups: list[str]
    sync: bool = False  # remove documents whose files are gone
    if_empty: bool = False  # only when the home has no documents yet (local)
    rebuild: bool = False  # drop the whole index first (local)
    shard: Shard | None = None  # only this shard's files (local)
    quiet: bool = False  # no progress on stderr


class Backend(Protocol):
    """One implementation per place the work can happen; results are the JSON the CLI prints."""

    kind: Literal["service", "local"]

    def ingest(self, request: IngestRequest) -> dict[str, Any]: ...

    def delete(self, doc: str) -> dict[str, Any]: ...

    def ask(self, question: str, user: str | None, reveal: bool) -> Iterator[dict[str, Any]]:
        """Answer events: ``{"type": "token", "text"}`` while streaming, then ``{"type": "done",
        "answer"}``."""
        ...

    def users(self) -> list[dict[str, Any]]: ...

    def add_user(self, name: str, role: str, groups: list[str], password: str) -> dict[str, Any]: ...

    def change_user(
        self, name: str, role: str | None, groups: list[str] | None, password: str | None
    ) -> dict[str, Any]: ...

    def remove_user(self, name: str) -> dict[str, Any]: ...

    def issue_token(self, name: str) -> dict[str, Any]: ...

    def tokens(self, name: str) -> list[dict[str, Any]]: ...

    def revoke_token(self, name: str, token_id: str) -> dict[str, Any]: ...

    def audit_verify(self) -> dict[str, Any]: ...

    def erase(self, value: str, entity_type: str | None) -> dict[str, Any]: ...

    def leakage(self, values: list[str] | None) -> dict[str, Any]: ...

    def close(self) -> None: ...
