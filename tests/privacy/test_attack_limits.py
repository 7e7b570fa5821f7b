"""Attacks on the limits that act before authentication, over HTTP: a chunked body larger than the limit,
user names rotated from one address, and failures from elsewhere meant to lock a user out.

The service here has the default login limits on and a small body limit. Client addresses are told apart the
way a reverse proxy on the service's host tells them: ``X-Forwarded-For`` from 127.0.0.1 (uvicorn's default
trusted proxy)."""

from __future__ import annotations

import shutil
import socket
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from tests.conftest import TEST_PASSWORD
from tests.privacy.conftest import PrivacyService, Template, start_service

LIMIT_MB = 0.25


@pytest.fixture(scope="module")
def limited(
    tmp_path_factory: pytest.TempPathFactory, tiny_gguf: Path, privacy_template: Template
) -> Iterator[PrivacyService]:
    """A copy of the harness's home served with the login limits on and a 0.25 MB body limit."""
    home = tmp_path_factory.mktemp("privacy-limits") / "home"
    shutil.copytree(privacy_template.home, home)
    yield from start_service(
        home,
        privacy_template.docs,
        tiny_gguf,
        # Low refill rates: on a loaded test machine one argon2 hash takes seconds, so the default rates would
        # refill the buckets as fast as the attacks can spend them; the bursts (5 per address and name, 20 per
        # address) are the defaults.
        service__logins_per_minute=2.0,
        service__logins_per_address_per_minute=2.0,
        service__max_request_mb=LIMIT_MB,
    )


def _login(service: PrivacyService, name: str, password: str, address: str) -> httpx.Response:
    with httpx.Client(base_url=service.url, timeout=60) as anonymous:
        return anonymous.post(
            "/v1/auth/login",
            json={"username": name, "password": password},
            headers={"X-Forwarded-For": address},
        )


def test_a_chunked_body_over_the_limit_is_refused_before_it_is_read_whole(limited: PrivacyService) -> None:
    url = urlsplit(limited.url)
    limit = int(LIMIT_MB * 1024 * 1024)
    chunk = b"x" * 65536
    with socket.create_connection((url.hostname, url.port), timeout=15) as sock:
        sock.sendall(
            b"POST /v1/auth/login HTTP/1.1\r\nHost: privrag\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n"
        )
        sent = 0
        try:  # the limit's worth, then 1 KB over it; the body never ends (no closing zero-size chunk)
            while sent < limit:
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                sent += len(chunk)
            sock.sendall(b"400\r\n" + b"y" * 1024 + b"\r\n")
            sent += 1024
        except OSError:  # the service may close the connection as soon as it has answered
            pass
        sock.settimeout(15)
        answer = b""
        try:
            while b"\r\n\r\n" not in answer:
                piece = sock.recv(65536)
                if not piece:
                    break
                answer += piece
        except TimeoutError:
            pytest.fail(
                f"no answer to a {sent}-byte chunked body that never ends: the service is still reading"
            )
    status_line = answer.split(b"\r\n", 1)[0]
    assert status_line.startswith(b"HTTP/1.1 413"), answer[:300]


def test_a_lying_content_length_is_refused_unread(limited: PrivacyService) -> None:
    url = urlsplit(limited.url)
    with socket.create_connection((url.hostname, url.port), timeout=15) as sock:
        sock.sendall(
            b"POST /v1/auth/login HTTP/1.1\r\nHost: privrag\r\nContent-Type: application/json\r\n"
            b"Content-Length: 999999999\r\n\r\n{"
        )
        answer = sock.recv(65536)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:300]


def test_rotating_user_names_from_one_address_is_throttled(limited: PrivacyService) -> None:
    address = "203.0.113.10"
    names = [f"guess-{uuid.uuid4().hex[:8]}" for _ in range(40)]
    with ThreadPoolExecutor(max_workers=8) as pool:  # as fast as the attacker can, several at once
        codes = list(pool.map(lambda name: _login(limited, name, "password123", address).status_code, names))
    assert codes.count(429) >= 10, f"40 names tried from one address, each answered (argon2 each): {codes}"
    assert set(codes) <= {401, 429}
    # The throttle is per address: someone else still logs in.
    assert _login(limited, "hr_employee", TEST_PASSWORD, "198.51.100.20").status_code == 200


def test_failures_from_other_addresses_do_not_lock_the_real_user_out(limited: PrivacyService) -> None:
    victim = "hr_officer"
    attackers = [f"203.0.113.{n}" for n in range(50, 55)]
    codes = [
        _login(limited, victim, f"wrong-{n}-password", address).status_code
        for address in attackers
        for n in range(6)
    ]
    assert 429 in codes, "the attacker's own address is throttled"
    started = time.monotonic()
    real = _login(limited, victim, TEST_PASSWORD, "198.51.100.77")
    assert real.status_code == 200, f"the real user was locked out by others' failures: {real.text}"
    assert time.monotonic() - started < 10, "a failing name is slowed down modestly, not locked"
