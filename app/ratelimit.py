"""Rate limits for the service: token buckets per (key, action), refilled continuously; the login throttle.

The login throttle is checked before any password is hashed, so it also bounds the argon2 work one client
address can cause. It keys attempts by client address (``request.client.host``: behind a reverse proxy on
the same host, uvicorn takes it from ``X-Forwarded-For`` sent by a trusted address, 127.0.0.1 by default):

- per (address, name): a few typos, then ``logins_per_minute``;
- per address, whatever the names: rotating user names from one address is throttled;
- per name, failures from every address: past a budget, each attempt on that name waits ``login_name_delay_s``
  before its password is checked. That slows guessing spread over many addresses, but never refuses the
  name's owner: another address's failures cannot lock a user out.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

MAX_KEYS = 10_000  # buckets kept per limiter; full (idle) ones are dropped first


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """``per_minute`` requests per key and action, with bursts up to ``burst``; 0 disables the limit."""

    def __init__(self, per_minute: float, burst: int | None = None, max_keys: int = MAX_KEYS) -> None:
        self.rate = per_minute / 60.0
        self.capacity = float(burst if burst is not None else max(1, int(per_minute // 6) or 1))
        self.max_keys = max_keys
        self._buckets: dict[tuple[str, str], _Bucket] = {}
        self._lock = threading.Lock()

    def _bucket(self, key: tuple[str, str], now: float) -> _Bucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self.max_keys:
                self._prune(now)
            bucket = self._buckets[key] = _Bucket(self.capacity, now)
        bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        return bucket

    def _prune(self, now: float) -> None:
        """Forget buckets that have refilled (they hold no state); if still too many, the idlest half."""
        full = [
            k for k, b in self._buckets.items() if b.tokens + (now - b.updated) * self.rate >= self.capacity
        ]
        for key in full:
            del self._buckets[key]
        if len(self._buckets) >= self.max_keys:
            idlest = sorted(self._buckets, key=lambda k: self._buckets[k].updated)
            for key in idlest[: len(idlest) // 2]:
                del self._buckets[key]

    def allow(self, user: str, action: str = "chat") -> float:
        """0 when the request may go ahead (one unit is spent), else the seconds to wait for the next one."""
        if self.rate <= 0:
            return 0.0
        now = time.monotonic()
        with self._lock:
            bucket = self._bucket((user, action), now)
            if bucket.tokens >= 1:
                bucket.tokens -= 1
                return 0.0
            return (1 - bucket.tokens) / self.rate

    def exhausted(self, user: str, action: str = "chat") -> bool:
        """Whether the next request would have to wait (nothing is spent)."""
        if self.rate <= 0:
            return False
        now = time.monotonic()
        with self._lock:
            return self._bucket((user, action), now).tokens < 1


@dataclass(frozen=True)
class LoginVerdict:
    """``wait`` > 0: refuse now (429, retry after ``wait`` s); else hold the attempt ``delay`` s, then go
    on."""

    wait: float
    delay: float = 0.0


class LoginThrottle:
    """Login attempts by client address and user name (see the module's docstring)."""

    PAIR_BURST = 5
    ADDRESS_BURST = 20
    NAME_FAILURE_BURST = 20

    def __init__(self, per_minute: float, per_address_per_minute: float, name_delay_s: float) -> None:
        enabled = per_minute > 0
        self._pair = RateLimiter(per_minute, burst=self.PAIR_BURST)
        self._address = RateLimiter(per_address_per_minute if enabled else 0, burst=self.ADDRESS_BURST)
        self._name_failures = RateLimiter(per_minute, burst=self.NAME_FAILURE_BURST)
        self.name_delay_s = name_delay_s if enabled else 0.0

    def check(self, address: str, name: str) -> LoginVerdict:
        """Spend one attempt of ``address`` (and of ``address`` on ``name``) before the password is hashed."""
        wait = self._address.allow(address, "login")
        if not wait:
            wait = self._pair.allow(f"{address}\n{name}", "login")
        if wait:
            return LoginVerdict(wait)
        slow = self._name_failures.exhausted(name, "login-failure")
        return LoginVerdict(0.0, self.name_delay_s if slow else 0.0)

    def failed(self, name: str) -> None:
        """A wrong password for ``name``, from any address."""
        self._name_failures.allow(name, "login-failure")
