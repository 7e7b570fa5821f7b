"""Chat model backends: in-process llama.cpp (fair queue, reproducible) and an OpenAI-compatible server."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from retrieval.llm import FairLock, LazyChatModel, LlamaCppChat, OpenAICompatChat
from tests.service_thread import free_port

MESSAGES = [{"role": "system", "content": "Answer briefly."}, {"role": "user", "content": "Hello there"}]


@pytest.fixture(scope="module")
def chat(tiny_gguf: Path) -> LlamaCppChat:
    return LlamaCppChat(str(tiny_gguf), n_ctx=1024, max_tokens=12, temperature=0.0, seed=0)


def test_streams_pieces_and_is_reproducible_at_temperature_zero(chat: LlamaCppChat) -> None:
    first = list(chat.stream(MESSAGES))
    second = list(chat.stream(MESSAGES))
    assert len(first) >= 2 and all(isinstance(p, str) for p in first)
    assert "".join(first) == "".join(second)


def test_fair_lock_serves_in_arrival_order() -> None:
    lock = FairLock()
    order: list[int] = []
    holding = threading.Event()

    def worker(n: int) -> None:
        with lock:
            order.append(n)
            time.sleep(0.01)

    with lock:  # hold the lock while the others queue up in a known order
        holding.set()
        threads = []
        for n in range(5):
            t = threading.Thread(target=worker, args=(n,))
            t.start()
            threads.append(t)
            deadline = time.time() + 5
            while lock._next_ticket < n + 2 and time.time() < deadline:  # wait until it took its ticket
                time.sleep(0.001)
    for t in threads:
        t.join(10)
    assert order == [0, 1, 2, 3, 4]


def test_concurrent_requests_share_one_model_without_interleaving(chat: LlamaCppChat) -> None:
    spans: list[tuple[float, float]] = []
    outputs: list[str] = []

    def ask() -> None:
        pieces = []
        start = None
        for piece in chat.stream(MESSAGES):
            start = start or time.perf_counter()
            pieces.append(piece)
        spans.append((start or 0.0, time.perf_counter()))
        outputs.append("".join(pieces))

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(outputs) == 4 and len(set(outputs)) == 1  # same prompt, temperature 0: same answer
    spans.sort()
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:], strict=False))


def test_lazy_model_is_built_once_on_first_use(tiny_gguf: Path) -> None:
    built: list[int] = []

    def factory() -> LlamaCppChat:
        built.append(1)
        return LlamaCppChat(str(tiny_gguf), n_ctx=512, max_tokens=4)

    lazy = LazyChatModel(factory)
    assert built == []
    assert list(lazy.stream(MESSAGES)) and list(lazy.stream(MESSAGES))
    assert built == [1]


@pytest.fixture(scope="module")
def llama_server(tiny_gguf: Path) -> Iterator[str]:
    """llama.cpp's own OpenAI-compatible server (llama_cpp.server) on the tiny model."""
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(tiny_gguf),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "8192",
            "--chat_format",
            "chatml",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if httpx.get(f"{url}/v1/models", timeout=1).is_success:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("llama_cpp.server did not start within 60 s")
    yield url
    proc.terminate()
    proc.wait(10)


def test_openai_compatible_server_backend_streams(llama_server: str) -> None:
    model = OpenAICompatChat(llama_server, max_tokens=8)
    pieces = list(model.stream(MESSAGES))
    assert pieces and all(isinstance(p, str) for p in pieces)


def test_answers_through_the_server_backend_end_to_end(llama_server: str, tmp_path: Path) -> None:
    from app.container import Container
    from tests.conftest import SAMPLE, make_settings

    settings = make_settings(tmp_path, None)
    settings.llm.backend = "openai"
    settings.llm.url = llama_server
    settings.llm.max_tokens = 8
    container = Container(settings)
    try:
        container.ingestor.run([SAMPLE / "remote_work_policy.md"])
        events = list(
            container.answerer.stream("How many days per week may employees work remotely?", ["all"])
        )
    finally:
        container.close()
    assert [e["type"] for e in events].count("token") >= 1
    assert events[-1]["type"] == "done" and events[0]["sources"]


