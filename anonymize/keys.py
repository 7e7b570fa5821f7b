"""The vault's master key: 32 random bytes in a 0600 file, split into HMAC and AES-GCM keys by HKDF."""

from __future__ import annotations

import base64
import contextlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


class KeyFileError(RuntimeError):
    """The key file is missing, unreadable, malformed or too permissive."""


@dataclass(frozen=True)
class VaultKeys:
    lookup_key: bytes
    encryption_key: bytes

    @classmethod
    def from_master(cls, master: bytes) -> VaultKeys:
        def derive(info: bytes) -> bytes:
            return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(master)

        return cls(lookup_key=derive(b"privrag-vault-lookup"), encryption_key=derive(b"privrag-vault-aesgcm"))


def _create_once(path: Path) -> None:
    """Write a new key to ``path`` whole or not at all: the key is written to a private temporary file that
    is then linked into place, which fails if another process (a service replica starting at the same time)
    linked its key first; that key is then the one everybody reads. No reader sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(base64.b64encode(secrets.token_bytes(32)).decode() + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):  # another process created it first: read theirs
            os.link(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def load_or_create_key(path: Path, create: bool = True) -> VaultKeys:
    """Read the master key at ``path``; create it (mode 0600) when absent and ``create`` is true."""
    if not path.exists():
        if not create:
            raise KeyFileError(f"{path}: vault key file does not exist")
        _create_once(path)
    mode = path.stat().st_mode & 0o777
    if mode & 0o077:
        raise KeyFileError(
            f"{path}: vault key file must not be readable by others (mode {oct(mode)}, want 0600)"
        )
    try:
        master = base64.b64decode(path.read_text().strip(), validate=True)
    except (ValueError, OSError) as exc:
        raise KeyFileError(f"{path}: cannot read the vault key: {exc}") from exc
    if len(master) != 32:
        raise KeyFileError(f"{path}: vault key must be 32 bytes base64-encoded, got {len(master)} bytes")
    return VaultKeys.from_master(master)
