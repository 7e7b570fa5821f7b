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


def test_context_step_gives_the_same_results_as_presidio(detector: PiiDetector) -> None:
    """The context step hands Presidio's enhancement only the results a context word may raise (it
    deep-copies what it is given), and groups the results by recognizer in one pass: the same results, scores
    and order as Presidio's own analyzer and enhancer."""
    from types import MethodType

    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    analyzer = detector.analyzer
    text = (
        "Jane Doe's phone number is 212-555-0199 and her social security number 078-05-1120.\n"
        "Driver license A1234567, passport 912803456; ping jane@example.com or 10.0.0.7 from 1 March 2024."
    )

    def found() -> list[tuple[str, int, int, float, str]]:
        results = analyzer.analyze(text, language="en", return_decision_process=True)
        return [
            (
                r.entity_type,
                r.start,
                r.end,
                r.score,
                getattr(r.analysis_explanation, "supportive_context_word", ""),
            )
            for r in results
        ]

    ours = found()
    saved = analyzer.context_aware_enhancer
    analyzer.context_aware_enhancer = LemmaContextAwareEnhancer(
        context_prefix_count=5, context_suffix_count=5
    )
    analyzer._enhance_using_context = MethodType(AnalyzerEngine._enhance_using_context, analyzer)  # type: ignore[method-assign]
    try:
        stock = found()
    finally:
        analyzer.context_aware_enhancer = saved
        del analyzer._enhance_using_context
    assert ours == stock
    assert any(word for *_, word in ours)  # a context word raised a score: the enhancement ran


def test_only_the_components_ner_needs_run(detector: PiiDetector) -> None:
    nlp = detector.analyzer.nlp_engine.nlp["en"]
    assert nlp.pipe_names == ["ner"]
    assert detector.version.startswith("privrag-detector-57")