@pytest.mark.parametrize("cache_mb", [0, 64])
def test_the_system_prompt_is_evaluated_once_across_requests(tiny_gguf: Path, cache_mb: int) -> None:
    """llama.cpp's own perf counters: after the first request, only what follows the shared prefix (the
    system prompt and the template around it) is evaluated, with the RAM prompt cache or without it."""
    import llama_cpp

    from retrieval.prompt import SYSTEM_PROMPT, build_messages
    from retrieval.retriever import RetrievedChunk

    chat = LlamaCppChat(str(tiny_gguf), n_ctx=2048, max_tokens=4, prompt_cache_mb=cache_mb)
    context = chat._llm._ctx.ctx
    system_tokens = len(chat._llm.tokenize(SYSTEM_PROMPT.encode(), add_bos=False))
    evaluated = []
    for question in ["What is the leave policy?", "Who approves expenses?", "Where is the office?"]:
        source = RetrievedChunk("c", "d", "/docs/a.md", "a", None, f"Notes on {question}", 1.0, ["all"])
        llama_cpp.llama_perf_context_reset(context)
        list(chat.stream(build_messages(question, [source])))
        evaluated.append(llama_cpp.llama_perf_context(context).n_p_eval)
    first, *later = evaluated
    assert first > system_tokens
    assert all(n < first - system_tokens for n in later), (evaluated, system_tokens)


def test_prompt_lookup_decoding_gives_the_same_answer_and_skips_prompt_logits(tiny_gguf: Path) -> None:
    """Greedy verification keeps the output token for token; the prompt's batches compute the last token's
    logits only (llama-cpp-python would compute all of them for any draft model), the drafts' batches all."""
    from retrieval.llama_lookup import LookupLlama
    from retrieval.llm import LlamaSpeed

    plain = LlamaCppChat(str(tiny_gguf), n_ctx=1024, max_tokens=24)
    lookup = LlamaCppChat(str(tiny_gguf), n_ctx=1024, max_tokens=24, speed=LlamaSpeed(lookup_tokens=4))
    assert isinstance(lookup._llm, LookupLlama) and lookup._llm.draft_model is not None
    assert lookup._llm.draft_model.num_pred_tokens == 4 and plain._llm.draft_model is None
    batches: list[tuple[int, bool]] = []
    original = lookup._llm._batch.set_batch

    def recording(batch: list[int], n_past: int, logits_all: bool) -> None:
        batches.append((len(batch), logits_all))
        original(batch, n_past, logits_all)

    lookup._llm._batch.set_batch = recording  # type: ignore[method-assign]  # records each batch it fills
    messages = [{"role": "user", "content": "Repeat: alpha beta gamma alpha beta gamma alpha beta"}]
    assert "".join(lookup.stream(messages)) == "".join(plain.stream(messages))
    prompt, *decoding = batches
    assert prompt[0] > 10 and prompt[1] is False
    assert decoding and all(logits_all for _, logits_all in decoding)


def test_prompt_lookup_refuses_the_ram_cache(tiny_gguf: Path) -> None:
    from retrieval.llm import LlamaSpeed

    with pytest.raises(ValueError, match="prompt_cache_mb"):
        LlamaCppChat(str(tiny_gguf), n_ctx=512, prompt_cache_mb=64, speed=LlamaSpeed(lookup_tokens=4))


def test_speed_settings_reach_llama_cpp(tiny_gguf: Path, tmp_path: Path) -> None:
    from app.container import Container
    from tests.conftest import make_settings

    settings = make_settings(tmp_path, tiny_gguf, llm__lookup_tokens=6, llm__n_ubatch=64, llm__lookup_ngram=2)
    chat = Container(settings).chat_model
    assert isinstance(chat, LlamaCppChat)
    assert chat._llm.draft_model.num_pred_tokens == 6 and chat._llm.draft_model.max_ngram_size == 2
    assert (
        chat._llm.context_params.n_ubatch == 64 and chat._llm.context_params.n_batch == settings.llm.n_batch
    )


def test_condense_answer_and_judge_share_the_system_prefix(tiny_gguf: Path) -> None:
    """After a condensation call, the answer prompt evaluates nothing of the system rules again."""
    import llama_cpp

    from retrieval.prompt import SYSTEM_PROMPT, build_condense_messages, build_messages
    from retrieval.retriever import RetrievedChunk

    chat = LlamaCppChat(str(tiny_gguf), n_ctx=4096, max_tokens=2)
    context = chat._llm._ctx.ctx
    system_tokens = len(chat._llm.tokenize(SYSTEM_PROMPT.encode(), add_bos=False))
    history = [
        {"role": "user", "content": "What is the leave policy?"},
        {"role": "assistant", "content": "16 weeks"},
    ]
    list(chat.stream(build_condense_messages(history, "and for contractors?")))
    source = RetrievedChunk("c", "d", "/docs/a.md", "a", None, "Contractors get no paid leave.", 1.0, ["all"])
    answer = build_messages("What leave do contractors get?", [source])
    llama_cpp.llama_perf_context_reset(context)
    list(chat.stream(answer))
    evaluated = llama_cpp.llama_perf_context(context).n_p_eval
    whole = len(chat._llm.tokenize(answer[1]["content"].encode(), add_bos=False))
    # Only the user turn and the template tokens around it: none of the system rules' tokens.
    assert whole <= evaluated < whole + 40 < whole + system_tokens, (evaluated, whole, system_tokens)
