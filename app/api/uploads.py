"""``POST /v1/ingest/upload``: documents uploaded through the web UI, ingested by a job, then removed.

The body is parsed off the stream straight into ``<home>/uploads/<id>/`` (``app.upload_stream``): nothing is
spooled to the system temporary folder. The folder goes when its job ends, whether ingestion failed or not
(``app.ingest_jobs.discarding_uploads``), and whatever a crash left is removed when the service starts
(``app.uploads.clean_uploads``, called by ``create_app``).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request

from app.api.deps import CurrentUser, State, require
from app.api.schemas import UploadJobOut
from app.ingest_jobs import new_job
from app.upload_stream import receive_uploads
from app.uploads import UploadError, discard_uploads

router = APIRouter(tags=["documents"])

MAX_GROUPS_CHARS = 2000

OPENAPI = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["files"],
                    "properties": {
                        "files": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            "description": "documents to ingest",
                        },
                        "groups": {
                            "type": "string",
                            "maxLength": MAX_GROUPS_CHARS,
                            "description": "access groups, comma-separated",
                        },
                    },
                }
            }
        },
    }
}


@router.post("/v1/ingest/upload", response_model=UploadJobOut, openapi_extra=OPENAPI)
async def upload(request: Request, user: CurrentUser, state: State) -> Any:
    require(user, "ingest")  # before a byte of the body is read
    settings = state.container.settings
    root = settings.home / "uploads"
    max_bytes = int(settings.ingest.max_file_mb * 1024 * 1024)
    try:
        received = await receive_uploads(
            request.headers.get("content-type", ""), request.stream(), root, max_bytes
        )
        groups = received.fields.get("groups", "")
        if len(groups) > MAX_GROUPS_CHARS:
            discard_uploads(root, [str(received.folder)])
            raise UploadError(f"groups: longer than {MAX_GROUPS_CHARS} characters")
    except UploadError as exc:
        raise HTTPException(413 if exc.too_large else 422, f"upload rejected: {exc}") from exc
    group_list = [g.strip() for g in groups.split(",") if g.strip()]
    saved = sorted(received.folder / name for name in received.names)  # unsupported ones are reported
    try:
        job = state.jobs.submit(new_job(user.name, [str(p) for p in saved], group_list))
    except BaseException:
        discard_uploads(root, [str(received.folder)])
        raise
    state.container.audit.record(
        user.name, "ingest_submitted", job=job.id, paths=len(saved), uploaded=True, groups=group_list
    )
    return {**job.to_json(), "uploaded": received.names}
