"""Operations: ``/healthz`` (alive), ``/readyz`` (ready, and which parts failed), ``/metrics`` (Prometheus).

``/readyz`` checks the store, database, model and directory and is 503 naming the parts that failed (each
check's detail only with the scrape token: it names hosts and files). ``/metrics`` wants
``Authorization: Bearer <scrape token>`` (401 without it). ``count_requests`` is the middleware that feeds
the request metrics.
"""

from __future__ import annotations

import hmac
import time
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Request, Response
from fastapi.responses import JSONResponse

from app.api.deps import ServiceState, State
from app.api.schemas import Ok, Readiness
from app.health import readiness
from app.metrics import CONTENT_TYPE

router = APIRouter(tags=["operations"])

REVEAL_ROUTES = {("GET", "/v1/conversations/{conversation_id}")}  # shown with real values when ?reveal=true

METRICS: dict[int | str, dict[str, Any]] = {200: {"content": {CONTENT_TYPE: {"schema": {"type": "string"}}}}}


def operator(state: ServiceState, authorization: str | None) -> bool:
    """The request carries the scrape token."""
    token = state.scrape_token
    sent = (authorization or "").split(" ", 1)
    return (
        len(sent) == 2
        and sent[0].lower() == "bearer"
        and hmac.compare_digest(sent[1].strip().encode(), token.encode())
    )


async def count_requests(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    """Middleware: each request counted by route template and status; reveals of conversations counted."""
    metrics = request.app.state.service.metrics
    started = time.perf_counter()
    status = 500
    try:
        response = await call_next(request)
        status = response.status_code
        return response
    finally:
        route = getattr(request.scope.get("route"), "path", None) or "unmatched"
        metrics.observe_request(request.method, route, status, time.perf_counter() - started)
        revealed = request.query_params.get("reveal", "").lower() in ("1", "true", "yes")
        if status == 200 and revealed and (request.method, route) in REVEAL_ROUTES:
            metrics.reveals.inc()


@router.get("/healthz", response_model=Ok)
def healthz() -> Any:
    return {"ok": True}


@router.get("/readyz", response_model=Readiness, responses={503: {"model": Readiness}})
def readyz(state: State, authorization: Annotated[str | None, Header()] = None) -> JSONResponse:
    """Ready or not and which parts failed, for anyone (probes); details with the scrape token."""
    result = readiness(state.container, state.authenticator.directory).to_json()
    if not operator(state, authorization):
        result["checks"] = {name: {"ok": check["ok"]} for name, check in result["checks"].items()}
    return JSONResponse(status_code=200 if result["ready"] else 503, content=result)


@router.get("/metrics", response_class=Response, responses=METRICS)
def prometheus(state: State, authorization: Annotated[str | None, Header()] = None) -> Response:
    if not operator(state, authorization):
        raise HTTPException(
            401,
            "metrics need 'Authorization: Bearer <scrape token>' "
            "([metrics] token or <home>/keys/metrics.token)",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return Response(state.metrics.render(), media_type=CONTENT_TYPE)
