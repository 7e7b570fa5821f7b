"""Answers already given, kept in pseudonym space: the same question (as retrieval searched it), for the same
set of groups, on the same index version, is answered again without retrieval or the model.

What is kept is the answer before any reveal: the sources and the checked answer as the model and the checks
left them, with placeholders. Every asker's reveal is made afresh from it (their scope, their permission, the
vault as it is now), and audited as any other. The key holds the asker's groups (sorted, as a set; None for an
unrestricted reader) and the index version read from the shared catalog (``ingest.index_version``) before
retrieval: an ingestion, deletion or erasure by any process changes the version, so an entry made before it
is never served (it ages out of the bounded LRU). The app's container owns one instance (no global state).

Two keys reach an entry: the pseudonymized question (after the detector), and a first-level key of the
question as typed (``asked_key``), so a repeated question is answered without running the detector: a keyed
HMAC-SHA256 of its text (a random secret per cache, never stored elsewhere) with the same groups and version.
Nothing in the cache holds the raw question: the entry keeps the question's pseudonymized forms (as retrieval
searched it and as it may be kept on disk), which the detector would give again for the same text, groups and
index version.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal


@dataclass(frozen=True)
class CacheKey:
    question: str  # pseudonymized, as retrieval searched it
    groups: tuple[str, ...] | None  # sorted and distinct; None: an unrestricted reader (an admin)
    version: str  # the index version when retrieval started
    # "asked": ``question`` is the keyed HMAC of the question as typed (``AnswerCache.asked_key``)
    form: Literal["pseudonymized", "asked"] = "pseudonymized"


@dataclass
class CachedAnswer:
    sources: list[dict[str, Any]]  # the sources event's, pseudonymized
    answer: dict[str, Any]  # Answer.to_json() before the reveal (revealed False, placeholders in place)
    asked: str = ""  # the question as retrieval searched it (pseudonymized)
    stored: str = ""  # the question as conversations and the audit keep it (pseudonymized)


class AnswerCache:
    """A bounded LRU of pseudonymized answers; safe to share between the service's request threads."""

    def __init__(self, version: Callable[[], str], max_entries: int = 256) -> None:
        if max_entries < 1:
            raise ValueError(f"max_entries: {max_entries} is not a positive number")
        self._version = version
        self._max = max_entries
        self._entries: OrderedDict[CacheKey, CachedAnswer] = OrderedDict()
        self._lock = threading.Lock()
        self._secret = secrets.token_bytes(32)  # the first-level keys' HMAC key: this cache's only
        self.hits = 0
        self.misses = 0

    def version(self) -> str:
        """The index version now (read once per question, before retrieval, for both keys)."""
        return self._version()

    def key(self, question: str, groups: Sequence[str] | None, version: str | None = None) -> CacheKey:
        """The key of the pseudonymized ``question`` for readers in ``groups`` on the index at ``version``
        (None: as it is now)."""
        return CacheKey(question.strip(), _group_set(groups), self._version() if version is None else version)

    def asked_key(self, question: str, groups: Sequence[str] | None, version: str | None = None) -> CacheKey:
        """The first-level key of ``question`` as typed: a keyed HMAC of its text (stripped), never the text;
        the same groups and version as ``key``."""
        digest = hmac.new(self._secret, question.strip().encode(), hashlib.sha256).hexdigest()
        version = self._version() if version is None else version
        return CacheKey(digest, _group_set(groups), version, form="asked")

    def get(self, key: CacheKey) -> CachedAnswer | None:
        """A copy of the entry (the caller reveals in it), or None."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return copy.deepcopy(entry)

    def put(self, key: CacheKey, entry: CachedAnswer) -> None:
        with self._lock:
            self._entries[key] = copy.deepcopy(entry)
            self._entries.move_to_end(key)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


def _group_set(groups: Sequence[str] | None) -> tuple[str, ...] | None:
    """Sorted and distinct; None (an unrestricted reader) stays None."""
    return None if groups is None else tuple(sorted(set(groups)))
