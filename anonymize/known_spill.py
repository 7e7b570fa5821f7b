"""Known values kept in an encrypted SQLite file instead of Python dicts: propagation over the values a long
job finds, in memory that does not grow with them.

``KnownValues`` (``anonymize/known_values.py``) holds every value it was given in four dicts (~200 bytes a
value). The values an ingestion job adds are held twice that way (the early sweep's, and the end-of-job
sweep's plan), and a 100k-document job adds hundreds of thousands. ``SpilledKnownValues`` keeps the same
tables in a SQLite file and answers the same questions by index (is this word a name part? which values start
with this word? which type has this casefolded value?): the same ``add`` and ``matches`` code runs on them,
so every sweep result is the same. Only a bounded page cache and a bounded set of compiled patterns stay in
memory.

Privacy: the file never holds a value in clear. Look-up keys are keyed BLAKE2b digests and values are
AES-GCM ciphertexts, both under random keys that live only in this object's memory; the file sits in a
private temporary directory removed by ``close()`` (or when the object is collected). What is left on disk
after a crash is unreadable without the lost keys.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import shutil
import sqlite3
import tempfile
import threading
import weakref
from collections import OrderedDict
from collections.abc import Iterable, Iterator, MutableMapping
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from anonymize.known_values import WORD as _WORD
from anonymize.known_values import KnownValues
from anonymize.name_reach import NameReach

PATTERNS_KEPT = 2_048  # compiled patterns of the values seen in texts (recompiled when evicted)
_CACHE_KB = 4_096  # SQLite's page cache (the file itself grows with the values)
_TABLES = ("types", "aliases", "folded", "starts")


class _Sealed:
    """The keys of one spill: digests for look-ups, AES-GCM for the values."""

    def __init__(self) -> None:
        self._digest_key = secrets.token_bytes(32)
        self._aead = AESGCM(AESGCM.generate_key(bit_length=128))

    def digest(self, text: str) -> bytes:
        return hashlib.blake2b(text.encode(), key=self._digest_key, digest_size=16).digest()

    def seal(self, text: str) -> bytes:
        nonce = secrets.token_bytes(12)
        return nonce + self._aead.encrypt(nonce, text.encode(), None)

    def open(self, sealed: bytes) -> str:
        return self._aead.decrypt(sealed[:12], sealed[12:], None).decode()


class _Database:
    """One SQLite file of four tables ``(key digest, sealed key, sealed value)``; thread-safe."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="privrag-known-"))  # mode 0700
        self.lock = threading.Lock()
        self.sealed = _Sealed()
        self.conn = sqlite3.connect(self.folder / "known.db", check_same_thread=False, isolation_level=None)
        self.conn.execute("PRAGMA journal_mode=OFF")
        self.conn.execute("PRAGMA synchronous=OFF")
        self.conn.execute("PRAGMA locking_mode=EXCLUSIVE")  # one connection: no file lock per statement
        self.conn.execute("PRAGMA temp_store=MEMORY")
        self.conn.execute(f"PRAGMA cache_size=-{_CACHE_KB}")
        for table in _TABLES[:-1]:
            self.conn.execute(f"CREATE TABLE {table} (k BLOB NOT NULL UNIQUE, sk BLOB, sv BLOB)")
        # A value by its first, second and last word (digests): read only when the text has all three.
        self.conn.execute("CREATE TABLE starts (k BLOB NOT NULL, k2 BLOB, k3 BLOB, sv BLOB)")
        self.conn.execute("CREATE INDEX starts_k ON starts (k)")
        self.conn.execute("CREATE TEMP TABLE words (k BLOB PRIMARY KEY)")
        self._finalizer = weakref.finalize(self, _remove, self.conn, self.folder)

    def close(self) -> None:
        self._finalizer()


def _remove(conn: sqlite3.Connection, folder: Path) -> None:
    conn.close()
    shutil.rmtree(folder, ignore_errors=True)


