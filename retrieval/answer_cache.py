"""Answers already given, kept in pseudonym space: the same question (as retrieval searched it), for the same
set of groups, on the same index version, is answered again without retrieval or the model.

What is kept is the answer before any reveal: the sources and the checked answer as the model and the checks
left them, with placeholders. Every asker's reveal is made afresh from it (their scope, their permission, the
vault as it is now), and audited as any other. The key holds the asker's groups (sorted, as a set; None for an
unrestricted reader) and the index version read from the shared catalog (``ingest.index_version``) before
retrieval: an ingestion, deletion or erasure by any process changes the version, so an entry made before it
is never served (it ages out of the bounded LRU). The app's container owns one instance (no global state).
"""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CacheKey:
    question: str  # pseudonymized, as retrieval searched it
    groups: tuple[str, ...] | None  # sorted and distinct; None: an unrestricted reader (an admin)
    version: str  # the index version when retrieval started


@dataclass
class CachedAnswer:
    sources: list[dict[str, Any]]  # the sources event's, pseudonymized
    answer: dict[str, Any]  # Answer.to_json() before the reveal (revealed False, placeholders in place)


class AnswerCache:
    """A bounded LRU of pseudonymized answers; safe to share between the service's request threads."""

    def __init__(self, version: Callable[[], str], max_entries: int = 256) -> None:
        if max_entries < 1:
            raise ValueError(f"max_entries: {max_entries} is not a positive number")
        self._version = version
        self._max = max_entries
        self._entries: OrderedDict[CacheKey, CachedAnswer] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def key(self, question: str, groups: Sequence[str] | None) -> CacheKey:
        """The key of ``question`` for readers in ``groups`` on the index as it is now."""
        normalized = None if groups is None else tuple(sorted(set(groups)))
        return CacheKey(question.strip(), normalized, self._version())

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
