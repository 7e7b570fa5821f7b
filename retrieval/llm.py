"""Chat model backends: llama.cpp in-process (default) or an OpenAI-compatible server by URL."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, cast

import httpx

if TYPE_CHECKING:
    from llama_cpp import LlamaGrammar

Message = dict[str, str]


class ChatModel(Protocol):
    name: str

    def stream(self, messages: list[Message], max_tokens: int | None = None) -> Iterator[str]:
        """Yield the answer's text pieces as the model produces them."""
        ...


def choose_option(model: ChatModel, messages: list[Message], options: Sequence[str]) -> str | None:
    """One of ``options`` as the model's reply: grammar-constrained where the backend has it (``choose``),
    else the option the free reply starts with (None when it starts with none of them)."""
    choose = getattr(model, "choose", None)
    if choose is not None:
        return choose(messages, options)
    reply = "".join(model.stream(messages, max_tokens=4)).strip().lower()
    return next((o for o in options if reply.startswith(o.lower())), None)


def option_grammar(options: Sequence[str]) -> str:
    """A GBNF grammar whose only sentences are ``options``."""
    return "root ::= " + " | ".join(json.dumps(o) for o in options)


class FairLock:
    """A FIFO lock: requests for the one model are served in arrival order."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._next_ticket = 0
        self._serving = 0

    def __enter__(self) -> None:
        with self._cond:
            ticket = self._next_ticket
            self._next_ticket += 1
            self._cond.wait_for(lambda: self._serving == ticket)

    def __exit__(self, *exc: object) -> None:
        with self._cond:
            self._serving += 1
            self._cond.notify_all()


@dataclass(frozen=True)
class LlamaSpeed:
    """llama.cpp settings that change speed, not answers (measured: docs/evaluation.md, "Generation speed").
    ``lookup_tokens``: draft tokens of prompt-lookup decoding (0: off); ``n_ubatch``/``n_threads_batch``: 0 =
    the same as ``n_batch``/``n_threads``."""

    n_ubatch: int = 0
    n_threads_batch: int = 0
    flash_attn: bool = False
    lookup_tokens: int = 0
    lookup_ngram: int = 3
    lookup_min_ngram: int = 2


class LlamaCppChat:
    """One llama.cpp model in this process, shared by all requests through a fair queue."""

    def __init__(
        self,
        model_path: str,
        *,
        n_ctx: int = 4096,
        n_threads: int = 2,
        n_batch: int = 256,
        temperature: float = 0.0,
        seed: int = 0,
        max_tokens: int = 384,
        prompt_cache_mb: int = 0,
        speed: LlamaSpeed | None = None,
    ) -> None:
        from llama_cpp import LlamaRAMCache

        from retrieval.llama_lookup import load_llama

        speed = speed or LlamaSpeed()
        if speed.lookup_tokens > 0 and prompt_cache_mb > 0:
            raise ValueError(
                "llm.prompt_cache_mb must be 0 with llm.lookup_tokens > 0: with a draft model "
                "llama-cpp-python keeps every position's logits, and the RAM cache would copy them "
                "(GBs) after each answer"
            )
        self.name = model_path
        self.temperature = temperature
        self.seed = seed
        self.max_tokens = max_tokens
        self._llm = load_llama(
            model_path,
            lookup_tokens=speed.lookup_tokens,
            lookup_ngram=speed.lookup_ngram,
            lookup_min_ngram=speed.lookup_min_ngram,
            n_ctx=n_ctx,
            n_threads=n_threads,
            n_threads_batch=speed.n_threads_batch or n_threads,
            n_batch=n_batch,
            n_ubatch=speed.n_ubatch or n_batch,
            flash_attn=speed.flash_attn,
            seed=seed,
        )
        # llama-cpp-python reuses the KV state of the prefix a prompt shares with the previous one (the system
        # prompt) by itself; the RAM cache also keeps earlier prompts' states, at the cost of copying the
        # state after every completion.
        if prompt_cache_mb > 0:
            self._llm.set_cache(LlamaRAMCache(capacity_bytes=prompt_cache_mb << 20))
        self._lock = FairLock()
        self._grammars: dict[tuple[str, ...], LlamaGrammar] = {}

    def count_tokens(self, text: str) -> int:
        """Tokens of ``text`` for this model (no special tokens)."""
        return len(self._llm.tokenize(text.encode(), add_bos=False, special=False))

    def token_ids(self, text: str) -> list[int]:
        """``text``'s token ids for this model (no special tokens)."""
        return list(self._llm.tokenize(text.encode(), add_bos=False, special=False))

    def stream(self, messages: list[Message], max_tokens: int | None = None) -> Iterator[str]:
        return self.stream_watched(messages, None, max_tokens)

    def stream_watched(
        self, messages: list[Message], watch: Callable[[Any], None] | None, max_tokens: int | None = None
    ) -> Iterator[str]:
        """``stream``, calling ``watch`` with each step's full-vocabulary logits before it is sampled (the
        draft's own token probabilities, at no extra model pass: retrieval.judge_tokens)."""
        from llama_cpp import LogitsProcessorList

        def observe(_input_ids: Any, logits: Any) -> Any:
            if watch is not None:
                watch(logits)
            return logits

        with self._lock:
            chunks = self._llm.create_chat_completion(
                messages=messages,  # type: ignore[arg-type]  # plain role/content dicts, not llama_cpp's TypedDicts
                stream=True,
                temperature=self.temperature,
                seed=self.seed,
                max_tokens=max_tokens or self.max_tokens,
                logits_processor=LogitsProcessorList([observe]) if watch is not None else None,
            )
            for chunk in cast(Iterator[dict[str, Any]], chunks):  # stream=True: an iterator of chunk dicts
                piece = chunk["choices"][0]["delta"].get("content")
                if piece:
                    yield piece

    def choose(self, messages: list[Message], options: Sequence[str]) -> str | None:
        """The model's reply restricted by a llama.cpp grammar to exactly one of ``options``."""
        from llama_cpp import LlamaGrammar

        key = tuple(options)
        if key not in self._grammars:
            self._grammars[key] = LlamaGrammar.from_string(option_grammar(options), verbose=False)
        with self._lock:
            result = self._llm.create_chat_completion(
                messages=messages,  # type: ignore[arg-type]  # plain role/content dicts, not llama_cpp's TypedDicts
                temperature=0.0,
                seed=self.seed,
                max_tokens=max(len(o) for o in options) + 2,
                grammar=self._grammars[key],
            )
        reply = (result["choices"][0]["message"].get("content") or "").strip()  # type: ignore[index]  # no stream: one dict
        return reply if reply in options else None

    def option_probabilities(self, messages: list[Message], options: Sequence[str]) -> dict[str, float]:
        """The model's probability of each option as its reply's first token, normalized over ``options``
        (each option's first token). One prompt evaluation on the KV prefix the last call left (a judge
        appended to the answer's conversation evaluates only its own turn); nothing is sampled, and the RAM
        cache is skipped (no state copy)."""
        import numpy as np
        from llama_cpp import LogitsProcessorList

        ids = {o: self._llm.tokenize(o.encode(), add_bos=False, special=False)[0] for o in options}
        seen: list[np.ndarray] = []

        def record(_input_ids: Any, logits: Any) -> Any:
            seen.append(np.array(logits, dtype=np.float64, copy=True))
            return logits

        with self._lock:
            cache, self._llm.cache = self._llm.cache, None
            try:
                self._llm.create_chat_completion(
                    messages=messages,  # type: ignore[arg-type]  # plain role/content dicts
                    temperature=0.0,
                    max_tokens=1,
                    logits_processor=LogitsProcessorList([record]),
                )
            finally:
                self._llm.cache = cache
        if not seen:
            return {}
        chosen = np.array([seen[0][ids[o]] for o in options])
        weights = np.exp(chosen - chosen.max())
        return {o: float(w) for o, w in zip(options, weights / weights.sum(), strict=True)}


