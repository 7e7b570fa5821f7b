"""Each detector batch in spaCy's memory zone: same spans, and the vocabulary does not grow across batches."""

from __future__ import annotations

import random

import pytest
import spacy
from presidio_analyzer import RecognizerResult

from anonymize.detector import DetectorConfig, PiiDetector

TEMPLATES = [
    "Dear {first} {last}, your appointment at {word} Clinic, 14 {word2} Street, Leeds LS1 4AB is confirmed. "
    "Call 0113 496 0{n:03d} or write to {first}.{last}@example.org.",
    "Memo: {word} rollout\n\nFrom: {first} {last}\nThe {word2} team met on 3 March 2024; {last} will send "
    "the figures to account GB29 NWBK 6016 1331 9268 19.",
    "We measured {word}ase activity in {word2} cells (n = {n}); inhibition by {word}in reduced it by 40%.",
    "Patient {first} {last} (DOB 12/0{d}/1980) reported {word} symptoms; Dr. {last2} prescribed {word2}ol.",
]


def _word(rng: random.Random) -> str:
    """A word form no vocabulary holds yet."""
    return "".join(rng.choice("bcdfgklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(3, 5)))


def _batch(rng: random.Random, count: int) -> list[str]:
    return [
        rng.choice(TEMPLATES).format(
            first=_word(rng).title(),
            last=_word(rng).title(),
            last2=_word(rng).title(),
            word=_word(rng).title(),
            word2=_word(rng),
            n=rng.randint(1, 999),
            d=rng.randint(1, 9),
        )
        for _ in range(count)
    ]


def _spans(results: list[list[RecognizerResult]]) -> list[list[tuple[str, int, int, float]]]:
    return [[(r.entity_type, r.start, r.end, round(r.score, 6)) for r in found] for found in results]


@pytest.fixture(scope="module")
def detector() -> PiiDetector:
    return PiiDetector(DetectorConfig())


def test_the_installed_spacy_has_memory_zones(detector: PiiDetector) -> None:
    nlp = detector.analyzer.nlp_engine.nlp["en"]  # type: ignore[attr-defined]
    assert hasattr(nlp, "memory_zone")


def test_the_vocabulary_does_not_grow_across_batches(detector: PiiDetector) -> None:
    vocab = detector.analyzer.nlp_engine.nlp["en"].vocab  # type: ignore[attr-defined]
    rng = random.Random(11)
    detector.analyze(_batch(rng, 20))
    # Lexemes counted in the index (``len(vocab)`` is a counter spaCy never lowers).
    strings, lexemes = len(vocab.strings), sum(1 for _ in vocab)
    for _ in range(3):  # every batch full of word forms never seen
        assert any(detector.analyze(_batch(rng, 20)))
        assert (len(vocab.strings), sum(1 for _ in vocab)) == (strings, lexemes)
    detector.transient_vocabulary = False
    try:
        detector.analyze(_batch(rng, 20))
        assert len(vocab.strings) > strings  # outside the zone the same batch adds its word forms
    finally:
        detector.transient_vocabulary = True


def test_spans_in_the_zone_are_those_without_it(detector: PiiDetector) -> None:
    texts = _batch(random.Random(5), 40)
    in_zone = _spans(detector.analyze(texts))  # first: the word forms are new to the vocabulary
    detector.transient_vocabulary = False
    try:
        outside = _spans(detector.analyze(texts))
    finally:
        detector.transient_vocabulary = True
    assert in_zone == outside
    assert sum(len(found) for found in in_zone) > 80  # names, phones, e-mails, dates, addresses found


def test_detectors_sharing_a_pipeline_share_its_zone_lock(detector: PiiDetector) -> None:
    """A zone drops the strings every user of the pipeline added meanwhile: two detectors built on one
    analyzer (as `bench anonymize` builds them) must not run batches on it at the same time."""
    sharing = PiiDetector(detector.config, analyzer=detector.analyzer)
    assert sharing._vocabulary_lock is detector._vocabulary_lock
    with detector._vocabulary_lock:
        assert not sharing._vocabulary_lock.acquire(blocking=False)


def test_warmed_words_outlive_every_batch(detector: PiiDetector) -> None:
    """The frequent words warmed before the first batch (``DetectorConfig.warm_words``) stay in the
    vocabulary and the tokenizer's cache while batch after batch of new word forms comes and goes."""
    nlp = detector.analyzer.nlp_engine.nlp["en"]  # type: ignore[attr-defined]
    rng = random.Random(17)
    for _ in range(4):
        assert any(detector.analyze(_batch(rng, 10)))
    warmed = ["because", "Because", "patient", "Patient", "the", "The", "would"]
    assert all(word in nlp.vocab for word in warmed)
    # In a zone, tokenizing warmed words makes no lexeme (``len(vocab)`` counts every lexeme ever made) ...
    made = len(nlp.vocab)
    with nlp.memory_zone():
        assert [t.text for t in nlp.tokenizer("because The patient would, (the")] == [
            "because",
            "The",
            "patient",
            "would",
            ",",
            "(",
            "the",
        ]
        assert len(nlp.vocab) == made
        nlp.tokenizer("Zorvakimbu")  # ... while a new word form does, and the zone drops it
        assert len(nlp.vocab) == made + 1
    assert "Zorvakimbu" not in nlp.vocab


def test_spans_with_warmed_words_are_those_without(monkeypatch: pytest.MonkeyPatch) -> None:
    # A pipeline of its own (the test session shares one, warmed by now: ``tests/conftest.py``).
    monkeypatch.setattr(spacy, "load", lambda name, **options: spacy.util.load_model(name, **options))
    cold = PiiDetector(DetectorConfig(warm_words=0))
    texts = _batch(random.Random(23), 30)
    spans = _spans(cold.analyze(texts))
    assert "because" not in cold.analyzer.nlp_engine.nlp["en"].vocab  # type: ignore[attr-defined]
    warm = PiiDetector(DetectorConfig(), analyzer=cold.analyzer)  # the same pipeline, warmed now
    assert _spans(warm.analyze(texts)) == spans
    assert "because" in warm.analyzer.nlp_engine.nlp["en"].vocab  # type: ignore[attr-defined]
    assert sum(len(found) for found in spans) > 60
