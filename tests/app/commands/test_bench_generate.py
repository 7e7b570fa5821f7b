"""`privrag bench generate` on one question with the tiny model: every run side by side, the JSON's shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main


def test_bench_generate_reports_every_run_and_ratio(
    tmp_path: Path, tiny_gguf: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    questions = tmp_path / "questions.jsonl"
    questions.write_text(
        json.dumps({"question": "How many days per week may employees work remotely?"}) + "\n"
    )
    for key, value in {
        "LLM__MODEL_PATH": str(tiny_gguf),
        "LLM__N_CTX": "8192",  # the tiny model tokenizes byte by byte
        "LLM__LOOKUP_TOKENS": "4",
        "ANSWER__SOURCE_TOKENS": "64",
        "RETRIEVAL__MIN_SUPPORT": "0",  # the tiny model's random words would be withheld
        "RETRIEVAL__VERIFY_ANSWERS": "false",
    }.items():
        monkeypatch.setenv(f"PRIVRAG_{key}", value)
    home = tmp_path / "home"
    code = main(
        [
            "bench",
            "generate",
            "--home",
            str(home),
            "--questions",
            str(questions),
            "--max-tokens",
            "6",
            "--cache-repeats",
            "3",
            "--json",
        ]
    )
    result = json.loads(capsys.readouterr().out)
    assert code == 0 and result["prompts"] == 1
    assert result["settings"]["source_tokens"] == 64 and result["settings"]["lookup_tokens"] == 4
    assert result["machine"]["cores"] >= 1 and len(result["machine"]["load_average"]) == 3
    row = result["rows"][0]
    for run in ("privrag", "bare", "bare_lookup", "naive"):
        assert row[run]["first_token_ms"] > 0 and row[run]["tokens"] >= 1, run
        assert row[run]["tokens_per_s"] >= 0 and row[run]["after_last_token_ms"] >= 0
    for prompt in ("prompt_tokens", "naive_prompt_tokens"):
        counts = row[prompt]
        assert (
            counts["total"] == counts["fixed"] + counts["question"] and 0 < counts["fixed"] < counts["total"]
        )
    # The selected sentences make privrag's per-question prompt shorter than the naive one's four chunks.
    assert row["prompt_tokens"]["question"] < row["naive_prompt_tokens"]["question"]
    for side in ("privrag", "bare_llama_cpp", "bare_llama_cpp_lookup", "naive_rag"):
        assert result[side]["first_token_ms_p50"] > 0
    assert result["privrag"]["question_prompt_tokens_p50"] == row["prompt_tokens"]["question"]
    # privrag's own stages before the first token (no judge: verify_answers is off here)
    assert row["stages"]["retrieve_ms"] > 0 and row["stages"]["select_ms"] >= 0
    assert row["stages"]["judge_call_ms"] is None and result["privrag"]["judge_call_ms_p50"] is None
    assert result["privrag"]["select_ms_p50"] == row["stages"]["select_ms"]
    assert result["settings"]["judge_first"] is True and result["privrag"]["withheld_before_draft"] == 0
    ratios = result["ratios"]
    assert ratios["first_token_vs_naive"] > 0 and ratios["after_last_token_ms"] >= 0
    assert set(result["met"]) == {
        "first_token_vs_naive",
        "tokens_per_s_vs_bare",
        "after_last_token_ms",
        "cache_hit_ms",
    }
    if ratios["cache_hit_ms"] is None:  # no answer cache in this service: said so, not a number
        assert result["privrag"]["cache_hit_note"] and result["met"]["cache_hit_ms"] is None
    else:
        assert ratios["cache_hit_ms"] > 0
        # each hit timed through the API with the kept client: the median of 3 repeats, the client's wait
        # (request to the stream's end) at least the service's own time for the hit
        hits = row["cache_hits"]
        assert (
            len(hits["wait_ms"]) == 3 and hits["misses"] == 0 and row["cache_hit_ms"] == hits["wait_ms_p50"]
        )
        assert all(w >= s > 0 for w, s in zip(hits["wait_ms"], hits["service_ms"], strict=True))
        assert result["privrag"]["cache_hit_service_ms_p50"] == hits["service_ms_p50"]
