"""A text typed all in lower case is read with the capitals of its names and places (detector 32)."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from anonymize.name_lexicon import NameLexicon
from anonymize.truecase import drop_document_words, lower_case_text, truecased


def test_only_a_text_without_any_capital_is_read_again(lexicon: NameLexicon) -> None:
    assert lower_case_text("we moved here from lubbeek")
    assert not lower_case_text("We moved here from lubbeek")
    assert not lower_case_text("42 / 7 = 6")
    cased = "Ask natasha higuchi in Montzen"
    assert truecased(cased, lexicon) == cased


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        # Names and places English does not know, a given name English speakers bear, its surname.
        ("mr. freeman grew up in lubbeek.", "mr. freeman grew up in Lubbeek."),
        ("natasha higuchi\n42 machelsesteenweg 197", "Natasha Higuchi\n42 Machelsesteenweg 197"),
        ("ask alexandra fowler", "ask Alexandra Fowler"),
        # A frequent given name before a rare surname; not before an everyday word, nor an everyday word.
        ("david lindqvist will park here", "David Lindqvist will park here"),
        ("william had given natasja his address", "william had given Natasja his address"),
        # A country, words of everyday English and surnames that are English words stay as typed.
        ("injured, down from marshall islands", "injured, down from Marshall Islands"),
        ("to vegas, russia 43686; a turkey sandwich", "to vegas, Russia 43686; a turkey sandwich"),
        ("withdraw money from atm, the bot sung", "withdraw money from atm, the bot sung"),
        ("the department of better technology", "the department of better technology"),
        # A company's word after a name belongs to the company's name.
        ("call w/ andrea (ferreira logistics)", "call w/ Andrea (Ferreira Logistics)"),
        # A street line and a unit, as the writer of the address would have put them.
        ("i live at 12 main street apt 4, see you", "i live at 12 Main Street Apt 4, see you"),
        ("35 97 guildry street\nsuite 709", "35 97 Guildry Street\nSuite 709"),
        ("send it to 32 p.o. box 249", "send it to 32 P.O. Box 249"),
        # A US military address's codes are written in capitals.
        ("unit 9585 box 2519\ndpo ap 36668", "Unit 9585 Box 2519\nDPO AP 36668"),
        ("psc 4665, box 2778\napo ae 80338", "PSC 4665, Box 2778\nAPO AE 80338"),
        # Not a number before ordinary words, nor a unit word without its number.
        ("we took 3 long road trips in the box", "we took 3 long road trips in the box"),
    ],
)
def test_names_and_places_get_their_capitals(typed: str, read: str, lexicon: NameLexicon) -> None:
    assert truecased(typed, lexicon) == read


def test_offsets_hold_for_letters_without_a_one_letter_capital(lexicon: NameLexicon) -> None:
    typed = "straße zur ßlubbeek in lubbeek"
    read = truecased(typed, lexicon)
    assert len(read) == len(typed) and read.endswith("Lubbeek") and "ß" in read


def _person(start: int, end: int) -> RecognizerResult:
    return RecognizerResult("PERSON", start, end, 0.85)


def test_document_words_drop_only_lower_case_texts_persons_the_document_writes_in_lower_case() -> None:
    texts = ["This runbook describes the steps. Ask Dana Whitfield.", "it security runbook", "dana whitfield"]
    results = [[_person(35, 49)], [_person(12, 19)], [_person(0, 14)]]
    kept = drop_document_words(texts, results)
    assert [[(r.start, r.end) for r in found] for found in kept] == [[(35, 49)], [], [(0, 14)]]


def test_document_words_keep_everything_in_a_document_typed_all_in_lower_case() -> None:
    """A chat export: no text with capitals, so no evidence that a word is an everyday one."""
    texts = ["[09:12] dana: the runbook is wrong", "it security runbook"]
    results = [[_person(8, 12)], [_person(12, 19)]]
    assert drop_document_words(texts, results) == results
