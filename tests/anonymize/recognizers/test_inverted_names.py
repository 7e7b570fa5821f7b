"""Inverted names in table and list cells (a small hand-made lexicon; names in none of the corpora)."""

from __future__ import annotations

import pytest

from anonymize.name_lexicon import NameLexicon
from anonymize.recognizers.inverted_names import InvertedNameRecognizer

LEXICON = NameLexicon(
    given=frozenset(["ingrid", "bao", "chau", "tomasz", "hope", "france"]),
    surnames=frozenset(["solheim", "aasen", "tran", "wozniak", "reilly", "paris"]),
    common=frozenset(["hope"]),
)


@pytest.fixture(scope="module")
def recognizer() -> InvertedNameRecognizer:
    return InvertedNameRecognizer(LEXICON)


def found(recognizer: InvertedNameRecognizer, text: str) -> list[str]:
    return [text[r.start : r.end] for r in recognizer.analyze(text, ["PERSON"], None)]


def test_csv_markdown_and_line_cells(recognizer: InvertedNameRecognizer) -> None:
    csv = 'id,name,team\n311,"Tran, Bao Chau",Sales\n312,"SOLHEIM-AASEN, Ingrid",Legal\n'
    assert found(recognizer, csv) == ["Tran, Bao Chau", "SOLHEIM-AASEN, Ingrid"]
    table = "| Employee | Change |\n|---|---|\n| WOZNIAK, Tomasz | leaver |\n| O'REILLY, Ingrid | hours |"
    assert found(recognizer, table) == ["WOZNIAK, Tomasz", "O'REILLY, Ingrid"]
    assert found(recognizer, "Attendees:\nTran, Bao\n") == ["Tran, Bao"]


def test_not_in_running_text_nor_places_or_common_words(recognizer: InvertedNameRecognizer) -> None:
    assert found(recognizer, "We asked Tran, Bao and others to join.") == []
    assert found(recognizer, "Venue:\nParis, France\n") == []  # a country is no given name here
    assert found(recognizer, '"Tran, Hope"') == []  # a common English word is no evidence
    assert found(recognizer, '"Sales, Ingrid"') == []  # the first part must be a lexicon name


def test_a_surname_in_capitals_next_to_given_names_anywhere(recognizer: InvertedNameRecognizer) -> None:
    """The capitals mark the surname (rosters, forms): "SOLHEIM Ingrid", "Ingrid SOLHEIM", "TRAN, Bao Chau"
    inside a sentence too; not a company ("TRAN Ingrid AB"), a country, a title or a common word alone."""
    text = "Wardens: TRAN, Bao Chau (east), Ingrid SOLHEIM (west) and WOZNIAK Tomasz."
    assert found(recognizer, text) == ["TRAN, Bao Chau", "Ingrid SOLHEIM", "WOZNIAK Tomasz"]
    assert found(recognizer, "TRAN Ingrid AB won the tender.") == []
    assert found(recognizer, "PARIS France") == []
    assert found(recognizer, "DR Ingrid") == []
    assert found(recognizer, "REILLY Hope") == []  # "Hope": a common word is no evidence alone
