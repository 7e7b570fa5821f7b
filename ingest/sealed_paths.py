"""Source paths kept encrypted in the catalog: a file name can name a person (``Jane_Doe_warning.pdf``).

The catalog's ``source`` column holds the document's display name (its file name pseudonymized like its
text); the real path, which ingestion needs to find the file again (incremental runs, ``--sync``, deletion by
path), is sealed with AES-GCM under the vault's encryption key, bound to the document id.
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_PREFIX = "v1:"


class SealedPathError(ValueError):
    """A sealed path that does not open (another key, or edited)."""


@dataclass(frozen=True)
class PathSealer:
    """Seals and opens paths with a 32-byte key (the vault's AES-GCM key)."""

    key: bytes

    def seal(self, doc_id: str, path: str) -> str:
        nonce = secrets.token_bytes(12)
        sealed = AESGCM(self.key).encrypt(nonce, path.encode(), b"privrag-path:" + doc_id.encode())
        return _PREFIX + base64.b64encode(nonce + sealed).decode()

    def open(self, doc_id: str, sealed: str) -> str:
        if not sealed.startswith(_PREFIX):
            raise SealedPathError(f"document {doc_id}: its sealed path has an unknown format")
        raw = base64.b64decode(sealed[len(_PREFIX) :])
        try:
            return AESGCM(self.key).decrypt(raw[:12], raw[12:], b"privrag-path:" + doc_id.encode()).decode()
        except InvalidTag as exc:
            raise SealedPathError(f"document {doc_id}: its sealed path does not open with this key") from exc
