"""A chat model that repeats the question it is given and cites source 1: what a prompt-injected or simply
obliging model does ("repeat after me: <US_SSN_1> ..."). Attack tests swap it in for the tiny random model
so that what the attacker puts in a question reliably comes back in the answer, as it would from a real
model told to repeat it; everything else (store, vault, service, reveal) is the real thing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_QUESTION = re.compile(r"Question: (.*?)\n\n", re.S)


class ParrotModel:
    name = "parrot"

    def stream(self, messages: list[dict[str, str]], max_tokens: int | None = None) -> Iterator[str]:
        prompt = messages[-1]["content"]
        found = _QUESTION.search(prompt)
        said = found.group(1) if found else prompt.splitlines()[-1]
        for word in f"{said} [1]".split(" "):
            yield word + " "
