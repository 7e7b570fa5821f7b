"""Latin letters of names outside the blocks the patterns know (session 23, ``anonymize.letter_forms``): the
table, the span that takes in a leading ʻokina, then the insider's tries through the real detector."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from anonymize.detector import PiiDetector
from anonymize.letter_forms import latin_base_letters, take_leading_marks
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault


def test_the_table_keeps_every_offset() -> None:
    table = latin_base_letters()
    for written, read in (("Məmmədova", "Memmedova"), ("ʻAlifeleti", "'Alifeleti"), ("Kɔfi", "Kofi")):
        assert written.translate(table) == read
    # Vietnamese, Romanian, Polish and Latin-1 letters are read as written: the patterns know them
    assert "Nguyễn Đức Ș Łukasz Zoë".translate(table) == "Nguyễn Đức Ș Łukasz Zoë"


def test_a_name_takes_in_its_leading_okina_only_at_a_word_start() -> None:
    text = "Rev. ʻAlifeleti and FUSITUʻA"
    head = RecognizerResult("PERSON", text.index("Alifeleti"), text.index(" and"), 0.85)
    inner = RecognizerResult("PERSON", text.index("A", text.index("FUSITU") + 6), len(text), 0.85)
    take_leading_marks(text, [head, inner])
    assert text[head.start : head.end] == "ʻAlifeleti"
    assert text[inner.start : inner.end] == "A"  # inside a word: no leading mark


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Minister: Rev. Dr ʻAlifeleti Tupou   Circuit steward: Sione Vaipulu", ["ʻAlifeleti Tupou"]),
        ("Kalapu 2 (leader TEVITA FUSITUʻA) $7,925.", ["TEVITA FUSITUʻA"]),
        ("28.11  Leyla Məmmədova → call with the client: revised quote", ["Leyla Məmmədova"]),
        # the insider's variants: the modifier apostrophe, a possessive, all in capitals
        ("Please ask Kaʼiulani Akana for the keys.", ["Kaʼiulani Akana"]),
        ("LEYLA MƏMMƏDOVA'S quote is attached.", ["LEYLA MƏMMƏDOVA"]),
    ],
)
def test_names_with_these_letters_are_found(detector: PiiDetector, text: str, names: list[str]) -> None:
    found = [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"]
    for name in names:  # a possessive in capitals is the pseudonymizer's to keep out ("MƏMMƏDOVA'S")
        assert any(f == name or f.startswith(f"{name}'") for f in found), found


def test_no_letter_of_the_name_is_left_in_clear(detector: PiiDetector, vault: Vault) -> None:
    text = "Order of service: sermon by Rev. ʻAlifeleti Tupou; choir led by ʻOfa Kupu."
    stored = Pseudonymizer(detector, vault, ["PERSON"]).run([text])[0].text
    for part in ("ʻAlifeleti", "Alifeleti", "Tupou", "ʻOfa", "Kupu"):
        assert part not in stored, stored
    assert "ʻ" not in stored, stored  # the mark is no stray letter left before the surrogate
