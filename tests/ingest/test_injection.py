"""Prompt-injection screening on a small corpus of attempts and ordinary policy text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from llama_index.core.schema import TextNode

from ingest.injection import FlagInjectionTransform, InjectionDetector

CORPUS = [json.loads(line) for line in (Path(__file__).parent / "fixtures" / "injection_corpus.jsonl").open()]


@pytest.mark.parametrize("case", CORPUS, ids=[c["text"][:40] for c in CORPUS])
def test_detector_flags_attempts_and_spares_ordinary_text(case: dict) -> None:
    assert bool(InjectionDetector().find(case["text"])) is case["injection"]


def test_transform_marks_only_flagged_chunks_and_hides_the_mark_from_the_model() -> None:
    nodes = [TextNode(text=c["text"]) for c in CORPUS]
    FlagInjectionTransform()(nodes)
    flagged = [n for n in nodes if "injection" in n.metadata]
    assert len(flagged) == sum(c["injection"] for c in CORPUS)
    assert all("injection" in n.excluded_llm_metadata_keys for n in flagged)
    assert "override" in flagged[0].metadata["injection"]
