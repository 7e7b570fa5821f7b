"""The post-processing steps one by one, on hand-made Presidio results (no model needed)."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from anonymize.detector_config import DetectorConfig
from anonymize.overlaps import choose_overlaps, merge_same_type, yield_to_addresses
from anonymize.resolution import Resolution
from anonymize.resolve import STEPS, apply_filters, resolve, split_ner_lines, trim_person_prefixes


def result(
    entity: str, start: int, end: int, score: float = 0.85, by: str = "SomePatternRecognizer"
) -> RecognizerResult:
    return RecognizerResult(
        entity, start, end, score, recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: by}
    )


def state(text: str, *results: RecognizerResult, config: DetectorConfig | None = None) -> Resolution:
    return Resolution(text, config or DetectorConfig(), list(results))


def found(s: Resolution) -> list[tuple[str, str]]:
    return [(r.entity_type, s.text[r.start : r.end]) for r in s.results]


def test_steps_are_named_documented_and_in_order() -> None:
    names = [step.__name__ for step in STEPS]
    assert len(names) == len(set(names)) >= 10
    assert all(step.__doc__ and len(step.__doc__) > 40 for step in STEPS)
    assert names[0] == "split_ner_lines" and names[-1] == "choose_overlaps"
    assert names.index("apply_filters") < names.index("other_mentions") < names.index("admit_added_names")


def test_an_ner_span_over_lines_becomes_one_per_line() -> None:
    s = state("Owner\n  Jane Doe\n\n", result("PERSON", 0, 16, by="SpacyRecognizer"))
    split_ner_lines(s)
    assert found(s) == [("PERSON", "Owner"), ("PERSON", "Jane Doe")]
    patterned = state("12 Main Street\nSpringfield", result("STREET_ADDRESS", 0, 26))
    split_ner_lines(patterned)
    assert found(patterned) == [("STREET_ADDRESS", "12 Main Street\nSpringfield")]


def test_a_leading_greeting_leaves_the_name() -> None:
    s = state("Dear Ann Lee, hi", result("PERSON", 0, 12, by="SpacyRecognizer"))
    trim_person_prefixes(s)
    assert found(s) == [("PERSON", "Ann Lee")]


def test_filters_drop_header_words_and_low_scores() -> None:
    text = "Email Jane Doe"
    s = state(text, result("PERSON", 0, 5), result("PERSON", 6, 14), result("PERSON", 6, 10, score=0.3))
    apply_filters(s)
    assert found(s) == [("PERSON", "Jane Doe")]


def test_numbers_inside_an_address_are_no_phones() -> None:
    text = "12 Main Street 555 1234"
    s = state(
        text, result("STREET_ADDRESS", 0, 23), result("PHONE_NUMBER", 15, 23), result("EMAIL_ADDRESS", 15, 18)
    )
    yield_to_addresses(s)
    assert found(s) == [("STREET_ADDRESS", text), ("EMAIL_ADDRESS", "555")]


def test_overlapping_pattern_results_of_one_type_merge() -> None:
    text = "Via Roma 12, 00100 Roma"
    s = state(text, result("STREET_ADDRESS", 0, 11, 0.6), result("STREET_ADDRESS", 4, 23, 0.65))
    merge_same_type(s)
    assert found(s) == [("STREET_ADDRESS", text)] and s.results[0].score == 0.65


def test_a_labeled_value_beats_an_unlabeled_reading_and_patterns_beat_the_model() -> None:
    text = "ZIP: 6250-120 Lisboa"
    s = state(
        text,
        result("PHONE_NUMBER", 5, 13, 0.9, by="GenericPhoneRecognizer"),
        result("ZIP_CODE", 5, 13, 0.6, by="LabeledZipCode"),
        result("LOCATION", 5, 20, 0.85, by="SpacyRecognizer"),
    )
    choose_overlaps(s)
    assert found(s) == [("ZIP_CODE", "6250-120")]


def test_steps_compose_like_recognizers() -> None:
    text = "Call Jane Doe"
    raw = [result("PERSON", 0, 13, by="SpacyRecognizer")]
    assert [(r.start, r.end) for r in resolve(text, raw, DetectorConfig(), steps=[])] == [(0, 13)]
    assert [(r.start, r.end) for r in resolve(text, raw, DetectorConfig(), steps=[trim_person_prefixes])] == [
        (5, 13)
    ]
    assert [(r.start, r.end) for r in resolve(text, raw, DetectorConfig())] == [(5, 13)]


def test_an_ner_organization_with_a_hyphenated_lexicon_given_name_is_a_kept_person() -> None:
    """Detector 20: "Jean-Baptiste Roux" read as an organization by the model is a given name and a surname of
    the lexicon: a person that the model's hyphen filter no longer drops."""
    from anonymize import name_lexicon
    from anonymize.resolve import organizations_as_persons

    text = "The family prefers a private ceremony. Jean-Baptiste Roux sends his thoughts."
    start = text.index("Jean")
    s = Resolution(
        text,
        DetectorConfig(),
        [result("ORGANIZATION", start, start + len("Jean-Baptiste Roux"), by="SpacyRecognizer")],
        lexicon=name_lexicon.load(),
    )
    organizations_as_persons(s)
    apply_filters(s)
    assert found(s) == [("PERSON", "Jean-Baptiste Roux")]
