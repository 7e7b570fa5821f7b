"""Common nouns of another language after its article (``anonymize.article_nouns``): German nouns are
capitalized, and the NER model reads "Der Vertrag" as a name."""

from __future__ import annotations

import pytest

from anonymize.article_nouns import article_and_noun, article_before_name
from anonymize.name_lexicon import NameLexicon


def span(text: str, value: str) -> tuple[int, int]:
    start = text.index(value)
    return start, start + len(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Der Vertrag wurde gestern von Herrn Weber unterschrieben.", "Der Vertrag"),
        ("Das Angebot gilt bis Freitag, die Rechnung folgt.", "Das Angebot"),
        ("Bitte schicken Sie die Rechnung an die Firma in Ulm.", "Rechnung"),  # the article before it
        ("El Contrato fue firmado por las dos partes ayer.", "El Contrato"),
        ("Het Bestuur heeft het voorstel van de directie goedgekeurd.", "Het Bestuur"),
    ],
)
def test_an_article_and_a_common_noun_of_the_line_is_no_name(
    text: str, value: str, lexicon: NameLexicon
) -> None:
    assert article_and_noun(text, *span(text, value), lexicon)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Der Vertrag mit Frau Yilmaz wurde von Herrn Weber unterschrieben.", "Weber"),  # a name after "von"
        ("The file on Anahit Der Bedrossian is closed, and the appeal was lost.", "Der Bedrossian"),
        ("Der Bedrossian und die Familie sind heute nicht im Büro.", "Der Bedrossian"),  # no German word
        ("Geachte heer De Vries, het contract is door de directie getekend.", "De Vries"),  # a lexicon name
        ("Wedding of Pa Nou Vang & Tou Lee Xiong, RSVP list of the guests", "Pa Nou Vang"),  # English line
        ("Der Vertrag", "Der Vertrag"),  # a heading alone: no language to tell
    ],
)
def test_names_after_an_article_like_word_stay(text: str, value: str, lexicon: NameLexicon) -> None:
    assert not article_and_noun(text, *span(text, value), lexicon)


def test_a_colloquial_article_before_a_name_is_cut_a_particle_is_not(lexicon: NameLexicon) -> None:
    text = "Der Müller hat gestern angerufen, und die Frau Schmidt kommt am Montag."
    start, end = span(text, "Der Müller")
    assert text[article_before_name(text, start, end, lexicon) : end] == "Müller"
    dutch = "Gisteren heeft De Vries van de directie het contract getekend."
    start, end = span(dutch, "De Vries")
    assert article_before_name(dutch, start, end, lexicon) == start
