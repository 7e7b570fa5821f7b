"""The audit log's keyed hash chain and its signed head.

Each row's ``hash`` is an HMAC-SHA256, under a key kept in ``<home>/keys/audit.key``, of the previous row's
hash and the row's own fields (id, time, actor, subject, action, detail). Without the key nobody can write a
row that verifies, so rewriting the whole chain with recomputed hashes is detected. The head (the last row's
id and hash, and where the unkeyed rows of a chain begun before keying end) is kept in a table of its own,
signed with the same key: deleting the last rows (truncation) leaves a head that points past the table's end.

Rows written before the chain was keyed (privrag before migration 0004) keep their unkeyed SHA-256 links; the
first keyed row links to the last of them, and the signed head records where they end, so they can no longer
be rewritten either (the first keyed row's MAC covers their last hash).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from anonymize.keys import load_or_create_key

GENESIS = "0" * 64

# verify()'s reasons: why the chain does not hold
TAMPERED_ROW = (
    "tampered_row"  # a row's fields or link do not match its MAC (edited, inserted or deleted rows)
)
REWRITTEN = "rewritten"  # rows re-hashed without the key, or a head that does not match the rows
TRUNCATED = "truncated"  # the last rows are gone: the signed head points past the table's end
HEAD_MISSING = "head_missing"  # rows but no head (the head was deleted)
HEAD_FORGED = "head_forged"  # the head's signature does not match


def load_audit_key(path: Path) -> tuple[bytes, bool]:
    """The audit chain's HMAC key (32 random bytes in a 0600 file, created like the vault's key) and whether
    it was created just now."""
    created = not path.exists()
    return load_or_create_key(path, create=True).lookup_key, created


def unkeyed_hash(prev_hash: str, ts: float, actor: str, action: str, detail: str) -> str:
    """The link of rows written before the chain was keyed (plain SHA-256, as privrag wrote them then)."""
    material = json.dumps([prev_hash, repr(ts), actor, action, detail], separators=(",", ":"))
    return hashlib.sha256(material.encode()).hexdigest()


def keyed_hash(
    key: bytes,
    prev_hash: str,
    row_id: int,
    ts: float,
    actor: str,
    subject: str | None,
    action: str,
    detail: str,
) -> str:
    """A keyed row's link: HMAC-SHA256 over the previous link and every field of the row, its id included."""
    material = json.dumps(
        ["v1", prev_hash, row_id, repr(ts), actor, subject, action, detail], separators=(",", ":")
    )
    return hmac.new(key, material.encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Head:
    """Where the chain ends (``last_id``, ``last_hash``) and its unkeyed rows end (``legacy_until``)."""

    last_id: int
    last_hash: str
    legacy_until: int
    signature: str = ""

    def sign(self, key: bytes) -> Head:
        return Head(self.last_id, self.last_hash, self.legacy_until, self._mac(key))

    def valid(self, key: bytes) -> bool:
        return bool(self.signature) and hmac.compare_digest(self.signature, self._mac(key))

    def _mac(self, key: bytes) -> str:
        material = json.dumps(
            ["head", self.last_id, self.last_hash, self.legacy_until], separators=(",", ":")
        )
        return hmac.new(key, material.encode(), hashlib.sha256).hexdigest()


@dataclass
class VerifyResult:
    ok: bool
    rows: int
    first_bad_row: int | None
    reason: str | None = None  # one of the reasons above when not ok
    keyed_rows: int = 0  # rows linked by the key (the others predate keying)
    head_id: int | None = None  # the last row id the signed head vouches for


@dataclass(frozen=True)
class ChainRow:
    id: int
    ts: float
    actor: str
    subject: str | None
    action: str
    detail: str
    prev_hash: str
    hash: str


def verify_rows(rows: Iterable[ChainRow], head: Head | None, key: bytes) -> VerifyResult:
    """Walk ``rows`` (id order) against ``head``: the first row that breaks the chain, and why."""
    legacy_until = head.legacy_until if head is not None and head.valid(key) else 0
    prev = GENESIS
    keyed = count = 0
    first: ChainRow | None = None
    last: ChainRow | None = None
    for row in rows:
        count += 1
        first = first or row
        if row.id <= legacy_until:
            expected = unkeyed_hash(prev, row.ts, row.actor, row.action, row.detail)
        else:
            keyed += 1
            expected = keyed_hash(key, prev, row.id, row.ts, row.actor, row.subject, row.action, row.detail)
        if row.prev_hash != prev or not hmac.compare_digest(row.hash, expected):
            recomputed = unkeyed_hash(row.prev_hash, row.ts, row.actor, row.action, row.detail)
            reason = REWRITTEN if row.id > legacy_until and row.hash == recomputed else TAMPERED_ROW
            return VerifyResult(False, count, row.id, reason, keyed, head.last_id if head else None)
        prev, last = row.hash, row
    result = VerifyResult(True, count, None, None, keyed, head.last_id if head else None)
    if head is None:
        if first is not None:
            result.ok, result.first_bad_row, result.reason = False, first.id, HEAD_MISSING
    elif not head.valid(key):
        result.ok, result.first_bad_row, result.reason = False, head.last_id or None, HEAD_FORGED
    elif (last.id if last is not None else 0) < head.last_id:
        result.ok, result.reason = False, TRUNCATED
        result.first_bad_row = (last.id + 1) if last is not None else 1
    elif last is not None and (last.id != head.last_id or last.hash != head.last_hash):
        result.ok, result.first_bad_row, result.reason = False, last.id, REWRITTEN
    return result
