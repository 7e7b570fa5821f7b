"""A chat model that replays one recorded draft in pieces, for the answer tests where the model is not under
test (what privrag does with a given draft is)."""

from __future__ import annotations

from collections.abc import Iterator

from retrieval.llm import Message


class ScriptedDraft:
    """Streams ``pieces`` whatever it is asked, and keeps the messages it was asked with."""

    name = "scripted"

    def __init__(self, pieces: list[str]) -> None:
        self.pieces = pieces
        self.asked: list[list[Message]] = []

    def stream(self, messages: list[Message], max_tokens: int | None = None) -> Iterator[str]:
        self.asked.append(messages)
        yield from self.pieces
