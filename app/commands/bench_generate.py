"""`privrag bench generate`: privrag's service vs bare llama-cpp-python, side by side in one run.

Per question: privrag's answer through the HTTP service (its settings: passage selection, prompt-lookup
decoding, the judge), the same question again (the answer cache), and three bare llama-cpp-python runs of the
same model with the same n_ctx/n_threads/n_batch: on privrag's own prompt without and with prompt-lookup
decoding, and on a naive RAG prompt (the question and its top chunks verbatim, llama-index's default QA
template). Each bare prompt kind has its own ``Llama``, so each reuses its own fixed prefix as it would alone.
"""

from __future__ import annotations

import argparse
import json
import socket
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from app.commands import generation_timing as gt
from app.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_QUESTIONS = ROOT / "data" / "sample" / "questions.jsonl"
WARM_UP = "What do these documents cover?"
LOOKUP_WHEN_OFF = 4  # draft tokens of the bare prompt-lookup run when privrag's lookup_tokens is 0 (off)
# Issue 23's targets: first token vs the naive prompt, tokens/s vs bare, after the last token, a cache hit.
TARGETS = {
    "first_token_vs_naive": 0.3,
    "tokens_per_s_vs_bare": 1.3,
    "after_last_token_ms": 400.0,
    "cache_hit_ms": 50.0,
}


def register(groups: dict[str, Any], common: argparse.ArgumentParser) -> None:
    p = groups["bench"].add_parser("generate", parents=[common], help="time to first token and tokens/s")
    p.add_argument("--questions", default=str(DEFAULT_QUESTIONS), help="JSONL with a 'question' per line")
    p.add_argument("--limit", type=int, default=6)
    p.add_argument("--max-tokens", type=int, default=96)
    p.add_argument(
        "--cache-repeats",
        type=int,
        default=5,
        help="each question asked again this often (cache hits, median)",
    )
    p.set_defaults(func=run)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _questions(path: str, limit: int) -> list[str]:
    from app.commands.base import CliError

    try:
        lines = Path(path).read_text().splitlines()
        return [json.loads(line)["question"] for line in lines if line.strip()][:limit]
    except (OSError, ValueError, KeyError) as exc:
        raise CliError(f"--questions {path}: not a JSONL file with a 'question' per line ({exc})") from exc


def run(args: argparse.Namespace, settings: Settings) -> int:
    import httpx
    import uvicorn
    from llama_cpp import Llama

    from app.commands.base import CliError, emit
    from app.container import Container
    from app.service import create_app
    from retrieval.llama_lookup import load_llama
    from retrieval.prompt_numbering import numbered_messages
    from retrieval.retriever import RetrievedChunk

    if settings.llm.backend != "llama_cpp":
        raise CliError(
            "bench generate compares the in-process llama.cpp backend; set llm.backend = llama_cpp"
        )
    questions = _questions(args.questions, args.limit)
    model_path = str(Container(settings).chat_model_path())
    at_start = gt.machine()
    with tempfile.TemporaryDirectory(prefix="privrag-bench-generate-") as tmp:
        bench = settings.model_copy(deep=True)
        bench.home = Path(tmp)
        bench.database.url = ""
        bench.store.backend = "edge"
        bench.llm.model_path = model_path
        bench.llm.max_tokens = args.max_tokens
        bench.service.chat_per_minute = 0  # the repeated askings (cache hits) are timed, not rate limited
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
        client = httpx.Client(timeout=1800)  # one connection kept, as a real client's
        llm = bench.llm
        base: dict[str, Any] = {
            "n_ctx": llm.n_ctx,
            "n_threads": llm.n_threads,
            "n_batch": llm.n_batch,
            "seed": llm.seed,
        }
        bare = Llama(model_path=model_path, verbose=False, **base)  # privrag's prompt
        naive = Llama(model_path=model_path, verbose=False, **base)  # the naive RAG prompt
        lookup = load_llama(
            model_path,
            lookup_tokens=llm.lookup_tokens or LOOKUP_WHEN_OFF,
            lookup_ngram=llm.lookup_ngram,
            lookup_min_ngram=llm.lookup_min_ngram,
            **base,
        )

        def tokens(text: str) -> int:
            return len(bare.tokenize(text.encode(), add_bos=False, special=False))

        passages = container.answerer.passages

        def privrag_prompt(sources: dict) -> tuple[list[dict], list[RetrievedChunk]]:
            chunks = [RetrievedChunk(**s) for s in sources.get("sources", [])]
            shown: list[Any] = passages.select(sources["question"], chunks).shown if passages else chunks
            afresh = container.answerer.number_afresh  # the prompt privrag sends (retrieval.prompt_numbering)
            return numbered_messages(sources["question"], shown, afresh)[1], chunks

        # Warm-up (model loads, fixed prefixes evaluated) on a question that is not timed.
        _, sources, _ = gt.through_service(url, token, WARM_UP, client)
        messages, chunks = privrag_prompt(sources)
        naive_prompt = gt.naive_messages(WARM_UP, chunks)
        for warm, prompt in ((bare, messages), (lookup, messages), (naive, naive_prompt)):
            gt.bare(warm, prompt, 2, llm.seed)
        previous = {"bare": gt.prompt_ids(bare, messages), "naive": gt.prompt_ids(naive, naive_prompt)}
        rows: list[dict] = []
        cache_note = ""
        try:
            for question in questions:
                service, sources, answer = gt.through_service(url, token, question, client)
                service = gt.add_speed(service, tokens)
                if not sources.get("sources"):
                    continue  # refused without the model: nothing to compare
                row: dict[str, Any] = {"question": question, "privrag": service, "stages": gt.stages(answer)}
                if not cache_note:
                    hits = gt.cache_hits(url, token, question, client, args.cache_repeats)
                    if hits["wait_ms"]:
                        row["cache_hit_ms"], row["cache_hits"] = hits["wait_ms_p50"], hits
                    else:
                        cache_note = "the service answered the repeated question anew: no answer cache hit"
                messages, chunks = privrag_prompt(sources)
                row["bare"] = gt.add_speed(gt.bare(bare, messages, args.max_tokens, llm.seed), tokens)
                ids = gt.prompt_ids(bare, messages)
                fixed = gt.shared_prefix(ids, previous["bare"])
                previous["bare"] = ids
                row["prompt_tokens"] = {"total": len(ids), "fixed": fixed, "question": len(ids) - fixed}
                row["bare_lookup"] = gt.add_speed(
                    gt.bare(lookup, messages, args.max_tokens, llm.seed), tokens
                )
                naive_prompt = gt.naive_messages(sources["question"], chunks)
                row["naive"] = gt.add_speed(gt.bare(naive, naive_prompt, args.max_tokens, llm.seed), tokens)
                ids = gt.prompt_ids(naive, naive_prompt)
                fixed = gt.shared_prefix(ids, previous["naive"])
                previous["naive"] = ids
                row["naive_prompt_tokens"] = {"total": len(ids), "fixed": fixed, "question": len(ids) - fixed}
                for run in ("privrag", "bare", "bare_lookup", "naive"):
                    row[run].pop("text", None)
                rows.append(row)
        finally:
            client.close()
            server.should_exit = True
            thread.join(10)
            container.close()
    result = _report(rows, model_path, bench, cache_note, at_start)
    emit(args, result, _human(result))
    return 0


