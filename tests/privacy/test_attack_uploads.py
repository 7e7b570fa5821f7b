"""Attacks on uploaded originals: raw documents left in the home by a restart, or spooled outside the home.

Someone with a copy of the home (a backup, a stolen disk) looks under ``<home>/uploads/`` for the raw files
an upload left there when the service stopped before its job ran; an insider with a shell on the host looks
in the system temporary folder while a large upload is being received."""

from __future__ import annotations

import io
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.uploads import Upload, save_uploads
from tests.privacy.conftest import PERSONNEL_FILE, PrivacyService, Template, start_service


@pytest.fixture(scope="module")
def first_run(
    tmp_path_factory: pytest.TempPathFactory, tiny_gguf: Path, privacy_template: Template
) -> Iterator[tuple]:
    """A service over a copy of the harness's home, and ``stop()`` to stop it before the module ends."""
    home = tmp_path_factory.mktemp("privacy-uploads") / "home"
    shutil.copytree(privacy_template.home, home)
    generator = start_service(home, privacy_template.docs, tiny_gguf)
    service = next(generator)
    stopped = []

    def stop() -> None:
        if not stopped:
            stopped.append(True)
            generator.close()

    yield service, stop, (home, privacy_template.docs, tiny_gguf)
    stop()


def _raw_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_a_large_upload_never_touches_the_system_temporary_folder(
    first_run: tuple, monkeypatch: pytest.MonkeyPatch
) -> None:
    service: PrivacyService = first_run[0]

    def refused(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("an upload was spooled to the system temporary folder")

    for name in ("SpooledTemporaryFile", "TemporaryFile", "NamedTemporaryFile", "mkstemp"):
        monkeypatch.setattr(tempfile, name, refused)
    # A large export of the personnel file (a format ingestion refuses: its job fails quickly, which must
    # remove the upload all the same).
    big = PERSONNEL_FILE.encode() * (3 * 1024 * 1024 // len(PERSONNEL_FILE))
    assert len(big) > 2 * 1024 * 1024  # over Starlette's 1 MB spool threshold
    with service.client("boss") as admin:
        response = admin.post(
            "/v1/ingest/upload", files=[("files", ("personnel_export.bin", big, "application/octet-stream"))]
        )
        assert response.status_code == 200, response.text
        job_id = response.json()["id"]
        deadline = time.monotonic() + 300
        while admin.get(f"/v1/jobs/{job_id}").json()["status"] not in ("done", "failed"):
            assert time.monotonic() < deadline, "the upload's job did not end"
            time.sleep(0.5)
    assert _raw_files(service.home / "uploads") == [], "ingested uploads are removed"


def test_uploads_left_by_a_restart_are_gone(first_run: tuple) -> None:
    service, stop, serve_args = first_run
    uploads = service.home / "uploads"
    # The service stops (or crashes) with an upload received but not yet ingested.
    save_uploads(
        uploads, [Upload("Margaret_Okonkwo-Hale_warning.txt", io.BytesIO(PERSONNEL_FILE.encode()))], 10**6
    )
    stop()
    assert _raw_files(uploads), "precondition: the raw upload is on disk while the service is down"
    restarted = start_service(*serve_args)  # the same home served again
    try:
        url = next(restarted).url
        assert httpx.get(f"{url}/healthz").status_code == 200
        leftovers = _raw_files(uploads)
        assert leftovers == [], f"raw uploads survive a restart: {leftovers}"
        for path in service.home.rglob("*"):
            assert "Okonkwo" not in path.name, path
    finally:
        restarted.close()
