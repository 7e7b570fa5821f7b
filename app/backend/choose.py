"""``open_backend``: the running service of the home when there is one, else the home itself."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from app.backend.base import Backend
from app.backend.http import HttpBackend
from app.client import ServiceClient, find_service

if TYPE_CHECKING:
    from app.settings import Settings

# The local backend (app.container: the detector, the embedder, the vector store) takes seconds to import:
# it is imported only when no service runs, so a command that talks to the service starts at once.


def service_client(settings: Settings) -> ServiceClient | None:
    """A client of the service running on this home, with a working CLI token; None when none runs."""
    client = find_service(settings.home)
    if client is not None and client.token and client.request_status("GET", "/v1/me") == 401:
        from app import cli_token  # the token expired or its admin's password changed: issue a new one
        from app.container import Container

        container = Container(settings)
        try:
            client.token = cli_token.ensure(container)
        finally:
            container.close()
    return client


@contextmanager
def open_backend(settings: Settings) -> Iterator[Backend]:
    """The service's backend when it runs on ``settings.home``, else a local one; closed on exit."""
    client = service_client(settings)
    if client is not None:
        backend: Backend = HttpBackend(client)
    else:
        from app.backend.local import LocalBackend
        from app.container import Container

        backend = LocalBackend(Container(settings))
    try:
        yield backend
    finally:
        backend.close()
