"""The pseudonym vault: surrogate <-> value, looked up by keyed HMAC, values encrypted with AES-GCM.

No plaintext value is ever written: the table holds the HMAC of the normalized value and the
AES-GCM ciphertext of the original value. Surrogates look like ``<PERSON_12>``.

Numbering (``numbering``):

- ``sequential`` (default): the next number of the type, ``<PERSON_1>``, ``<PERSON_2>``... Short, so the
  chat model copies them reliably, but a value's number depends on the order values were first seen.
- ``keyed``: a 12-digit number derived from a keyed HMAC of the normalized value (another HMAC than the
  look-up's), ``<PERSON_483920571846>``: the same value gets the same number whatever the order, so N
  ingestion shards (or N vaults with the same key) agree without coordination. Two values whose numbers
  collide (about one pair in 2 million at 1,000 values of a type) take the next free number: only then does
  order matter.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import (
    BigInteger,
    Column,
    Float,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    func,
    insert,
    select,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from anonymize.keys import VaultKeys
from anonymize.normalize import name_orders, normalize_value
from anonymize.vault_cache import DEFAULT_SIZE, BoundedCache

metadata = MetaData()

vault_entries = Table(
    "vault_entries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_type", String(64), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("lookup", String(64), nullable=False, unique=True),
    Column("nonce", LargeBinary, nullable=False),
    Column("ciphertext", LargeBinary, nullable=False),
    Column("created_at", Float, nullable=False),
    UniqueConstraint("entity_type", "seq", name="uq_vault_type_seq"),
)

SURROGATE_PATTERN = re.compile(r"<([A-Z][A-Z0-9_]*?)_(\d+)>")

Numbering = Literal["sequential", "keyed"]
KEYED_DIGITS = 12
_IN_BATCH = 500  # look-ups per IN (...) query (SQLite allows 999 parameters by default)


def make_surrogate(entity_type: str, seq: int) -> str:
    return f"<{entity_type}_{seq}>"


def spelling_rank(value: str) -> tuple[int, str]:
    """Which of two spellings of one value the vault keeps (the smaller): one with a capitalized word
    ("Jane Doe") before one without ("JANE DOE", "jane doe"), then the first in code-point order."""
    capitalized = any(w[:1].isupper() and w[1:].islower() for w in value.split())
    return (0 if capitalized else 1, value)


@dataclass(frozen=True)
class VaultStats:
    entries: int
    per_type: dict[str, int]


class Vault:
    """Stable, reversible pseudonyms backed by a SQL table (SQLite by default, PostgreSQL by URL)."""

    def __init__(
        self,
        engine: Engine,
        keys: VaultKeys,
        numbering: Numbering = "sequential",
        keyed_digits: int = KEYED_DIGITS,
        cache_size: int = DEFAULT_SIZE,
    ) -> None:
        if numbering not in ("sequential", "keyed"):
            raise ValueError(f"numbering: {numbering!r} is not 'sequential' or 'keyed'")
        self._engine = engine
        self._keys = keys
        self.numbering: Numbering = numbering
        self._digits = keyed_digits
        self._aead = AESGCM(keys.encryption_key)
        self._lock = threading.Lock()
        # Bounded (anonymize/vault_cache.py): an evicted entry is read from the table again, same result.
        self._cache = BoundedCache(cache_size)  # look-up -> surrogate
        self._spellings = BoundedCache(cache_size)  # look-up -> the spelling stored (as this process knows)
        metadata.create_all(engine)

    def _lookup(self, entity_type: str, value: str) -> str:
        message = f"{entity_type}\x00{normalize_value(entity_type, value)}".encode()
        return hmac.new(self._keys.lookup_key, message, hashlib.sha256).hexdigest()

    def _keyed_seq(self, entity_type: str, value: str) -> int:
        """The number ``keyed`` numbering gives this value: ``_digits`` digits, from a keyed HMAC."""
        message = f"seq\x00{entity_type}\x00{normalize_value(entity_type, value)}".encode()
        digest = int.from_bytes(hmac.new(self._keys.lookup_key, message, hashlib.sha256).digest()[:16], "big")
        low = 10 ** (self._digits - 1)
        return low + digest % (9 * low)

    def find(self, entity_type: str, value: str) -> str | None:
        """The surrogate already assigned to this value, or None."""
        lookup = self._lookup(entity_type, value)
        cached = self._cache.get(lookup)
        if cached is not None:
            return cached
        with self._engine.connect() as conn:
            row = conn.execute(
                select(vault_entries.c.entity_type, vault_entries.c.seq).where(
                    vault_entries.c.lookup == lookup
                )
            ).first()
        if row is None:
            return None
        surrogate = make_surrogate(row.entity_type, row.seq)
        self._cache.put(lookup, surrogate)
        return surrogate

    def find_many(self, candidates: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """The surrogates already assigned to (type, value) pairs, in few queries; unknown pairs left out.
        Values are normalized per type like ``find`` (a question's "536 80 4398" finds "536-80-4398")."""
        by_lookup: dict[str, list[tuple[str, str]]] = {}
        for entity_type, value in candidates:
            by_lookup.setdefault(self._lookup(entity_type, value), []).append((entity_type, value))
        found: dict[tuple[str, str], str] = {}
        lookups = list(by_lookup)
        with self._engine.connect() as conn:
            for start in range(0, len(lookups), _IN_BATCH):
                rows = conn.execute(
                    select(vault_entries.c.lookup, vault_entries.c.entity_type, vault_entries.c.seq).where(
                        vault_entries.c.lookup.in_(lookups[start : start + _IN_BATCH])
                    )
                ).all()
                for row in rows:
                    for pair in by_lookup[row.lookup]:
                        found[pair] = make_surrogate(row.entity_type, row.seq)
        return found

    def surrogate(self, entity_type: str, value: str) -> str:
        """The surrogate for this value, assigning and storing a new one when unseen. A value stored under
        another spelling ("JANE DOE" for "Jane Doe") keeps the preferred of the two (``spelling_rank``)."""
        existing = self.find(entity_type, value)
        lookup = self._lookup(entity_type, value)
        if existing is not None:
            known = self._spellings.get(lookup)  # the stored spelling, or a worse one (another process)
            if known is None or spelling_rank(value) < spelling_rank(known):
                self._prefer_spelling(entity_type, value, lookup)
            return existing
        with self._lock:
            for _attempt in range(20):
                # A failed insert ends its transaction (rolled back) before the next attempt: PostgreSQL
                # accepts nothing more in a transaction once a statement failed.
                try:
                    seq, inserted = self._insert(entity_type, value, lookup)
                except IntegrityError:
                    continue  # another writer (thread or process) took this seq or value: look again
                break
            else:  # pragma: no cover - only under extreme contention
                raise RuntimeError(f"could not allocate a {entity_type} surrogate")
        surrogate = make_surrogate(entity_type, seq)
        self._cache.put(lookup, surrogate)
        if inserted:
            self._spellings.put(lookup, value)
        else:  # another writer stored it first, maybe spelled otherwise
            self._prefer_spelling(entity_type, value, lookup)
        return surrogate

    def _insert(self, entity_type: str, value: str, lookup: str) -> tuple[int, bool]:
        """The seq of ``lookup`` and whether it is new: found, or the next one of its type (``keyed``: its
        own), inserted in one transaction."""
        with self._engine.begin() as conn:
            found = conn.execute(select(vault_entries.c.seq).where(vault_entries.c.lookup == lookup)).first()
            if found is not None:
                return int(found.seq), False
            seq = self._next_seq(conn, entity_type, value)
            nonce = secrets.token_bytes(12)
            conn.execute(
                insert(vault_entries).values(
                    entity_type=entity_type,
                    seq=seq,
                    lookup=lookup,
                    nonce=nonce,
                    ciphertext=self._aead.encrypt(nonce, value.encode(), entity_type.encode()),
                    created_at=time.time(),
                )
            )
            return seq, True

    def _prefer_spelling(self, entity_type: str, value: str, lookup: str) -> None:
        """Store ``value`` instead of the entry's spelling when it is the preferred one: what the vault holds
        then depends on the spellings seen, not on their order (shards agree), and the kept spelling is the
        one propagation can use (a capitalized name, not one in capitals)."""
        with self._lock, self._engine.begin() as conn:
            row = conn.execute(
                select(vault_entries.c.id, vault_entries.c.nonce, vault_entries.c.ciphertext)
                .where(vault_entries.c.lookup == lookup)
                .with_for_update()  # PostgreSQL: one writer of the row at a time (SQLite: one writer anyway)
            ).first()
            if row is None or not row.ciphertext:
                return
            stored = self._aead.decrypt(row.nonce, row.ciphertext, entity_type.encode()).decode()
            best = min(stored, value, key=spelling_rank)
            if best != stored:
                nonce = secrets.token_bytes(12)
                sealed = self._aead.encrypt(nonce, best.encode(), entity_type.encode())
                update = vault_entries.update().where(vault_entries.c.id == row.id)
                conn.execute(update.values(nonce=nonce, ciphertext=sealed))
            self._spellings.put(lookup, best)

    def _next_seq(self, conn: Connection, entity_type: str, value: str) -> int:
        if self.numbering == "sequential":
            current = conn.execute(
                select(func.max(vault_entries.c.seq)).where(vault_entries.c.entity_type == entity_type)
            ).scalar()
            return int(current or 0) + 1
        seq, low = self._keyed_seq(entity_type, value), 10 ** (self._digits - 1)
        for _probe in range(9 * low):  # a collision (rare) takes the next free number, wrapping around
            taken = conn.execute(
                select(vault_entries.c.id).where(
                    vault_entries.c.entity_type == entity_type, vault_entries.c.seq == seq
                )
            ).first()
            if taken is None:
                return seq
            seq = low if seq + 1 >= 10 * low else seq + 1
        raise RuntimeError(f"no free {self._digits}-digit {entity_type} surrogate is left")

    def reveal(self, surrogate: str) -> str | None:
        """The original value behind a surrogate, or None when unknown (or erased)."""
        match = SURROGATE_PATTERN.fullmatch(surrogate)
        if not match:
            return None
        entity_type, seq = match.group(1), int(match.group(2))
        with self._engine.connect() as conn:
            row = conn.execute(
                select(vault_entries.c.nonce, vault_entries.c.ciphertext).where(
                    vault_entries.c.entity_type == entity_type, vault_entries.c.seq == seq
                )
            ).first()
        if row is None or not row.ciphertext:
            return None
        return self._aead.decrypt(row.nonce, row.ciphertext, entity_type.encode()).decode()

    def lookup_value(self, value: str, entity_type: str | None = None) -> list[str]:
        """Every surrogate whose value normalizes like ``value`` (under any type, or the one given); a
        person's name in either written order ("Precious Ndlovu" finds "Ndlovu, Precious" of an export)."""
        types = [entity_type] if entity_type else self.entity_types()
        found = [self.find(t, value) for t in types]
        if "PERSON" in types:
            found += [self.find("PERSON", other) for other in name_orders(value)]
        return list(dict.fromkeys(s for s in found if s))

    def remove(self, surrogate: str) -> bool:
        match = SURROGATE_PATTERN.fullmatch(surrogate)
        if not match:
            return False
        # Keep a tombstone (no value, no look-up) so the number is never handed to another value.
        with self._lock, self._engine.begin() as conn:
            row = conn.execute(
                select(vault_entries.c.id).where(
                    vault_entries.c.entity_type == match.group(1),
                    vault_entries.c.seq == int(match.group(2)),
                    vault_entries.c.ciphertext != b"",
                )
            ).first()
            deleted = 0
            if row is not None:
                deleted = conn.execute(
                    vault_entries.update()
                    .where(vault_entries.c.id == row.id)
                    .values(lookup=f"erased:{row.id}", nonce=b"", ciphertext=b"")
                ).rowcount
        self._cache.drop_values(lambda cached: cached == surrogate)
        return bool(deleted)

    def entity_types(self) -> list[str]:
        with self._engine.connect() as conn:
            return [r[0] for r in conn.execute(select(vault_entries.c.entity_type).distinct())]

    def stats(self) -> VaultStats:
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(vault_entries.c.entity_type, func.count())
                .where(vault_entries.c.ciphertext != b"")
                .group_by(vault_entries.c.entity_type)
            ).all()
        per_type = {r[0]: int(r[1]) for r in rows}
        return VaultStats(entries=sum(per_type.values()), per_type=per_type)

    def iter_values(self) -> list[tuple[str, str]]:
        """(surrogate, value) for every entry: for leakage scans run by the privacy officer."""
        with self._engine.connect() as conn:
            rows = conn.execute(select(vault_entries).where(vault_entries.c.ciphertext != b"")).all()
        return [
            (
                make_surrogate(r.entity_type, r.seq),
                self._aead.decrypt(r.nonce, r.ciphertext, r.entity_type.encode()).decode(),
            )
            for r in rows
        ]

    def last_id(self) -> int:
        """The id of the newest entry (0 when empty): a mark of the vault's state, entries only ever grow."""
        with self._engine.connect() as conn:
            return int(conn.execute(select(func.max(vault_entries.c.id))).scalar() or 0)

    def values_between(self, after_id: int, up_to_id: int) -> list[tuple[int, str, str]]:
        """(id, surrogate, value) of the live entries with ``after_id < id <= up_to_id``, in id order."""
        with self._engine.connect() as conn:
            rows = conn.execute(
                select(vault_entries)
                .where(
                    vault_entries.c.id > after_id,
                    vault_entries.c.id <= up_to_id,
                    vault_entries.c.ciphertext != b"",
                )
                .order_by(vault_entries.c.id)
            ).all()
        return [
            (
                r.id,
                make_surrogate(r.entity_type, r.seq),
                self._aead.decrypt(r.nonce, r.ciphertext, r.entity_type.encode()).decode(),
            )
            for r in rows
        ]

    def reveal_text(self, text: str) -> tuple[str, int]:
        """Replace every known surrogate in ``text`` by its value; returns the text and the count replaced.

        Unscoped: for checks of what the index holds (tests, the privacy officer's scans). What a user sees
        is revealed by ``anonymize.reveal.reveal``, within the user's scope."""
        count = 0
        cache: dict[str, str | None] = {}

        def replace(match: re.Match[str]) -> str:
            nonlocal count
            token = match.group(0)
            if token not in cache:
                cache[token] = self.reveal(token)
            value = cache[token]
            if value is None:
                return token
            count += 1
            return value

        return SURROGATE_PATTERN.sub(replace, text), count
