"""The privrag service: owns the store, database, vault and model; the UI and CLI talk to it over HTTP.

``create_app`` builds the service's state once (``app.api.deps.ServiceState`` on ``app.state.service``) and
includes one router per feature (``app/api/``).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from app.api import audit, auth, chat, conversations, documents, eval, ops, uploads, users
from app.api.deps import ServiceState
from app.body_limit import BodyLimitMiddleware
from app.container import Container
from app.directory import directory_for
from app.directory_login import Authenticator
from app.eval_jobs import EvalJob, EvalJobs
from app.ingest_jobs import IngestJobs, discarding_uploads
from app.metrics import Metrics, scrape_token
from app.ratelimit import LoginThrottle, RateLimiter
from app.uploads import clean_uploads

log = logging.getLogger("privrag.service")

ROUTERS = (ops, auth, chat, documents, uploads, conversations, users, audit, eval)


def service_state(container: Container) -> ServiceState:
    """The jobs, metrics, login and rate limits of one service over ``container``."""
    uploads_dir = container.settings.home / "uploads"
    clean_uploads(uploads_dir)  # left by a stop or crash: no job uses them now
    jobs = IngestJobs(
        discarding_uploads(
            lambda job, progress: container.ingestor.run(job.paths, job.groups, job.sync, progress),
            uploads_dir,
        )
    )

    def finished(job: EvalJob) -> None:
        container.audit.record(job.user, f"eval_{job.status}", job=job.id, kind=job.kind, run=job.run)

    metrics = Metrics(container, jobs)
    limits = container.settings.service
    return ServiceState(
        container=container,
        jobs=jobs,
        eval_jobs=EvalJobs(on_finish=finished),
        metrics=metrics,
        authenticator=Authenticator(
            container, directory_for(container.settings.auth), on_login=metrics.login
        ),
        chat_limiter=RateLimiter(limits.chat_per_minute),
        login_throttle=LoginThrottle(
            limits.logins_per_minute, limits.logins_per_address_per_minute, limits.login_name_delay_s
        ),
        scrape_token=scrape_token(container),
    )


def create_app(container: Container) -> FastAPI:
    app = FastAPI(title="privrag", version="0.1.0")
    state = service_state(container)
    app.state.service = state
    limits = container.settings.service
    app.add_middleware(  # counted on the stream, before any route or authentication (app/body_limit.py)
        BodyLimitMiddleware,
        max_bytes=int(limits.max_request_mb * 1024 * 1024),
        label=f"{limits.max_request_mb:g} MB",
    )
    app.middleware("http")(ops.count_requests)
    app.add_exception_handler(Exception, _unexpected)
    for module in ROUTERS:
        app.include_router(module.router)
    return app


async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
    log.error("unhandled error: %s", type(exc).__name__)
    return JSONResponse(status_code=500, content={"detail": f"internal error ({type(exc).__name__})"})
