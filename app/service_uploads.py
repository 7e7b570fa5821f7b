"""``POST /v1/ingest/upload``: documents uploaded through the web UI, ingested by a job, then removed.

The body is parsed off the stream straight into ``<home>/uploads/<id>/`` (``app.upload_stream``): nothing is
spooled to the system temporary folder. The folder goes when its job ends, whether ingestion failed or not
(``service_ui.ingest_runner``), and whatever a crash left is removed when the service starts
(``app.uploads.clean_uploads``, called by ``create_app``).
"""

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request

from app.container import Container
from app.stores.users import User
from app.upload_stream import receive_uploads
from app.uploads import UploadError, discard_uploads

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


def register_upload_routes(
    app: FastAPI,
    container: Container,
    current_user: Callable[..., User],
    require: Callable[[User, str], None],
) -> None:
    CurrentUser = Annotated[User, Depends(current_user)]

    @app.post("/v1/ingest/upload", openapi_extra=OPENAPI)
    async def upload(request: Request, user: CurrentUser) -> dict:
        require(user, "ingest")  # before a byte of the body is read
        root = container.settings.home / "uploads"
        max_bytes = int(container.settings.ingest.max_file_mb * 1024 * 1024)
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
            job = app.state.jobs.submit(user.name, [str(p) for p in saved], group_list, False)
        except BaseException:
            discard_uploads(root, [str(received.folder)])
            raise
        container.audit.record(
            user.name, "ingest_submitted", job=job.id, paths=len(saved), uploaded=True, groups=group_list
        )
        return {**job.to_json(), "uploaded": received.names}
