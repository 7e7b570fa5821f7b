"""The company line of an address block or a signature (anonymize/signature_orgs.py), on hand-made results."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from anonymize.name_lexicon import NameLexicon
from anonymize.signature_orgs import SIGNATURE_COMPANY, role_line, signature_companies
from tests.anonymize.results_at import result_at


def _at(text: str, value: str, entity_type: str, recognizer: str = "SpacyRecognizer") -> RecognizerResult:
    return result_at(text, value, entity_type, recognizer)


def _spans(text: str, results: list[RecognizerResult]) -> set[tuple[str, str]]:
    return {(r.entity_type, text[r.start : r.end]) for r in results}


def test_role_lines() -> None:
    assert role_line("Benefits manager")
    assert role_line("Directora de Compras")
    assert role_line("Crushing, grinding, and polishing machine tender")
    assert not role_line("Kestrelmoor Freight")
    assert not role_line("Halvard & Brink")


def test_the_line_after_the_name_above_an_address_is_a_company() -> None:
    text = "Oyelaran Bankole\nKestrelmoor\n14 Wharf Lane\nLeeds LS1 4AB"
    results = [
        _at(text, "Oyelaran Bankole", "PERSON"),
        _at(text, "Kestrelmoor", "PERSON"),  # the NER model's reading
        _at(text, "14 Wharf Lane", "STREET_ADDRESS", "StreetAddressRecognizer"),
    ]
    out = signature_companies(text, results, None)
    assert _spans(text, out) == {
        ("PERSON", "Oyelaran Bankole"),
        ("ORGANIZATION", "Kestrelmoor"),
        ("STREET_ADDRESS", "14 Wharf Lane"),
    }
    assert any(r.recognition_metadata["recognizer_name"] == SIGNATURE_COMPANY for r in out)


def test_a_role_line_is_skipped_and_a_contact_line_ends_a_signature() -> None:
    text = (
        "Kind regards,\n\nTeodora Vasilescu-Pop\nHead of Procurement\nHalvard & Brink AS\n"
        "Tel. +47 22 81 40 12"
    )
    results = [
        _at(text, "Teodora Vasilescu-Pop", "PERSON"),
        _at(text, "+47 22 81 40 12", "PHONE_NUMBER", "PhoneRecognizer"),
    ]
    out = signature_companies(text, results, None)
    assert ("ORGANIZATION", "Halvard & Brink AS") in _spans(text, out)
    assert ("PERSON", "Teodora Vasilescu-Pop") in _spans(text, out)


def test_a_second_addressee_and_the_lines_of_a_list_stay_as_they_are() -> None:
    lexicon = NameLexicon(given=frozenset(["maren"]), surnames=frozenset(["lindqvist"]), common=frozenset())
    text = "Oyelaran Bankole\nMaren Lindqvist\n14 Wharf Lane"
    results = [
        _at(text, "Oyelaran Bankole", "PERSON"),
        _at(text, "Maren Lindqvist", "PERSON"),
        _at(text, "14 Wharf Lane", "STREET_ADDRESS", "StreetAddressRecognizer"),
    ]
    assert signature_companies(text, results, lexicon) == results
    card = "R. Okonjo b Mbeki 8\nA. Tshabalala run out 16\nPhone 555 0134 for tickets"
    card_results = [
        _at(card, "R. Okonjo", "PERSON"),
        _at(card, "A. Tshabalala", "PERSON"),
        _at(card, "555 0134", "PHONE_NUMBER", "PhoneRecognizer"),
    ]
    assert signature_companies(card, card_results, None) == card_results


def test_no_person_above_means_no_company_line() -> None:
    text = "Accounts payable\nKestrelmoor\n14 Wharf Lane"
    results = [_at(text, "14 Wharf Lane", "STREET_ADDRESS", "StreetAddressRecognizer")]
    assert signature_companies(text, results, None) == results
