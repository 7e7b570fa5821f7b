"""The Presidio analyzer privrag builds: a slim spaCy pipeline, a faster context enhancer."""

from __future__ import annotations

import pytest

from anonymize.detector import DetectorConfig, PiiDetector


@pytest.fixture(scope="module")
def detector() -> PiiDetector:
    return PiiDetector(DetectorConfig())


def test_fast_context_enhancer_finds_the_same_tokens_as_presidio(detector: PiiDetector) -> None:
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    from anonymize.engine import FastLemmaContextAwareEnhancer

    text = "Call  me at 555-0100, or (07700) 553419 -- ok?\n\nThanks,\tJane"
    doc = detector.analyzer.nlp_engine.nlp["en"](text)
    indices = [t.idx for t in doc]
    for start in range(len(text)):
        try:
            expected = LemmaContextAwareEnhancer._find_index_of_match_token("w", start, doc, indices)
        except ValueError:
            with pytest.raises(ValueError):
                FastLemmaContextAwareEnhancer._find_index_of_match_token("w", start, doc, indices)
            continue
        assert FastLemmaContextAwareEnhancer._find_index_of_match_token("w", start, doc, indices) == expected


def test_only_the_components_ner_needs_run(detector: PiiDetector) -> None:
    nlp = detector.analyzer.nlp_engine.nlp["en"]
    assert nlp.pipe_names == ["ner"]
    assert detector.version.startswith("privrag-detector-44")
