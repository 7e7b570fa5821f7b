"""The answer stream's events: the final Answer of a stream, a stream as a function returning it, and the
surrogates an asker typed earlier in a conversation."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import ParamSpec

from anonymize.reveal import typed_in
from anonymize.scope import surrogates_in
from retrieval.answer_types import Answer, Citation


def typed_earlier(history: Sequence[dict]) -> set[str]:
    """Surrogates the asker typed in earlier questions: every one in a client's own history, the escaped ones
    in turns a conversation stored (``stored``: its other surrogates were mapped from values, not typed)."""
    typed: set[str] = set()
    for message in history:
        if message.get("role") == "user":
            content = str(message.get("content", ""))
            typed |= typed_in(content) if message.get("stored") else surrogates_in(content)
    return typed


def final_answer(events: Iterable[dict]) -> Answer:
    """The answer of a stream of answer events (its ``done`` event)."""
    final: dict = {}
    for event in events:
        if event["type"] == "done":
            final = event["answer"]
    citations = [Citation(**c) for c in final.pop("citations")]
    return Answer(citations=citations, **final)


_P = ParamSpec("_P")


def collected(stream: Callable[_P, Iterator[dict]]) -> Callable[_P, Answer]:
    """``stream`` returning its final Answer instead of its events: one signature for both."""

    def ask(*args: _P.args, **kwargs: _P.kwargs) -> Answer:
        return final_answer(stream(*args, **kwargs))

    ask.__doc__ = "The final answer of ``stream`` (same arguments)."
    return ask