def _report(rows: list[dict], model_path: str, bench: Settings, cache_note: str, at_start: dict) -> dict:
    def p50(side: str, key: str) -> float | None:
        return gt.median([r[side][key] for r in rows])

    privrag: dict[str, Any] = {
        "first_token_ms_p50": p50("privrag", "first_token_ms"),
        # a draft the judge withheld before generation has no tokens/s: the median is over generated drafts
        "tokens_per_s_p50": gt.median([r["privrag"]["tokens_per_s"] for r in rows if not _withheld_first(r)]),
        "withheld_before_draft": sum(_withheld_first(r) for r in rows),
        "after_last_token_ms_p50": p50("privrag", "after_last_token_ms"),
        "prompt_tokens_p50": p50("prompt_tokens", "total"),
        "fixed_prompt_tokens_p50": p50("prompt_tokens", "fixed"),
        "question_prompt_tokens_p50": p50("prompt_tokens", "question"),
        # a cache hit: the client's wait (kept client), and the service's own time for it
        "cache_hit_ms_p50": gt.median([r.get("cache_hit_ms") for r in rows]),
        "cache_hit_service_ms_p50": gt.median(
            [r["cache_hits"]["service_ms_p50"] for r in rows if "cache_hits" in r]
        ),
        # before the first token: retrieval (with the question's pseudonymization), passage selection, and
        # the judge's P(yes) when it is asked first ([retrieval] judge_first)
        **{f"{stage}_p50": p50("stages", stage) for stage in gt.STAGES},
        "cache_hit_note": cache_note or ("" if rows else "no question reached the model"),
    }
    bare = {
        "first_token_ms_p50": p50("bare", "first_token_ms"),
        "tokens_per_s_p50": p50("bare", "tokens_per_s"),
    }
    lookup = {
        "first_token_ms_p50": p50("bare_lookup", "first_token_ms"),
        "tokens_per_s_p50": p50("bare_lookup", "tokens_per_s"),
        "lookup_tokens": bench.llm.lookup_tokens or LOOKUP_WHEN_OFF,
        "lookup_min_ngram": bench.llm.lookup_min_ngram,
    }
    naive = {
        "first_token_ms_p50": p50("naive", "first_token_ms"),
        "tokens_per_s_p50": p50("naive", "tokens_per_s"),
        "prompt_tokens_p50": p50("naive_prompt_tokens", "total"),
        "fixed_prompt_tokens_p50": p50("naive_prompt_tokens", "fixed"),
        "question_prompt_tokens_p50": p50("naive_prompt_tokens", "question"),
    }

    def ratio(a: float | None, b: float | None) -> float | None:
        return round(a / b, 3) if a is not None and b else None

    ratios = {
        "first_token_vs_naive": ratio(privrag["first_token_ms_p50"], naive["first_token_ms_p50"]),
        "first_token_vs_bare": ratio(privrag["first_token_ms_p50"], bare["first_token_ms_p50"]),
        "tokens_per_s_vs_bare": ratio(privrag["tokens_per_s_p50"], bare["tokens_per_s_p50"]),
        "lookup_tokens_per_s_vs_bare": ratio(lookup["tokens_per_s_p50"], bare["tokens_per_s_p50"]),
        "after_last_token_ms": privrag["after_last_token_ms_p50"],
        "cache_hit_ms": privrag["cache_hit_ms_p50"],
    }
    met = {
        "first_token_vs_naive": _at_most(ratios["first_token_vs_naive"], TARGETS["first_token_vs_naive"]),
        "tokens_per_s_vs_bare": _at_least(ratios["tokens_per_s_vs_bare"], TARGETS["tokens_per_s_vs_bare"]),
        "after_last_token_ms": _at_most(ratios["after_last_token_ms"], TARGETS["after_last_token_ms"]),
        "cache_hit_ms": _at_most(ratios["cache_hit_ms"], TARGETS["cache_hit_ms"]),
    }
    llm = bench.llm
    overhead = (
        round(privrag["first_token_ms_p50"] - bare["first_token_ms_p50"], 1)
        if privrag["first_token_ms_p50"] is not None and bare["first_token_ms_p50"] is not None
        else None
    )
    return {
        "prompts": len(rows),
        "model": model_path,
        "machine": {**at_start, "load_average_end": gt.machine()["load_average"]},
        "settings": {
            "source_tokens": bench.answer.source_tokens,
            "source_floor": bench.answer.source_floor,
            "lookup_tokens": llm.lookup_tokens,
            "lookup_ngram": llm.lookup_ngram,
            "lookup_min_ngram": llm.lookup_min_ngram,
            "n_threads": llm.n_threads,
            "n_batch": llm.n_batch,
            "n_ubatch": llm.n_ubatch or llm.n_batch,
            "flash_attn": llm.flash_attn,
            "prompt_cache_mb": llm.prompt_cache_mb,
            "verify_answers": bench.retrieval.verify_answers,
            "judge_first": bench.retrieval.judge_first,
            "source_scorer": bench.answer.source_scorer,
        },
        "privrag": privrag,
        "bare_llama_cpp": bare,
        "bare_llama_cpp_lookup": lookup,
        "naive_rag": naive,
        "ratios": ratios,
        "targets": TARGETS,
        "met": met,
        "first_token_overhead_ms": overhead,
        "generation_speed_ratio": ratios["tokens_per_s_vs_bare"],
        "rows": rows,
    }


