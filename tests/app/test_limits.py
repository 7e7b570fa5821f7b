"""Rate limits per user, request size limit, question length."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.ratelimit import RateLimiter
from app.service import create_app


def test_token_bucket_allows_a_burst_then_asks_to_wait() -> None:
    limiter = RateLimiter(per_minute=60, burst=3)
    assert [limiter.allow("ann") for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = limiter.allow("ann")
    assert 0 < wait <= 1.0
    assert limiter.allow("bob") == 0.0  # per user
    assert limiter.allow("ann", "login") == 0.0  # per action
    assert RateLimiter(per_minute=0).allow("ann") == 0.0  # disabled


def test_service_enforces_limits(sample_home) -> None:  # type: ignore[no-untyped-def]
    service = sample_home.settings.service
    saved = (service.chat_per_minute, service.logins_per_minute, service.max_request_mb)
    service.chat_per_minute, service.logins_per_minute, service.max_request_mb = 6, 6, 0.01
    try:
        client = TestClient(create_app(sample_home))
    finally:
        service.chat_per_minute, service.logins_per_minute, service.max_request_mb = saved
    if sample_home.users.get("limits-user") is None:
        sample_home.users.add("limits-user", "employee", ["all"], "limits-password")
    codes = [
        client.post(
            "/v1/auth/login", json={"username": "limits-user", "password": "wrong-password"}
        ).status_code
        for _ in range(7)
    ]
    assert codes[:5] == [401] * 5 and codes[-1] == 429  # a burst of 5 attempts, then 6 per minute
    token = sample_home.users.issue_token("limits-user")
    headers = {"Authorization": f"Bearer {token}"}
    too_long = client.post("/v1/ask", json={"question": "x" * 5000}, headers=headers)
    assert too_long.status_code == 422
    big = client.post("/v1/ask", content=b"{" + b" " * 20_000 + b"}", headers=headers)
    assert big.status_code == 413
    first = client.post("/v1/ask", json={"question": "What is the remote work policy?"}, headers=headers)
    second = client.post("/v1/ask", json={"question": "What is the remote work policy?"}, headers=headers)
    assert first.status_code == 200
    assert second.status_code == 429 and "Retry-After" in second.headers
