"""The registry of privrag's recognizers, and the detector finding what they add."""

from __future__ import annotations

import pytest

from anonymize.detector import DetectorConfig, PiiDetector
from anonymize.recognizers import builtin_recognizers


@pytest.fixture(scope="module")
def detector() -> PiiDetector:
    return PiiDetector(DetectorConfig())


def test_builtin_recognizer_names_are_unique() -> None:
    names = [r.name for r in builtin_recognizers()]
    assert len(names) == len(set(names))


def test_detector_finds_builtin_extras(detector: PiiDetector) -> None:
    texts = [
        "Driver license (WA): WDL7Q2M4X9PB",
        "From: Zorblax Quintrell <zq@example.com>",
        "Ship it to 5512 NE 72nd Avenue, Vancouver, WA 98661 please.",
    ]
    found = [
        {(r.entity_type, t[r.start : r.end]) for r in res}
        for t, res in zip(texts, detector.analyze(texts), strict=True)
    ]
    assert ("US_DRIVER_LICENSE", "WDL7Q2M4X9PB") in found[0]
    assert ("PERSON", "Zorblax Quintrell") in found[1]
    assert ("EMAIL_ADDRESS", "zq@example.com") in found[1]
    assert ("STREET_ADDRESS", "5512 NE 72nd Avenue, Vancouver, WA 98661") in found[2]