def _withheld_first(row: dict) -> bool:
    """The judge asked first withheld this answer before any draft (the closest passage was the answer)."""
    return bool(row.get("stages", {}).get("withheld_first"))


def _at_most(value: float | None, limit: float) -> bool | None:
    return None if value is None else value <= limit


def _at_least(value: float | None, limit: float) -> bool | None:
    return None if value is None else value >= limit


def _human(result: dict) -> str:
    p, b, lk, n, r = (
        result["privrag"],
        result["bare_llama_cpp"],
        result["bare_llama_cpp_lookup"],
        result["naive_rag"],
        result["ratios"],
    )
    lines = [
        f"{result['prompts']} prompts; {result['machine']['cpu']} ({result['machine']['cores']} cores), load "
        f"{result['machine']['load_average']} -> {result['machine']['load_average_end']}",
        f"{'':24}{'first token ms':>15}{'tokens/s':>10}{'prompt tok':>12}{'fixed':>8}{'per q':>8}",
        _line("privrag (service)", p, p),
        _line("bare, privrag prompt", b, p),
        _line("bare + prompt lookup", lk, p),
        _line("bare, naive RAG prompt", n, n),
        f"first token vs naive {r['first_token_vs_naive']} (target <= {TARGETS['first_token_vs_naive']}); "
        f"tokens/s vs bare {r['tokens_per_s_vs_bare']} (>= {TARGETS['tokens_per_s_vs_bare']}); "
        f"after last token {r['after_last_token_ms']} ms (<= {TARGETS['after_last_token_ms']:.0f}); "
        f"cache hit {r['cache_hit_ms']} ms (<= {TARGETS['cache_hit_ms']:.0f}; the service's own "
        f"{p['cache_hit_service_ms_p50']} ms)" + (f" [{p['cache_hit_note']}]" if p["cache_hit_note"] else ""),
    ]
    return "\n".join(lines)


def _line(name: str, timing: dict, prompt: dict) -> str:
    def cell(value: object, width: int) -> str:
        return f"{'-' if value is None else value:>{width}}"

    return (
        f"{name:24}{cell(timing.get('first_token_ms_p50'), 15)}{cell(timing.get('tokens_per_s_p50'), 10)}"
        f"{cell(prompt.get('prompt_tokens_p50'), 12)}{cell(prompt.get('fixed_prompt_tokens_p50'), 8)}"
        f"{cell(prompt.get('question_prompt_tokens_p50'), 8)}"
    )
