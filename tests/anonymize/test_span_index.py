import random

from anonymize.span_index import SpanIndex


def _scan(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def test_no_spans_overlap_nothing() -> None:
    assert not SpanIndex([]).overlaps(0, 10)


def test_touching_spans_do_not_overlap() -> None:
    index = SpanIndex([(5, 10)])
    assert not index.overlaps(0, 5)
    assert not index.overlaps(10, 12)
    assert index.overlaps(9, 12)
    assert index.overlaps(0, 6)
    assert index.overlaps(6, 7)  # inside


def test_a_long_early_span_reaches_past_later_short_ones() -> None:
    index = SpanIndex([(0, 100), (10, 12), (20, 22)])
    assert index.overlaps(50, 60)
    assert not index.overlaps(100, 110)


def test_same_answers_as_a_scan_on_random_spans() -> None:
    rng = random.Random(7)
    for _ in range(300):
        spans = [(a, a + rng.randint(0, 8)) for a in (rng.randint(0, 60) for _ in range(rng.randint(0, 12)))]
        index = SpanIndex(spans)
        for _ in range(40):
            s = rng.randint(0, 70)
            e = s + rng.randint(0, 10)
            assert index.overlaps(s, e) == _scan(spans, s, e), (spans, s, e)
