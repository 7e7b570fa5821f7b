"""Helper processes for large analysis batches: same spans, in order, and nothing lost when a helper fails."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from anonymize.analysis_pool import AnalysisPool, split_by_length
from anonymize.detector import DetectorConfig, PiiDetector, helper_detector

pytestmark = pytest.mark.slow_file(200)  # three helper processes, each loading spaCy

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"


def spans(results: list) -> list[list[tuple[str, int, int]]]:  # type: ignore[type-arg]
    return [[(r.entity_type, r.start, r.end) for r in found] for found in results]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """The sample corpus's sections, as ingestion reads them."""
    from app.commands.bench_anonymize import load_texts

    found = load_texts(SAMPLE)
    assert len(found) > 10
    return found


@pytest.fixture(scope="module")
def local() -> PiiDetector:
    return PiiDetector(DetectorConfig())


@pytest.fixture(scope="module")
def expected(texts: list[str], local: PiiDetector) -> list[list[tuple[str, int, int]]]:
    """The spans of the whole corpus analyzed in this process, computed once for the tests to compare."""
    return spans(local.analyze(texts))


def test_split_by_length_keeps_order_and_balances() -> None:
    texts = ["a" * 10, "b" * 10, "c" * 10, "d" * 10, "e" * 40]
    slices = split_by_length(texts, 2)
    assert [texts[s] for s in slices] == [texts[:4], texts[4:]]
    assert [t for s in split_by_length(texts, 3) for t in texts[s]] == texts
    assert split_by_length(["only"], 3) == [slice(0, 1)]
    assert split_by_length([], 2) == [slice(0, 0)]
    assert len(split_by_length(["x"] * 9, 3)) == 3


def test_pool_refuses_no_workers() -> None:
    with pytest.raises(ValueError, match="workers"):
        AnalysisPool(helper_detector, DetectorConfig(), 0)


@pytest.fixture
def helped(local: PiiDetector) -> Iterator[PiiDetector]:
    """A detector on ``local``'s analyzer with one helper process, started and ready; closed afterwards."""
    detector = PiiDetector(DetectorConfig(workers=1, parallel_min_chars=0), analyzer=local.analyzer)
    try:
        assert detector.start_helpers(wait=True)
        yield detector
    finally:
        detector.close()


def test_helpers_give_the_spans_of_one_process(
    texts: list[str], local: PiiDetector, helped: PiiDetector, expected: list[list[tuple[str, int, int]]]
) -> None:
    pool = helped._pool
    assert pool is not None
    calls: list[int] = []

    def here(part):  # type: ignore[no-untyped-def]
        calls.append(len(part))
        return local.analyze(part)

    results = pool.analyze(texts, here)
    # The caller analyzed only its share; the helper the rest; the batch comes back whole, in order.
    assert 0 < calls[0] < len(texts) and len(calls) == 1
    assert spans(results) == expected
    assert spans(helped.analyze(texts)) == expected
    assert any(r.entity_type == "PERSON" for found in results for r in found)
    helped.close()
    assert helped._pool is None
    assert spans(helped.analyze(texts[:3])) == spans(local.analyze(texts[:3]))  # closed: in this process


def test_small_batches_stay_in_this_process(local: PiiDetector) -> None:
    detector = PiiDetector(DetectorConfig(workers=1), analyzer=local.analyzer)
    results = detector.analyze(["Call Jane Doe at 555-123-4567."])
    assert detector._pool is None  # under parallel_min_chars: no helper was started
    assert {r.entity_type for r in results[0]} >= {"PERSON", "PHONE_NUMBER"}


def test_a_dead_helper_loses_nothing(
    texts: list[str], helped: PiiDetector, expected: list[list[tuple[str, int, int]]]
) -> None:
    pool = helped._pool
    assert pool is not None and pool._executor is not None
    for pid in list(pool._executor._processes):  # type: ignore[attr-defined]
        os.kill(pid, signal.SIGKILL)
    assert spans(helped.analyze(texts)) == expected
    assert not pool.ready  # the broken pool is dropped; later batches run here
    assert spans(helped.analyze(texts)) == expected


def test_helpers_that_cannot_load_leave_the_work_here(texts: list[str], local: PiiDetector) -> None:
    broken = DetectorConfig(spacy_model="no_such_model_anywhere", workers=1, parallel_min_chars=0)
    pool = AnalysisPool(helper_detector, broken, 1)
    try:
        assert not pool.wait_ready(timeout=120)
        assert spans(pool.analyze(texts[:4], local.analyze)) == spans(local.analyze(texts[:4]))
    finally:
        pool.close()


def test_a_pool_closed_meanwhile_leaves_the_work_here(
    texts: list[str], local: PiiDetector, expected: list[list[tuple[str, int, int]]]
) -> None:
    pool = AnalysisPool(helper_detector, DetectorConfig(), 1)
    assert pool.wait_ready(timeout=120)
    pool.close()
    assert not pool.ready
    assert spans(pool.analyze(texts, local.analyze)) == expected
