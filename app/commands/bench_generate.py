"""`privrag bench generate`: privrag's service vs bare llama-cpp-python on the same prompts, side by side."""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from app.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_QUESTIONS = ROOT / "data" / "sample" / "questions.jsonl"
WARM_UP = "What do these documents cover?"


def register(groups: dict[str, Any], common: argparse.ArgumentParser) -> None:
    p = groups["bench"].add_parser("generate", parents=[common], help="time to first token and tokens/s")
    p.add_argument("--questions", default=str(DEFAULT_QUESTIONS), help="JSONL with a 'question' per line")
    p.add_argument("--limit", type=int, default=6)
    p.add_argument("--max-tokens", type=int, default=96)
    p.set_defaults(func=run)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _through_service(url: str, token: str, question: str) -> tuple[dict, dict]:
    """(timings, prompt parts) of one streamed answer through the HTTP service."""
    import httpx

    from retrieval.prompt import WITHDRAWN

    started = time.perf_counter()
    first = last = None
    pieces = 0
    sources_event: dict = {}
    body = {"question": question, "stream": True}
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.stream("POST", f"{url}/v1/ask", json=body, headers=headers, timeout=600) as response:
        response.raise_for_status()
        for line in response.iter_lines():
            if not line.strip():
                continue
            event = json.loads(line)
            if event["type"] == "sources":
                sources_event = event
            elif event["type"] == "token":
                if event["text"].startswith("\n\n" + WITHDRAWN):
                    continue  # the grounding check's notice, not generated text
                last = time.perf_counter()
                first = first or last
                pieces += 1
    end = time.perf_counter()
    return _timings(started, first, last or end, pieces, end), sources_event


def _bare(llm: Any, messages: list[dict], max_tokens: int, seed: int) -> dict:
    started = time.perf_counter()
    first = last = None
    pieces = 0
    for chunk in llm.create_chat_completion(
        messages=messages, stream=True, temperature=0.0, seed=seed, max_tokens=max_tokens
    ):
        if chunk["choices"][0]["delta"].get("content"):
            last = time.perf_counter()
            first = first or last
            pieces += 1
    end = time.perf_counter()
    return _timings(started, first, last or end, pieces, end)


def _timings(started: float, first: float | None, last: float, pieces: int, end: float) -> dict:
    """Time to first token; generation speed between the first and the last token; what follows the last
    token until the answer is complete (privrag: citation and grounding checks, the done event)."""
    first = first or last
    gen_seconds = max(last - first, 1e-6)
    return {
        "first_token_ms": (first - started) * 1000,
        "tokens": pieces,
        "tokens_per_s": (pieces - 1) / gen_seconds if pieces > 1 else 0.0,
        "after_last_token_ms": (end - last) * 1000,
    }


def run(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn
    from llama_cpp import Llama

    from app.commands.base import CliError, emit
    from app.container import Container
    from app.service import create_app
    from retrieval.prompt import build_messages
    from retrieval.retriever import RetrievedChunk

    if settings.llm.backend != "llama_cpp":
        raise CliError(
            "bench generate compares the in-process llama.cpp backend; set llm.backend = llama_cpp"
        )
    questions = [
        json.loads(line)["question"] for line in Path(args.questions).read_text().splitlines() if line.strip()
    ][: args.limit]
    model_path = str(Container(settings).chat_model_path())
    with tempfile.TemporaryDirectory(prefix="privrag-bench-generate-") as tmp:
        bench = settings.model_copy(deep=True)
        bench.home = Path(tmp)
        bench.database.url = ""
        bench.store.backend = "edge"
        bench.llm.model_path = model_path
        bench.llm.max_tokens = args.max_tokens
        container = Container(bench)
        container.ingestor.run([ROOT / "data" / "sample"])
        user = container.users.add("bench", "admin", ["all"], "bench-password-1")
        token = container.users.issue_token(user.name, kind="api")
        port = _free_port()
        server = uvicorn.Server(
            uvicorn.Config(create_app(container), host="127.0.0.1", port=port, log_level="error")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.1)
        url = f"http://127.0.0.1:{port}"
        llm = Llama(
            model_path=model_path,
            n_ctx=bench.llm.n_ctx,
            n_threads=bench.llm.n_threads,
            n_batch=bench.llm.n_batch,
            seed=bench.llm.seed,
            verbose=False,
        )
        # Warm up (model load) on a question that is not timed: a timed one would hit the prompt cache whole.
        _through_service(url, token, WARM_UP)
        rows = []
        try:
            for question in questions:
                service, sources = _through_service(url, token, question)
                chunks = [RetrievedChunk(**s) for s in sources.get("sources", [])]
                if not chunks:
                    continue  # refused without the model: nothing to compare
                messages = build_messages(sources["question"], chunks)
                bare = _bare(llm, messages, args.max_tokens, bench.llm.seed)
                rows.append({"question": question, "privrag": service, "bare": bare})
        finally:
            server.should_exit = True
            thread.join(10)
            container.close()

    def median(side: str, key: str) -> float:
        return round(statistics.median(r[side][key] for r in rows), 1) if rows else 0.0

    result: dict[str, Any] = {
        "prompts": len(rows),
        "model": model_path,
        "privrag": {
            "first_token_ms_p50": median("privrag", "first_token_ms"),
            "tokens_per_s_p50": median("privrag", "tokens_per_s"),
            "after_last_token_ms_p50": median("privrag", "after_last_token_ms"),
        },
        "bare_llama_cpp": {
            "first_token_ms_p50": median("bare", "first_token_ms"),
            "tokens_per_s_p50": median("bare", "tokens_per_s"),
        },
        "rows": rows,
    }
    result["first_token_overhead_ms"] = round(
        result["privrag"]["first_token_ms_p50"] - result["bare_llama_cpp"]["first_token_ms_p50"], 1
    )
    bare_speed = result["bare_llama_cpp"]["tokens_per_s_p50"]
    result["generation_speed_ratio"] = (
        round(result["privrag"]["tokens_per_s_p50"] / bare_speed, 3) if bare_speed else 0
    )
    human = (
        f"{len(rows)} prompts; first token p50: privrag {result['privrag']['first_token_ms_p50']} ms vs bare "
        f"{result['bare_llama_cpp']['first_token_ms_p50']} ms "
        f"(overhead {result['first_token_overhead_ms']} ms); "
        f"tokens/s p50: privrag {result['privrag']['tokens_per_s_p50']} vs bare "
        f"{result['bare_llama_cpp']['tokens_per_s_p50']} (ratio {result['generation_speed_ratio']})"
    )
    emit(args, result, human)
    return 0
