"""llama.cpp settings and prompt-lookup proposers side by side on privrag's own prompts (issue 23).

    nice -n 5 .venv/bin/python -m benchmarks.generation_settings prompts --out /tmp/prompts.json
    nice -n 5 .venv/bin/python -m benchmarks.generation_settings first-token --prompts /tmp/prompts.json \\
        --ids q1,q3,q9 --config base={} --config tb1='{"n_threads_batch":1}' --config fa='{"flash_attn":true}'
    nice -n 5 .venv/bin/python -m benchmarks.generation_settings lookup --prompts /tmp/prompts.json \\
        --ids q1,q3

``prompts``: the sample ingested into a temporary home, each sample question retrieved and its answer prompt
built with passage selection at several source budgets (and llama-index's naive prompt), with whether the
expected facts survive selection. ``first-token``: one ``Llama`` per configuration (each keeps its own fixed
prefix, as the service does); per question every configuration evaluates its prompt in turn (one token
generated), so a change of load hits all alike; medians and ratios to the first configuration. ``lookup``: one
model; per question the prompt is evaluated once, then greedy generation is timed with each proposer in turn
(plain first and last, for drift) on that same KV state; the answers must be identical.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BUDGETS = (0, 128, 160, 192, 224, 256)
DEFAULT_MODEL = os.environ.get("PRIVRAG_LLM__MODEL_PATH", "")


def build_prompts(out: Path, model_path: str) -> None:
    from app.commands import generation_timing as gt
    from app.container import Container
    from app.settings import Settings
    from retrieval.passages import PassageSelector
    from retrieval.prompt_numbering import numbered_messages

    lines = (ROOT / "data" / "sample" / "questions.jsonl").read_text().splitlines()
    questions = [json.loads(line) for line in lines if line.strip()]
    result: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings()
        settings.home, settings.database.url, settings.store.backend = Path(tmp), "", "edge"
        settings.llm.model_path = model_path
        container = Container(settings)
        container.ingestor.run([ROOT / "data" / "sample"])
        answerer = container.answerer
        chosen = answerer.passages
        assert chosen is not None, "answer.source_tokens is 0: no passage selection to measure"
        for q in questions:
            asked = answerer.pseudonymize_question(q["question"], None)
            chunks = container.retriever.run(asked, None)
            entry: dict[str, Any] = {"id": q["id"], "naive": gt.naive_messages(asked, chunks)}
            entry["privrag"], entry["survives"] = {}, {}
            for budget in BUDGETS:
                selector = PassageSelector(
                    chosen.embed, budget, count_tokens=chosen.count_tokens, term_weight=chosen.term_weight
                )
                shown = selector.select(asked, chunks).shown
                # numbered afresh in each prompt when the service does (``[retrieval] number_afresh``)
                messages = numbered_messages(asked, shown, answerer.number_afresh)[1]
                entry["privrag"][str(budget)] = messages
                entry["survives"][str(budget)] = all(f in messages[1]["content"] for f in q["must_contain"])
            result.append(entry)
        container.close()
    out.write_text(json.dumps({"questions": result}))


def _first_token_ms(llm: Any, messages: list[dict]) -> tuple[float, int]:
    started = time.perf_counter()
    reply = llm.create_chat_completion(messages=messages, temperature=0.0, max_tokens=1)
    return (time.perf_counter() - started) * 1000, int(reply["usage"]["prompt_tokens"])


def first_token(prompts: list[dict], configs: list[tuple[str, dict, str]], model_path: str) -> dict:
    """Median first-token ms per configuration (name, llama.cpp overrides, prompt kind: a budget or naive)."""
    from llama_cpp import Llama

    base = {"n_ctx": 2048, "n_threads": 2, "n_threads_batch": 2, "n_batch": 256, "n_ubatch": 256}
    runs = [
        (n, k, Llama(model_path=model_path, verbose=False, seed=0, **{**base, **o})) for n, o, k in configs
    ]

    def prompt(q: dict, kind: str) -> list[dict]:
        return q["naive"] if kind == "naive" else q["privrag"][kind]

    for _, kind, llm in runs:  # the fixed prefix evaluated, as a running service has it
        _first_token_ms(llm, prompt(prompts[-1], kind))
    timed: dict[str, list[float]] = {name: [] for name, _, _ in runs}
    for q in prompts[:-1]:
        for name, kind, llm in runs:
            timed[name].append(_first_token_ms(llm, prompt(q, kind))[0])
        print(q["id"], {n: round(v[-1]) for n, v in timed.items()}, flush=True)
    baseline = statistics.median(timed[runs[0][0]])
    return {
        n: {"ms_p50": round(statistics.median(v)), "ratio": round(statistics.median(v) / baseline, 3)}
        for n, v in timed.items()
    }


def lookup(prompts: list[dict], proposers: list[tuple[str, Any]], model_path: str, max_tokens: int) -> dict:
    """Tokens/s of greedy generation with each proposer (None: plain) on the same evaluated prompt."""
    from retrieval.llama_lookup import LookupLlama

    llm = LookupLlama(model_path=model_path, n_ctx=2048, n_threads=2, n_batch=256, seed=0, verbose=False)
    speeds: dict[str, list[float]] = {name: [] for name, _ in proposers}
    same = True
    for q in prompts:
        messages = q["privrag"]["192"]
        llm.draft_model = None
        texts = [_generate(llm, messages, max_tokens)[1]]  # the prompt evaluated once, reused below
        for name, proposer in proposers:
            llm.draft_model = proposer
            speed, text = _generate(llm, messages, max_tokens)
            speeds[name].append(speed)
            texts.append(text)
        same = same and len(set(texts)) == 1
        print(q["id"], {n: round(v[-1], 2) for n, v in speeds.items()}, flush=True)
    plain = statistics.median([s for n, v in speeds.items() if n.startswith("plain") for s in v])
    return {
        "same_answers": same,
        **{
            n: {
                "tokens_per_s_p50": round(statistics.median(v), 2),
                "vs_plain": round(statistics.median(v) / plain, 3),
            }
            for n, v in speeds.items()
        },
    }


def _generate(llm: Any, messages: list[dict], max_tokens: int) -> tuple[float, str]:
    first = last = None
    text = ""
    for chunk in llm.create_chat_completion(
        messages=messages, stream=True, temperature=0.0, seed=0, max_tokens=max_tokens
    ):
        piece = chunk["choices"][0]["delta"].get("content")
        if piece:
            last = time.perf_counter()
            first = first or last
            text += piece
    n = len(llm.tokenize(text.encode(), add_bos=False, special=False))
    return ((n - 1) / (last - first) if first and last and last > first else 0.0), text


def main() -> None:
    from llama_cpp.llama_speculative import LlamaPromptLookupDecoding

    from retrieval.llama_lookup import MatchedLookup

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["prompts", "first-token", "lookup"])
    parser.add_argument("--model", default=DEFAULT_MODEL, required=not DEFAULT_MODEL, help="a GGUF file")
    parser.add_argument("--out", type=Path, default=Path("prompts.json"))
    parser.add_argument("--prompts", type=Path, default=Path("prompts.json"))
    parser.add_argument("--ids", default="q1,q3,q9", help="sample question ids timed (q13 warms up)")
    parser.add_argument("--config", action="append", default=[], help="name=JSON overrides[@budget|@naive]")
    parser.add_argument("--max-tokens", type=int, default=48)
    args = parser.parse_args()
    if args.what == "prompts":
        build_prompts(args.out, args.model)
        return
    every = json.loads(args.prompts.read_text())["questions"]
    wanted = args.ids.split(",")
    prompts = [q for q in every if q["id"] in wanted] + [q for q in every if q["id"] == "q13"]
    started = os.getloadavg()
    if args.what == "first-token":
        configs = []
        for spec in args.config or ["base={}"]:
            name, _, rest = spec.partition("=")
            overrides, _, kind = rest.partition("@")
            configs.append((name, json.loads(overrides or "{}"), kind or "192"))
        result = first_token(prompts, configs, args.model)
    else:
        proposers: list[tuple[str, Any]] = [
            ("plain", None),
            ("stock n3 k10", LlamaPromptLookupDecoding(3, 10)),
            ("min2 k3", MatchedLookup(3, 3, 2)),
            ("min3 k4", MatchedLookup(3, 4, 3)),
            ("plain again", None),
        ]
        result = lookup(prompts[:-1], proposers, args.model, args.max_tokens)
    print(json.dumps({"load_start": started, "load_end": os.getloadavg(), "result": result}, indent=1))


if __name__ == "__main__":
    main()
