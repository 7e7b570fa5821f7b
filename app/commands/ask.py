"""`privrag ask QUESTION [--user NAME] [--reveal]`: an answer with its sources, streamed on a terminal."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.backend.choose import open_backend
from app.commands.base import EXIT_OK, emit
from app.settings import Settings


def sources_text(citations: list[dict[str, Any]]) -> str:
    return "\n\nSources:\n" + "\n".join(
        f"  [{c['n']}] {c['source']}"
        + (f" p.{c['page']}" if c.get("page") else "")
        + (f" ({c['section']})" if c.get("section") else "")
        for c in citations
    )


def run(args: argparse.Namespace, settings: Settings) -> int:
    answer: dict[str, Any] = {}
    streamed = not args.json and sys.stdout.isatty()
    with open_backend(settings) as backend:
        for event in backend.ask(args.question, args.user, args.reveal):
            if event["type"] == "token" and streamed:
                print(event["text"], end="", flush=True)
            if event["type"] == "done":
                answer = event["answer"]
    human = "" if streamed else answer["answer"]
    if answer.get("citations"):
        human += sources_text(answer["citations"])
    emit(args, answer, ("\n" if streamed else "") + human)
    return EXIT_OK
