"""Configured identifiers and values after their label, alone and inside the detector."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine

from anonymize.detector import DetectorConfig, PiiDetector
from anonymize.keys import load_or_create_key
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.recognizers import CustomIdentifier, custom_recognizers
from anonymize.recognizers.identifiers import (
    CardNumberFormatRecognizer,
    IbanAnyCaseRecognizer,
    LabeledValueRecognizer,
)
from anonymize.vault import Vault
from tests.anonymize.recognizers.common import builtin, spans

EMPLOYEE_ID = CustomIdentifier("EMPLOYEE_ID", r"\bEMP-\d{6}\b", context=["employee"])


@pytest.fixture(scope="module")
def detector() -> PiiDetector:
    return PiiDetector(DetectorConfig(custom=[EMPLOYEE_ID]))


def test_labeled_driver_license_covers_the_value_only() -> None:
    recognizer = builtin("LabeledUsDriverLicense")
    text = "Driver license (WA): WDL7Q2M4X9PB"
    assert spans(recognizer, text, "US_DRIVER_LICENSE") == ["WDL7Q2M4X9PB"]
    assert spans(recognizer, "Driver's licence #: D1234567", "US_DRIVER_LICENSE") == ["D1234567"]
    assert recognizer.analyze(text, ["PERSON"], None) == []  # not asked for: nothing


def test_labeled_value_recognizer_custom_label() -> None:
    recognizer = LabeledValueRecognizer("BADGE", r"badge", r"[A-Z]{2}\d{4}")
    assert spans(recognizer, "Badge no. AB1234 issued; badge XY9999 lost", "BADGE") == ["AB1234", "XY9999"]
    assert spans(recognizer, "no badge here", "BADGE") == []


def test_labeled_ssn_without_dashes() -> None:
    assert spans(builtin("LabeledUsSsn"), "SSN: 123456789", "US_SSN") == ["123456789"]


def test_custom_recognizer_from_regex() -> None:
    (recognizer,) = custom_recognizers([EMPLOYEE_ID])
    assert recognizer.name == "CustomEmployeeIdRecognizer"
    text = "Badge EMP-123456, not EMP-12345 nor XEMP-1234567"
    assert spans(recognizer, text, "EMPLOYEE_ID") == ["EMP-123456"]
    assert custom_recognizers([]) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("My driver's license number is yo0047868", "yo0047868"),
        ("My driver's license number is 217223320", "217223320"),
        ("Driving licence: WDL7Q2M4X9PB.", "WDL7Q2M4X9PB"),
    ],
)
def test_labeled_driver_licence_in_any_case(text: str, value: str) -> None:
    assert spans(builtin("LabeledUsDriverLicense"), text, "US_DRIVER_LICENSE") == [value]


def test_driver_licence_label_needs_a_digit_and_a_capital_dl() -> None:
    assert (
        spans(builtin("LabeledUsDriverLicense"), "my driver's license is expired", "US_DRIVER_LICENSE") == []
    )
    assert spans(builtin("LabeledUsDriverLicense"), "the dl 12345 file", "US_DRIVER_LICENSE") == []


def test_detector_uses_custom_identifiers(detector: PiiDetector) -> None:
    text = "Employee EMP-123456 reported the incident."
    (results,) = detector.analyze([text])
    assert [(r.entity_type, text[r.start : r.end]) for r in results if r.entity_type == "EMPLOYEE_ID"] == [
        ("EMPLOYEE_ID", "EMP-123456")
    ]


def test_custom_identifiers_are_pseudonymized(detector: PiiDetector, tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path}/v.db")
    try:
        vault = Vault(engine, load_or_create_key(tmp_path / "vault.key"))
        pseudo = Pseudonymizer(detector, vault, ["EMPLOYEE_ID"])
        (result,) = pseudo.run(["Employee EMP-123456 reported the incident."])
        assert result.text == "Employee <EMPLOYEE_ID_1> reported the incident."
        assert vault.reveal("<EMPLOYEE_ID_1>") == "EMP-123456"
    finally:
        engine.dispose()


def test_card_numbers_without_a_valid_checksum() -> None:
    text = "Number is 2282064361103717, or 4111-1111-1111-1112."
    assert sorted(spans(CardNumberFormatRecognizer(), text, "CREDIT_CARD")) == [
        "2282064361103717",
        "4111-1111-1111-1112",
    ]


def test_iban_in_lower_case_is_checked_by_mod97() -> None:
    assert spans(IbanAnyCaseRecognizer(), "iban gb82west12345698765432", "IBAN_CODE") == [
        "gb82west12345698765432"
    ]
    assert spans(IbanAnyCaseRecognizer(), "iban gb82west12345698765433", "IBAN_CODE") == []