class _SpilledMap(MutableMapping[str, str]):
    """A ``str -> str`` table of a ``_Database``: what ``KnownValues`` does with its dicts, by index."""

    def __init__(self, db: _Database, table: str) -> None:
        self._db, self._table, self._count = db, table, 0

    def __len__(self) -> int:
        return self._count

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._row(key) is not None

    def __getitem__(self, key: str) -> str:
        row = self._row(key)
        if row is None:
            raise KeyError(key)
        return self._db.sealed.open(row)

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        row = self._row(key)
        return default if row is None else self._db.sealed.open(row)

    def setdefault(self, key: str, default: str) -> str:
        found = self.get(key)
        if found is not None:
            return found
        self[key] = default
        return default

    def __setitem__(self, key: str, value: str) -> None:
        sealed = self._db.sealed
        with self._db.lock:
            cursor = self._db.conn.execute(
                f"INSERT OR IGNORE INTO {self._table} VALUES (?, ?, ?)",
                (sealed.digest(key), sealed.seal(key), sealed.seal(value)),
            )
            if cursor.rowcount:
                self._count += 1
                return
            self._db.conn.execute(
                f"UPDATE {self._table} SET sv = ? WHERE k = ?", (sealed.seal(value), sealed.digest(key))
            )

    def __delitem__(self, key: str) -> None:
        raise NotImplementedError("known values are only ever added")

    def __iter__(self) -> Iterator[str]:
        with self._db.lock:
            rows = self._db.conn.execute(f"SELECT sk FROM {self._table} ORDER BY rowid").fetchall()
        return (self._db.sealed.open(row[0]) for row in rows)

    def _row(self, key: str) -> bytes | None:
        with self._db.lock:
            row = self._db.conn.execute(
                f"SELECT sv FROM {self._table} WHERE k = ?", (self._db.sealed.digest(key),)
            ).fetchone()
        return None if row is None else bytes(row[0])


class _BoundedPatterns(OrderedDict[str, "re.Pattern[str]"]):
    """``KnownValues``' compiled patterns, the most recently added ``PATTERNS_KEPT`` of them."""

    def __setitem__(self, key: str, value: re.Pattern[str]) -> None:
        super().__setitem__(key, value)
        while len(self) > PATTERNS_KEPT:
            self.popitem(last=False)


class SpilledKnownValues(KnownValues):
    """``KnownValues`` whose tables are in an encrypted SQLite file: same results, flat memory. Call
    ``close()`` when done (the file is removed; also when the object is collected)."""

    def __init__(self, reach: NameReach | None = None) -> None:
        super().__init__(reach)
        self._db = _Database()
        self.types = _SpilledMap(self._db, "types")  # type: ignore[assignment]
        self.aliases = _SpilledMap(self._db, "aliases")  # type: ignore[assignment]
        self.folded = _SpilledMap(self._db, "folded")  # type: ignore[assignment]
        self._patterns = _BoundedPatterns()

    @property
    def path(self) -> Path:
        """The file (for tests and the curious: it holds no value in clear)."""
        return self._db.folder / "known.db"

    def close(self) -> None:
        self._db.close()

    def add_all(self, entries: Iterable[tuple[str, str]]) -> None:
        """``add`` each (value, type) in order, in one transaction."""
        with self._db.lock:
            self._db.conn.execute("BEGIN")
        try:
            for value, entity_type in entries:
                self.add(value, entity_type)
        finally:
            with self._db.lock:
                self._db.conn.execute("COMMIT")

    def _index_first(self, word: str, value: str) -> None:
        # A text holding the value holds its words (lowercase, as ``_propagated`` lists a text's words).
        words = [w.lower() for w in _WORD.findall(value)] or [""]
        second = words[1] if len(words) > 1 else words[0]
        digest, sealed = self._db.sealed.digest, self._db.sealed
        with self._db.lock:
            self._db.conn.execute(
                "INSERT INTO starts VALUES (?, ?, ?, ?)",
                (digest(word), digest(second), digest(words[-1]), sealed.seal(value)),
            )

    def _candidates(self, words: set[str]) -> list[str]:
        """The values whose first, second and last words are all among ``words`` (the dicts' candidates
        are those whose first word is: the others cannot match), in one query."""
        digest = self._db.sealed.digest
        keys = [(digest(w),) for w in [*words, ""]]
        conn = self._db.conn
        with self._db.lock:
            conn.execute("DELETE FROM words")
            conn.executemany("INSERT OR IGNORE INTO words VALUES (?)", keys)
            rows = conn.execute(
                "SELECT sv FROM starts WHERE k IN (SELECT k FROM words) AND k2 IN (SELECT k FROM words) "
                "AND k3 IN (SELECT k FROM words) ORDER BY rowid"
            ).fetchall()
        return [self._db.sealed.open(row[0]) for row in rows]
