"""A bounded, thread-safe least-recently-used map: the vault's in-memory look-ups.

The vault (``anonymize/vault.py``) remembers, per look-up HMAC, the surrogate it found and the spelling it
stored, so a value seen again costs no database round trip. Unbounded, those maps grew with every distinct
value of a job (a 100k-document job sees hundreds of thousands: a new phone number nearly every document);
bounded, a value evicted is simply read from the database again (same surrogate, same spelling kept), so
results do not change, only the number of queries.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

DEFAULT_SIZE = 20_000  # entries (~300 bytes each: the look-up's 64 hex digits, a surrogate or a value)


class BoundedCache:
    """``key -> value`` holding at most ``size`` entries; the least recently used goes first."""

    def __init__(self, size: int = DEFAULT_SIZE) -> None:
        if size < 1:
            raise ValueError(f"size: {size} is not a positive number of entries")
        self.size = size
        self._items: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: str) -> str | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: str, value: str) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def drop_values(self, unwanted: Callable[[str], bool]) -> None:
        """Forget every entry whose value ``unwanted`` says True of (an erased surrogate)."""
        with self._lock:
            for key in [k for k, v in self._items.items() if unwanted(v)]:
                del self._items[key]
