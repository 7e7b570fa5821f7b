"""The draft's own confidence, read while it is generated: no model pass after the last token.

llama.cpp computes the full-vocabulary logits of every generated token to sample it; a logits processor
sees them anyway. ``DraftWatch`` keeps, per step, the log-probability of the model's choice (the argmax:
answers are greedy, temperature 0) for the first ``window`` tokens (the fact the answer states first), and
at the first step the probability of the refusal's first token (how close the model came to "I don't
know"). These, with the retrieval evidence, feed the calibrated judge (retrieval.judge) in place of a
second model call.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from retrieval.llm import ChatModel, Message

WINDOW = 16  # tokens of the draft's leading fact whose probabilities are kept


@dataclass(frozen=True)
class DraftSignal:
    refusal_start: float  # P(the refusal's first token) at the draft's first step
    fact_logp: float  # mean log P of the model's choice over the draft's first ``WINDOW`` tokens
    fact_min_logp: float  # the least sure of those choices
    tokens: int  # steps seen (all of the draft, not only the window)

    def to_json(self) -> dict[str, float]:
        return asdict(self)


class DraftWatch:
    """A logits observer for one draft: call it with each step's full-vocabulary logits."""

    def __init__(self, refusal_token: int | None, window: int = WINDOW, refusal_penalty: float = 0.0) -> None:
        self._refusal_token = refusal_token
        self._window = window
        # The retrieval evidence says the sources answer (retrieval.answer, ``answer_coverage``): the
        # refusal's first token loses ``refusal_penalty`` from its logit at the first step (inf: it is taken
        # out), after its probability is read (a feature of the judge, which still decides). The model still
        # refuses when it prefers the refusal to its best answer by more than the penalty.
        self.refusal_penalty = refusal_penalty if refusal_token is not None else 0.0
        self._refusal = 0.0
        self._chosen: list[float] = []
        self._steps = 0

    def __call__(self, logits: Any) -> None:
        self._steps += 1
        if self._steps > self._window:
            return
        scores = np.array(logits, dtype=np.float32, copy=True)  # a copy: llama.cpp's array is untouched
        top = float(scores.max())
        refusal = (
            float(scores[self._refusal_token])
            if self._steps == 1 and self._refusal_token is not None and self._refusal_token < scores.size
            else None
        )
        scores -= top
        np.exp(scores, out=scores)  # float32 in place: ~4 ms for Qwen's 151,936 tokens on a busy core
        log_total = top + math.log(float(scores.sum(dtype=np.float64)))
        if refusal is not None:
            self._refusal = math.exp(refusal - log_total)
        if self._steps == 1 and self.refusal_penalty > 0 and refusal is not None:
            # llama.cpp's own array: the choice is made after this
            logits[self._refusal_token] = refusal - self.refusal_penalty
            top = float(np.max(logits))  # the step's choice: the best other token, or the refusal still
        self._chosen.append(top - log_total)

    def signal(self) -> DraftSignal | None:
        """The draft's signal, or None when no step was seen (a backend without logits)."""
        if not self._chosen:
            return None
        return DraftSignal(
            refusal_start=round(self._refusal, 6),
            fact_logp=round(sum(self._chosen) / len(self._chosen), 6),
            fact_min_logp=round(min(self._chosen), 6),
            tokens=self._steps,
        )


def watch_for(model: ChatModel, refusal: str, refusal_penalty: float = 0.0) -> DraftWatch | None:
    """A watch for ``model``'s next draft, when its backend shows logits (llama.cpp in process);
    ``refusal_penalty``: taken from the logit of the refusal's first token at the draft's first step (inf:
    the draft may not open with it)."""
    if getattr(model, "stream_watched", None) is None:
        return None
    token_ids: Callable[[str], list[int]] | None = getattr(model, "token_ids", None)
    ids = token_ids(refusal) if token_ids is not None else []
    return DraftWatch(ids[0] if ids else None, refusal_penalty=refusal_penalty)


def stream_draft(model: ChatModel, messages: list[Message], watch: DraftWatch | None) -> Iterator[str]:
    """``model.stream(messages)``, with ``watch`` seeing each step's logits where the backend allows."""
    if watch is None:
        return model.stream(messages)
    streamer: Callable[..., Iterator[str]] = model.stream_watched  # type: ignore[attr-defined]  # watch_for checked it
    return streamer(messages, watch)
