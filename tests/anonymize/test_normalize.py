"""Normalization: formatting variants of one value must share one canonical form (and so one pseudonym)."""

from __future__ import annotations

import pytest

from anonymize.normalize import name_orders, normalize_value


@pytest.mark.parametrize(
    "phone",
    ["(555) 123-4567", "555.123.4567", "+1 555 123 4567", "555-123-4567", "1-555-123-4567", "5551234567"],
)
def test_phone_formats_normalize_to_the_same_digits(phone: str) -> None:
    assert normalize_value("PHONE_NUMBER", phone) == "5551234567"


def test_international_phone_keeps_its_country_code() -> None:
    assert normalize_value("PHONE_NUMBER", "+44 20 7946 0958") == "442079460958"


def test_phone_without_digits_falls_back_to_casefolded_text() -> None:
    assert normalize_value("PHONE_NUMBER", "  CALL ME ") == "call me"


@pytest.mark.parametrize("card", ["4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111"])
def test_card_numbers_keep_digits_only(card: str) -> None:
    assert normalize_value("CREDIT_CARD", card) == "4111111111111111"


def test_ssn_keeps_digits_only() -> None:
    assert normalize_value("US_SSN", "123-45-6789") == normalize_value("US_SSN", "123 45 6789") == "123456789"


@pytest.mark.parametrize(
    "iban", ["DE89 3704 0044 0532 0130 00", "de89370400440532013000", "DE89-3704-0044-0532-0130-00"]
)
def test_iban_ignores_spaces_and_case(iban: str) -> None:
    assert normalize_value("IBAN_CODE", iban) == "DE89370400440532013000"


@pytest.mark.parametrize(
    "name", ["Jane Doe", "jane  doe", " JANE\tDOE ", "Jane Doe's", "Jane Doe,", "'Jane Doe'", "Jane\u00a0Doe"]
)
def test_person_ignores_case_whitespace_possessive_and_punctuation(name: str) -> None:
    assert normalize_value("PERSON", name) == "jane doe"


def test_person_names_that_differ_stay_different() -> None:
    assert normalize_value("PERSON", "Jane Doe") != normalize_value("PERSON", "John Doe")


def test_fullwidth_characters_are_nfkc_folded() -> None:
    assert normalize_value("EMAIL_ADDRESS", "Ｊane@Example.COM") == "jane@example.com"


def test_possessive_is_only_stripped_for_people() -> None:
    assert normalize_value("ORGANIZATION", "Acme's") == "acme's"


def test_street_address_with_and_without_a_full_stop_is_one_value() -> None:
    from anonymize.normalize import normalize_value

    assert normalize_value("STREET_ADDRESS", "42 Maple Street.") == normalize_value(
        "STREET_ADDRESS", "42 Maple Street"
    )


@pytest.mark.parametrize(
    ("value", "other"),
    [
        ("Ndlovu, Precious", ["Precious Ndlovu"]),
        ("Anneliese van Wyk", ["van Wyk, Anneliese"]),
        ("María de la Cruz", ["de la Cruz, María"]),
        ("Priya", []),
        ("Smith, Jones, Brown", []),
    ],
)
def test_a_name_in_its_other_written_order(value: str, other: list[str]) -> None:
    assert name_orders(value) == other


def test_a_nickname_inside_a_name_is_left_out_of_its_orders() -> None:
    """Erasure by the name as written finds the name the detector stored ("Ngozi (Zizi) Adeyemi" -> "Ngozi
    Adeyemi")."""
    assert name_orders("Ngozi (Zizi) Adeyemi") == ["Ngozi Adeyemi", "Adeyemi, Ngozi"]
    assert name_orders('Consuelo "Chelo" Ramírez') == ["Consuelo Ramírez", "Ramírez, Consuelo"]