class OpenAICompatChat:
    """Any OpenAI-compatible chat completions server (llama.cpp's server, vLLM) by base URL."""

    def __init__(
        self,
        base_url: str,
        *,
        model: str = "default",
        api_key: str = "",
        temperature: float = 0.0,
        seed: int = 0,
        max_tokens: int = 384,
        timeout: float = 300.0,
    ) -> None:
        self.name = model
        self.base_url = base_url.rstrip("/")
        self.temperature = temperature
        self.seed = seed
        self.max_tokens = max_tokens
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(timeout=timeout, headers=headers)

    def stream(self, messages: list[Message], max_tokens: int | None = None) -> Iterator[str]:
        url = self.base_url + (
            "/chat/completions" if self.base_url.endswith("/v1") else "/v1/chat/completions"
        )
        body = {
            "model": self.name,
            "messages": messages,
            "stream": True,
            "temperature": self.temperature,
            "seed": self.seed,
            "max_tokens": max_tokens or self.max_tokens,
        }
        with self._client.stream("POST", url, json=body) as response:
            response.raise_for_status()
            for line in response.iter_lines():
                if not line.startswith("data:"):
                    continue
                payload = line[5:].strip()
                if payload == "[DONE]":
                    break
                choices = json.loads(payload).get("choices") or [{}]
                piece = (choices[0].get("delta") or {}).get("content")
                if piece:
                    yield piece


class LazyChatModel:
    """Builds the real chat model on first use, so processes that never generate never load it."""

    def __init__(self, factory: Callable[[], ChatModel], name: str = "lazy") -> None:
        self._factory = factory
        self._model: ChatModel | None = None
        self._lock = threading.Lock()
        self.name = name

    @property
    def model(self) -> ChatModel:
        with self._lock:
            if self._model is None:
                self._model = self._factory()
            return self._model

    def stream(self, messages: list[Message], max_tokens: int | None = None) -> Iterator[str]:
        return self.model.stream(messages, max_tokens)

    def stream_watched(
        self, messages: list[Message], watch: Callable[[Any], None] | None, max_tokens: int | None = None
    ) -> Iterator[str]:
        """The real model's (its plain ``stream`` when its backend shows no logits: ``watch`` sees none)."""
        watched = getattr(self.model, "stream_watched", None)
        if watched is None:
            return self.model.stream(messages, max_tokens)
        return cast(Iterator[str], watched(messages, watch, max_tokens))

    def token_ids(self, text: str) -> list[int]:
        """The real model's token ids (empty when its backend does not tell)."""
        ids = getattr(self.model, "token_ids", None)
        return list(ids(text)) if ids is not None else []

    def choose(self, messages: list[Message], options: Sequence[str]) -> str | None:
        return choose_option(self.model, messages, options)

    def option_probabilities(self, messages: list[Message], options: Sequence[str]) -> dict[str, float]:
        """The real model's (empty when its backend has no logits: the caller falls back to ``choose``)."""
        probabilities = getattr(self.model, "option_probabilities", None)
        return probabilities(messages, options) if probabilities is not None else {}

    def count_tokens(self, text: str) -> int:
        return count_tokens(self.model, text)


def count_tokens(model: ChatModel, text: str) -> int:
    """``text``'s tokens for ``model`` where its backend tells (llama.cpp), else about 4 characters each."""
    counter = getattr(model, "count_tokens", None)
    return int(counter(text)) if counter is not None else max(1, len(text) // 4)
