"""The detector's post-processing and configuration, with the real spaCy model."""

from __future__ import annotations

import pytest

from anonymize.detector import DetectorConfig, PiiDetector
from anonymize.recognizers import (
    AddressBlockRecognizer,
    CardNumberFormatRecognizer,
    CustomIdentifier,
    GenericPhoneRecognizer,
    IbanAnyCaseRecognizer,
    NameCueRecognizer,
)


def spans(recognizer, text: str, entity_type: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [text[r.start : r.end] for r in recognizer.analyze(text, [entity_type], None)]


def found(detector: PiiDetector, text: str) -> set[tuple[str, str]]:
    return {(r.entity_type, text[r.start : r.end]) for r in detector.analyze([text])[0]}


@pytest.fixture(scope="module")
def detector() -> PiiDetector:
    return PiiDetector(DetectorConfig())


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


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "It arrived at 7005 Avenida Lago 99 Suite 119 Terrugem Portugal last night.",
            "7005 Avenida Lago 99 Suite 119 Terrugem Portugal",
        ),
        ("Send it to Via Pasquale Scura 127 please", "Via Pasquale Scura 127"),
        ("User: Unit 4670 Box 6562\nDPO AA 17229", "Unit 4670 Box 6562\nDPO AA 17229"),
        (
            "14 Kingsley Road\n    London N8 7QP\n    United Kingdom\n\nThanks",
            "14 Kingsley Road\n    London N8 7QP\n    United Kingdom",
        ),
    ],
)
def test_address_blocks(detector: PiiDetector, text: str, address: str) -> None:
    assert {v for t, v in found(detector, text) if t == "STREET_ADDRESS"} == {address}


def test_address_blocks_are_not_dates() -> None:
    assert spans(AddressBlockRecognizer(), "Sent: 19 May 2025 10:31", "STREET_ADDRESS") == []


def test_names_after_titles_and_cues() -> None:
    text = "Mr. Cole said hi. My name is Minoesch. Account name: Hughes Data Ltd"
    assert spans(NameCueRecognizer(), text, "PERSON") == ["Cole", "Minoesch"]


def test_pattern_results_win_over_the_ner_model(detector: PiiDetector) -> None:
    result = found(
        detector, "You said your email is MarisaAlvesRocha@teleworm.us. Here's my SSN: 141-05-4701"
    )
    assert ("EMAIL_ADDRESS", "MarisaAlvesRocha@teleworm.us") in result
    assert not {t for t, _ in result} & {"PERSON", "URL", "ORGANIZATION"}  # no name, domain or "SSN" org
    assert ("US_SSN", "141-05-4701") in result


def test_dates_need_a_date(detector: PiiDetector) -> None:
    result = found(
        detector, "We met this morning; the contract from March 3, 2021 ran for years. He is 83 years old."
    )
    assert {v for t, v in result if t == "DATE_TIME"} == {"March 3, 2021"}


def test_person_spans_drop_a_leading_verb(detector: PiiDetector) -> None:
    assert ("PERSON", "Jane Doe") in found(detector, "Call Jane Doe at (555) 123-4567.")


def test_escaped_line_breaks_separate_fields(detector: PiiDetector) -> None:
    text = "Mobile: 794 1672\\nFax: 07700 547887\\n"
    phones = {v for t, v in found(detector, text) if t == "PHONE_NUMBER"}
    assert phones == {"794 1672", "07700 547887"}


def test_thresholds_allow_and_deny_lists_and_custom_identifiers() -> None:
    detector = PiiDetector(
        DetectorConfig(
            thresholds={"EMAIL_ADDRESS": 1.01},
            allow_list=["Jane Doe"],
            deny_list={"PROJECT": ["Bluebird"]},
            custom=[CustomIdentifier("TICKET", r"\bTCK-\d{5}\b")],
        )
    )
    result = found(detector, "Jane Doe (jane@example.com) runs Bluebird, ticket TCK-12345.")
    assert ("PROJECT", "Bluebird") in result and ("TICKET", "TCK-12345") in result
    assert not {t for t, _ in result} & {"EMAIL_ADDRESS", "PERSON"}


def test_only_the_components_ner_needs_run(detector: PiiDetector) -> None:
    nlp = detector.analyzer.nlp_engine.nlp["en"]
    assert nlp.pipe_names == ["ner"]
    assert detector.version.startswith("privrag-detector-2")
