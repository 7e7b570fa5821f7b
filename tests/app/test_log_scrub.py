"""No secret or raw PII value reaches a log line."""

from __future__ import annotations

import io
import logging

from app.log_scrub import ScrubbingFilter, install, scrub

RAW = [
    "jane.doe@example.com",
    "(503) 555-0142",
    "412-67-3390",
    "4111 1111 1111 1111",
    "GB82 WEST 1234 5698 7654 32",
    "192.168.10.24",
]


def test_scrub_removes_pii_shaped_values_and_secrets() -> None:
    line = (
        "user jane.doe@example.com called (503) 555-0142 ssn 412-67-3390 card 4111 1111 1111 1111 "
        "iban GB82 WEST 1234 5698 7654 32 from 192.168.10.24 Authorization: Bearer abcdEFGH12345678 "
        'password="hunter2hunter2" token=s3cr3tvalue'
    )
    cleaned = scrub(line)
    for value in [*RAW, "abcdEFGH12345678", "hunter2hunter2", "s3cr3tvalue"]:
        assert value not in cleaned
    assert "[EMAIL]" in cleaned and "Bearer [REDACTED]" in cleaned


def test_known_values_are_scrubbed_too() -> None:
    assert "Jane Doe" not in scrub("asked about Jane Doe", known_values=("Jane Doe",))


def test_filter_scrubs_formatted_records_through_a_real_handler() -> None:
    stream = io.StringIO()
    logger = logging.getLogger("privrag.test.scrub")
    logger.propagate = False
    handler = logging.StreamHandler(stream)
    logger.addHandler(handler)
    try:
        install(logger)
        install(logger)  # idempotent
        assert sum(isinstance(f, ScrubbingFilter) for f in handler.filters) == 1
        logger.warning("login for %s from %s failed", "jane.doe@example.com", "192.168.10.24")
        try:
            raise ValueError("bad card 4111 1111 1111 1111")
        except ValueError:
            logger.exception("ingest failed")
    finally:
        logger.removeHandler(handler)
    output = stream.getvalue()
    assert "login for [EMAIL] from [IP] failed" in output
    for value in RAW:
        assert value not in output
