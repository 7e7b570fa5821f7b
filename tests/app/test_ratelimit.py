"""The login throttle: per (address, name), per address, and a slow-down (never a lock) per failing name."""

from __future__ import annotations

from app.ratelimit import LoginThrottle, RateLimiter


def test_one_address_rotating_names_runs_out() -> None:
    throttle = LoginThrottle(per_minute=10, per_address_per_minute=30, name_delay_s=1.0)
    verdicts = [throttle.check("10.0.0.1", f"name{n}") for n in range(25)]
    assert all(v.wait == 0 for v in verdicts[: LoginThrottle.ADDRESS_BURST])
    assert verdicts[-1].wait > 0
    assert throttle.check("10.0.0.2", "name0").wait == 0  # another address is not affected


def test_one_address_on_one_name_gets_a_few_tries() -> None:
    throttle = LoginThrottle(per_minute=10, per_address_per_minute=30, name_delay_s=1.0)
    waits = [throttle.check("10.0.0.1", "ann").wait for _ in range(LoginThrottle.PAIR_BURST + 1)]
    assert waits[:-1] == [0.0] * LoginThrottle.PAIR_BURST and waits[-1] > 0
    assert throttle.check("10.0.0.9", "ann").wait == 0  # the real user elsewhere is not refused


def test_a_name_failing_from_many_addresses_is_slowed_not_locked() -> None:
    throttle = LoginThrottle(per_minute=10, per_address_per_minute=30, name_delay_s=1.5)
    for n in range(LoginThrottle.NAME_FAILURE_BURST):
        assert throttle.check(f"10.0.1.{n}", "admin").delay == 0
        throttle.failed("admin")
    verdict = throttle.check("192.0.2.1", "admin")
    assert verdict.wait == 0 and verdict.delay == 1.5
    assert throttle.check("192.0.2.1", "bob").delay == 0  # only that name


def test_zero_disables_login_limits() -> None:
    throttle = LoginThrottle(per_minute=0, per_address_per_minute=30, name_delay_s=1.0)
    for n in range(100):
        assert throttle.check("10.0.0.1", f"x{n}").wait == 0
        throttle.failed("admin")
    assert throttle.check("10.0.0.1", "admin").delay == 0


def test_idle_buckets_are_forgotten_beyond_max_keys() -> None:
    limiter = RateLimiter(per_minute=60, burst=2, max_keys=100)
    for n in range(1000):
        limiter.allow(f"k{n}")
    assert len(limiter._buckets) <= 100
