"""Names a person goes by (``anonymize.nicknames``, session 19): ``Given "Nick" Surname`` and "a.k.a." after
a found name; the rule on given results with the real lexicon, then the detector end to end. The names here
are in none of the evaluation corpora."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from anonymize.detector import PiiDetector
from anonymize.name_lexicon import NameLexicon
from anonymize.nicknames import also_known_as, quoted_nicknames, short_forms
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault


def _person(text: str, value: str) -> RecognizerResult:
    start = text.index(value)
    return RecognizerResult("PERSON", start, start + len(value), 0.85)


def _texts(text: str, results: list[RecognizerResult]) -> list[str]:
    return [text[r.start : r.end] for r in results]


def test_the_three_parts_of_a_name_with_a_quoted_nickname(lexicon: NameLexicon) -> None:
    """The lexicon vouches where nothing was found: a given name, and a surname or a given name in quotes."""
    text = 'Please welcome Wilhelmina "Mina" Kowalczyk to the team.'
    found, replaced = quoted_nicknames(text, [], lexicon)
    assert _texts(text, found) == ["Wilhelmina", "Mina", "Kowalczyk"]
    assert replaced == []


def test_a_found_span_over_the_quotes_is_split(lexicon: NameLexicon) -> None:
    """The NER model's one span over ``Given "Nick" particle Surname`` gives way to its three names."""
    text = 'and Leopold "Leo" van Oosterwijk (Sales).'
    whole = _person(text, 'Leopold "Leo" van Oosterwijk')
    found, replaced = quoted_nicknames(text, [whole], lexicon)
    assert _texts(text, found) == ["Leopold", "Leo", "van Oosterwijk"]
    assert replaced == [whole]


def test_a_found_surname_is_the_second_signal(lexicon: NameLexicon) -> None:
    """A given name the lexicon does not know, before a quoted nickname and a surname already found."""
    text = 'we welcome Oyeyemi "Yemi" Balogun-Adeyinka (Data)'
    found, _ = quoted_nicknames(text, [_person(text, "Balogun-Adeyinka")], lexicon)
    assert _texts(text, found) == ["Oyeyemi", "Yemi", "Balogun-Adeyinka"]


@pytest.mark.parametrize(
    "text",
    [
        'The "Best" Thing about Mondays',  # no given name, nothing found
        'Set the Mode "Auto" before use',
        "Wilhelmina \"Mina' Kowalczyk",  # quotes that do not pair
        'the wilhelmina "mina" kowalczyk file',  # lower case: not this rule's
    ],
)
def test_no_nickname_without_two_signals(lexicon: NameLexicon, text: str) -> None:
    assert quoted_nicknames(text, [], lexicon) == ([], [])


def test_a_sentence_ends_after_the_surname(lexicon: NameLexicon) -> None:
    text = 'We thank Wilhelmina "Mina" Kowalczyk. Robert was late.'
    found, _ = quoted_nicknames(text, [], lexicon)
    assert _texts(text, found)[-1] == "Kowalczyk"


@pytest.mark.parametrize(
    ("text", "name", "nick"),
    [
        ("Contact Desmond Achterberg, a.k.a. Dizzy, today", "Desmond Achterberg", "Dizzy"),
        ('Radomir Kowalczyk (known as "Radek") signed', "Radomir Kowalczyk", "Radek"),
        ("Ingeborg Solheim aka Inge", "Ingeborg Solheim", "Inge"),
    ],
)
def test_a_name_after_also_known_as(text: str, name: str, nick: str) -> None:
    assert _texts(text, also_known_as(text, [_person(text, name)])) == [nick]


def test_no_name_after_also_known_as_without_a_found_name() -> None:
    text = "The plant, also known as Site B, closed."
    assert also_known_as(text, []) == []
    assert also_known_as(text, [_person(text, "Site B")][:0]) == []


def test_a_given_names_short_form_alone() -> None:
    """ "Tev" of "Tevita Fifita", "Losa" of "Losaline Taufa": the document names the person in full."""
    text = "From Tevita Fifita to the day shift. Losaline Taufa swaps with Losa. Cheers, Tev"
    persons = [_person(text, "Tevita Fifita"), _person(text, "Losaline Taufa")]
    assert _texts(text, short_forms(text, persons, [])) == ["Losa", "Tev"]


@pytest.mark.parametrize(
    ("text", "full"),
    [
        ("Maria Lopez arrives on 3 Mar.", "Maria Lopez"),  # a month
        ("Arthur Mensah sells Art and Sunil Rao the Sun.", "Arthur Mensah"),  # English words
        ("Parisa Tehrani flew to Paris.", "Parisa Tehrani"),  # a place
        ("Dominika Nowak met Domi.", "Dominika Nowak"),  # found already: no second result
        ("Tev Fifita and Tevita", "Tev Fifita"),  # the full name's first word is the short one
    ],
)
def test_no_short_form_where_a_word_or_a_place_is_meant(text: str, full: str) -> None:
    persons = [_person(text, full)]
    if "Domi." in text:
        start = text.rindex("Domi")
        persons.append(RecognizerResult("PERSON", start, start + 4, 0.85))
    assert short_forms(text, persons, []) == []


def test_nicknames_end_to_end(detector: PiiDetector, vault: Vault) -> None:
    """The insider's case: a newsletter that welcomes people with their nicknames, then uses a nickname or
    a short form alone. Stored, none of the names is in clear; erasure finds the nickname in the vault."""
    text = (
        'This month we welcome Wilhelmina "Mina" Kowalczyk (Legal) and Oyeyemi "Yemi" Balogun-Adeyinka '
        "(Data), and Santiago Morales Quintero rejoins Sales. Mina starts on Monday; cards for Yemi are at "
        "reception, and Santi will show them round."
    )
    stored = Pseudonymizer(detector, vault, ["PERSON"]).run([text])[0].text
    for name in ("Wilhelmina", "Mina", "Kowalczyk", "Oyeyemi", "Yemi", "Balogun", "Santi"):
        assert name not in stored, stored
    assert "cards for" in stored and "reception" in stored
    assert vault.lookup_value("Mina", "PERSON")


def test_a_quoted_nickname_in_a_table_row_takes_no_other_cell(lexicon: NameLexicon) -> None:
    """Session 21: a tab parts a table's cells; the next cells ("Transport", "Southall") are no surname. A
    blank before the surname still takes it."""
    row = 'SHF0140\tRANDHAWA\tNavjot "Nav"\tTransport\tSouthall\t3,388.75'
    found, _ = quoted_nicknames(row, [], lexicon)
    assert not any("Transport" in row[r.start : r.end] or "Southall" in row[r.start : r.end] for r in found)
    text = 'Navjot "Nav" Randhawa signed.'
    found, _ = quoted_nicknames(text, [], lexicon)
    assert _texts(text, found) == ["Navjot", "Nav", "Randhawa"]
