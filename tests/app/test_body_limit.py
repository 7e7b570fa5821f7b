"""The body limit on the stream: counted as the body arrives, 413 once it is passed, the rest never read."""

from __future__ import annotations

import asyncio
import json

from app.body_limit import BodyLimitMiddleware


async def _reading_app(scope, receive, send) -> None:  # type: ignore[no-untyped-def]
    """An app that reads the whole body, then answers 200 with its size."""
    size = 0
    while True:
        message = await receive()
        size += len(message.get("body", b""))
        if not message.get("more_body"):
            break
    body = json.dumps({"size": size}).encode()
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": body})


def _call(max_bytes: int, pieces: list[bytes], headers: list[tuple[bytes, bytes]] | None = None) -> tuple:
    received: list[int] = []
    sent: list[dict] = []

    async def receive() -> dict:
        index = len(received)
        received.append(index)
        if index >= len(pieces):  # a body that never ends: the test fails if this is awaited
            raise AssertionError("the middleware read past the limit")
        return {"type": "http.request", "body": pieces[index], "more_body": True}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/", "headers": headers or []}
    asyncio.run(BodyLimitMiddleware(_reading_app, max_bytes, "1 KB")(scope, receive, send))
    return received, sent


def test_a_chunked_body_is_cut_at_the_limit() -> None:
    pieces = [b"x" * 400] * 10  # 4,000 bytes offered, never ending
    received, sent = _call(1000, pieces)
    assert len(received) == 3, "read up to the piece that passes 1,000 bytes, not one more"
    assert sent[0]["status"] == 413 and (b"connection", b"close") in sent[0]["headers"]
    assert b"1 KB limit" in sent[1]["body"]


def test_a_declared_length_over_the_limit_is_refused_unread() -> None:
    received, sent = _call(1000, [b"x"], headers=[(b"content-length", b"5000")])
    assert received == [] and sent[0]["status"] == 413


def test_a_body_within_the_limit_passes() -> None:
    async def run() -> list[dict]:
        sent: list[dict] = []
        pieces = iter([{"type": "http.request", "body": b"a" * 500, "more_body": False}])

        async def receive() -> dict:
            return next(pieces)

        async def send(message: dict) -> None:
            sent.append(message)

        await BodyLimitMiddleware(_reading_app, 1000, "1 KB")({"type": "http", "headers": []}, receive, send)
        return sent

    sent = asyncio.run(run())
    assert sent[0]["status"] == 200 and json.loads(sent[1]["body"]) == {"size": 500}
