"""Operations routes: ``/readyz``, ``/metrics`` (behind a scrape token) and the request metrics.

``/healthz`` (alive) is in ``app.service``; ``/readyz`` checks the store, database, model and directory and is
503 naming the parts that failed (each check's detail only with the scrape token: it names hosts and files).
``/metrics`` wants ``Authorization: Bearer <scrape token>`` (401 without it).
"""

from __future__ import annotations

import hmac
import time
from typing import Annotated

from fastapi import FastAPI, Header, HTTPException, Request, Response
from fastapi.responses import JSONResponse

from app.container import Container
from app.directory import Directory
from app.health import readiness
from app.metrics import CONTENT_TYPE, Metrics, scrape_token

REVEAL_ROUTES = {("GET", "/v1/conversations/{conversation_id}")}  # shown with real values when ?reveal=true


def register_ops_routes(
    app: FastAPI, container: Container, metrics: Metrics, directory: Directory | None
) -> None:
    token = scrape_token(container)

    @app.middleware("http")
    async def _count_requests(request: Request, call_next):  # type: ignore[no-untyped-def]
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

    def operator(authorization: str | None) -> bool:
        sent = (authorization or "").split(" ", 1)
        return (
            len(sent) == 2
            and sent[0].lower() == "bearer"
            and hmac.compare_digest(sent[1].strip().encode(), token.encode())
        )

    @app.get("/readyz")
    def readyz(authorization: Annotated[str | None, Header()] = None) -> JSONResponse:
        """Ready or not and which parts failed, for anyone (probes); details with the scrape token."""
        result = readiness(container, directory).to_json()
        if not operator(authorization):
            result["checks"] = {name: {"ok": check["ok"]} for name, check in result["checks"].items()}
        return JSONResponse(status_code=200 if result["ready"] else 503, content=result)

    @app.get("/metrics")
    def prometheus(authorization: Annotated[str | None, Header()] = None) -> Response:
        if not operator(authorization):
            raise HTTPException(
                401,
                "metrics need 'Authorization: Bearer <scrape token>' "
                "([metrics] token or <home>/keys/metrics.token)",
                headers={"WWW-Authenticate": "Bearer"},
            )
        return Response(metrics.render(), media_type=CONTENT_TYPE)
