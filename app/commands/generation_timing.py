"""Timing one streamed generation (privrag's HTTP service, bare llama-cpp-python) and counting prompt tokens,
for `privrag bench generate`."""

from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx

    from retrieval.retriever import RetrievedChunk


def through_service(
    url: str, token: str, question: str, client: httpx.Client | None = None
) -> tuple[dict, dict, dict]:
    """(timings, the sources event, the final answer) of one streamed answer through ``/v1/ask``. ``client``:
    one kept across questions, as a real client keeps its connection (building an ``httpx.Client`` costs
    ~150-350 ms on this machine, its TLS context: that is the benchmark's, not the service's time)."""
    import httpx

    from retrieval.prompt import WITHDRAWN

    if client is None:
        with httpx.Client(timeout=1800) as own:
            return through_service(url, token, question, own)

    started = time.perf_counter()
    first = last = None
    pieces: list[str] = []
    sources: dict = {}
    answer: dict = {}
    body = {"question": question, "stream": True}
    headers = {"Authorization": f"Bearer {token}"}
    with client.stream("POST", f"{url}/v1/ask", json=body, headers=headers, timeout=1800) as response:
        response.raise_for_status()
        for line in response.iter_lines():
            if not line.strip():
                continue
            event = json.loads(line)
            if event["type"] == "sources":
                sources = event
            elif event["type"] == "done":
                answer = event.get("answer", {})
            elif event["type"] == "token":
                if event["text"].lstrip().startswith(WITHDRAWN):
                    continue  # the grounding check's notice, not generated text
                last = time.perf_counter()
                first = first or last
                pieces.append(event["text"])
    end = time.perf_counter()
    return timings(started, first, last or end, "".join(pieces), end), sources, answer


def cache_hits(url: str, token: str, question: str, client: httpx.Client, repeats: int) -> dict:
    """The question asked ``repeats`` more times through the service with the kept ``client``: each hit's
    wall time from sending the request to the stream's end (what an employee waits for a repeated question
    through the API), the service's own time for it (its ``total_ms``), and their medians. ``misses``: the
    repeats the service answered anew (no cache hit): their times are left out."""
    waits: list[float] = []
    inside: list[float] = []
    misses = 0
    for _ in range(repeats):
        run, _sources, answer = through_service(url, token, question, client)
        if not answer.get("timings", {}).get("cached"):
            misses += 1
            continue
        waits.append(run["total_ms"])
        inside.append(float(answer["timings"]["total_ms"]))
    return {
        "wait_ms": waits,
        "service_ms": inside,
        "wait_ms_p50": median(waits),
        "service_ms_p50": median(inside),
        "misses": misses,
    }


def bare(llm: Any, messages: list[dict], max_tokens: int, seed: int) -> dict:
    """One streamed chat completion straight on a llama-cpp-python ``Llama``."""
    started = time.perf_counter()
    first = last = None
    pieces: list[str] = []
    for chunk in llm.create_chat_completion(
        messages=messages, stream=True, temperature=0.0, seed=seed, max_tokens=max_tokens
    ):
        piece = chunk["choices"][0]["delta"].get("content")
        if piece:
            last = time.perf_counter()
            first = first or last
            pieces.append(piece)
    end = time.perf_counter()
    return timings(started, first, last or end, "".join(pieces), end)


def timings(started: float, first: float | None, last: float, text: str, end: float) -> dict:
    """Time to first token; generation speed between the first and the last token (``tokens`` counted by
    the caller on ``text``); what follows the last token until the answer is complete (privrag: citation and
    grounding checks, the judge, the done event)."""
    first = first or last
    return {
        "total_ms": round((end - started) * 1000, 1),
        "first_token_ms": round((first - started) * 1000, 1),
        "generation_s": max(last - first, 1e-6),
        "text": text,
        "after_last_token_ms": round((end - last) * 1000, 1),
    }


def add_speed(run: dict, count: Callable[[str], int]) -> dict:
    """``tokens`` and ``tokens_per_s`` of a timed run (the first token is not timed: ``tokens - 1``)."""
    n = count(run["text"]) if run["text"] else 0
    run["tokens"] = n
    run["tokens_per_s"] = round((n - 1) / run.pop("generation_s"), 2) if n > 1 else 0.0
    return run


def naive_messages(question: str, chunks: Sequence[RetrievedChunk]) -> list[dict[str, str]]:
    """The prompt a llama-index query engine sends (its default chat QA template): the question and the
    chunks verbatim, each with its file path as llama-index's node metadata shows it."""
    from llama_index.core.prompts.chat_prompts import CHAT_TEXT_QA_PROMPT

    context = "\n\n".join(f"file_path: {c.source}\n\n{c.text}" for c in chunks)
    return [
        {"role": m.role.value, "content": str(m.content)}
        for m in CHAT_TEXT_QA_PROMPT.format_messages(context_str=context, query_str=question)
    ]


def prompt_ids(llm: Any, messages: list[dict]) -> list[int]:
    """The prompt's tokens as llama-cpp-python evaluates them: a one-token completion on the prompt just
    streamed (its KV state is kept: nothing is re-evaluated but the last token) reports them."""
    result = llm.create_chat_completion(messages=messages, temperature=0.0, max_tokens=1)
    n = int(result["usage"]["prompt_tokens"])
    return [int(t) for t in llm.input_ids[:n]]


def shared_prefix(a: Sequence[int], b: Sequence[int]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


STAGES = ("retrieve_ms", "select_ms", "judge_call_ms")


def stages(answer: dict) -> dict[str, float | None]:
    """privrag's own stages of one answer, from its ``done`` event: ``retrieve_ms`` (pseudonymization and
    retrieval), ``select_ms`` (passage selection), ``judge_call_ms`` (the judge's P(yes) call; before the
    first token when ``judge_first`` says so)."""
    timings, checks = answer.get("timings", {}), answer.get("checks", {})
    return {
        "retrieve_ms": timings.get("retrieve_ms"),
        "select_ms": timings.get("select_ms"),
        "judge_call_ms": checks.get("judge_call_ms"),
        "judge_first": checks.get("judge_first"),
        "withheld_first": bool(checks.get("judged_first")),  # withheld before any draft
    }


def median(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(statistics.median(present), 1) if present else None


def machine() -> dict:
    """The CPU model, its cores and the load average now (timing figures depend on it)."""
    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        cpu = next(
            (ln.split(":", 1)[1].strip() for ln in cpuinfo.read_text().splitlines() if "model name" in ln), ""
        )
    return {"cpu": cpu, "cores": os.cpu_count(), "load_average": [round(x, 2) for x in os.getloadavg()]}
