"""Phone formats Presidio misses, and number shapes that are no phones."""

from __future__ import annotations

import pytest

from anonymize.recognizers.phones import GenericPhoneRecognizer, PhoneFormatRecognizer
from tests.anonymize.recognizers.common import builtin, spans


def test_phone_format_recognizer_accepts_555_numbers() -> None:
    text = "Call (555) 123-4567 or 555.123.4567 or +1 555 123 4567."
    assert spans(PhoneFormatRecognizer(), text, "PHONE_NUMBER") == [
        "(555) 123-4567",
        "555.123.4567",
        "+1 555 123 4567",
    ]


@pytest.mark.parametrize("text", ["(95% CI 1.99-11.07)", "from 1977-2007", "a +163 shift", "x 0.0390508"])
def test_numeric_ranges_are_not_phones(text: str) -> None:
    for name in ("GenericPhoneRecognizer", "InternationalPhoneRecognizer"):
        assert spans(builtin(name), text, "PHONE_NUMBER") == []


@pytest.mark.parametrize(
    "phone",
    ["05.06.52.16.25", "+41 (0)27 240 04 99", "(07700)553419", "26 590425", "650-752-7354x549", "6038505064"],
)
def test_generic_phone_formats(phone: str) -> None:
    assert spans(GenericPhoneRecognizer(), f"Call me at {phone} today", "PHONE_NUMBER") == [phone]


@pytest.mark.parametrize(
    "text", ["on 2021-03-04", "from 10.20.30.41", "SSN 123-45-6789", "card 4111 1111 1111 1111"]
)
def test_generic_phone_rejects_other_shapes(text: str) -> None:
    assert spans(GenericPhoneRecognizer(), text, "PHONE_NUMBER") == []
