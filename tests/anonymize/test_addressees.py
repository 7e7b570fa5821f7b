"""The addressee of an address block: a person-shaped line above a street address."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from anonymize.addressees import names_before_addresses


def _at(text: str, value: str, entity_type: str = "PERSON") -> RecognizerResult:
    start = text.index(value)
    return RecognizerResult(entity_type, start, start + len(value), 0.85)


def test_addressee_line_above_an_address() -> None:
    text = "Bertram A Krogh\nKayne Anderson Fund Inc.\n144 477 South St\nSuite 394"
    address = RecognizerResult("STREET_ADDRESS", text.index("144"), len(text), 0.6)
    found = names_before_addresses(text, [address])
    assert [text[r.start : r.end] for r in found] == ["Bertram A Krogh"]
    other = "Open the door.\n12 Main Street"
    street = RecognizerResult("STREET_ADDRESS", other.index("12"), len(other), 0.6)
    assert names_before_addresses(other, [street]) == []


def test_addressee_line_under_the_models_place() -> None:
    text = "Amalia N. Costa\nInvesco DWA Momentum ETF\n9112 Kuuse 53\nApt. 231"
    address = RecognizerResult("STREET_ADDRESS", text.index("9112"), len(text), 0.6)
    place = _at(text, "Amalia", "LOCATION")
    assert names_before_addresses(text, [address, place]) == []
    found = names_before_addresses(text, [address, place], [place])
    assert [text[r.start : r.end] for r in found] == ["Amalia N. Costa"]
