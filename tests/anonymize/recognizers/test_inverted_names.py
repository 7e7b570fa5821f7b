"""Inverted names in table and list cells (a small hand-made lexicon; names in none of the corpora)."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from anonymize import name_lexicon
from anonymize.name_lexicon import NameLexicon
from anonymize.recognizers.inverted_names import InvertedNameRecognizer, export_names

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


@pytest.fixture(scope="module")
def real() -> NameLexicon:
    """The product's lexicon (names-dataset)."""
    return name_lexicon.load()


def exported(text: str, lexicon: NameLexicon, persons: tuple[str, ...] = ()) -> list[str]:
    results = [RecognizerResult("PERSON", text.index(p), text.index(p) + len(p), 0.85) for p in persons]
    return [text[r.start : r.end] for r in export_names(text, results, lexicon)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TC-9,Dlamini, Sipho,OPS,2026-02-02", ["Dlamini, Sipho"]),  # a CSV row
        ("| 3 | Ngata, Aroha | Lead |", ["Ngata, Aroha"]),  # a markdown cell; "Ngata" unknown to the lexicon
        ("Moyo, Tinashe\tFinance\t2026", ["Moyo, Tinashe"]),  # tab-separated
        ("Moyo, Tinashe        Finance", ["Moyo, Tinashe"]),  # fixed width
        ("EX-1,van Rooyen, Marietjie,FIN", ["van Rooyen, Marietjie"]),  # particles with the surname
        ("| ÖZTÜRK, KEMAL | Chair |", ["ÖZTÜRK, KEMAL"]),  # in capitals
        # a salutation, a sign-off and an address to two people are no cells
        ("MAIREAD, ANGUS,\n\nThe auditors arrive at nine.", []),
        ("Thanks for the update.\nCheers, Tev", []),
        ("Rasa, Līga — please try again.", []),
        # two people in a list, a name and its organization
        ("Attendees: Hannah Berg, Sipho Mthembu, Luca Romano", []),
        ("References\nArvind Raghunathan, Kaveri Payments — arvind@kaveri.in", []),
        # places and departments in cells
        ("EX-2,Lilongwe, Malawi,OPS,96.00", []),
        ("| 1 | Finance, Hope | 2026 |", []),
        ("| Sales, Marketing | Q3 |", []),
    ],
)
def test_an_export_cell_holds_a_surname_first_name(text: str, expected: list[str], real: NameLexicon) -> None:
    """Session 18's export cells: a CSV field without quotes, a markdown, tab or fixed-width cell, where the
    lexicon needs to hold only the given name; salutations, sign-offs, lists and places are no cells."""
    assert exported(text, real) == expected


def test_a_found_half_is_the_evidence_where_the_lexicon_has_none(real: NameLexicon) -> None:
    """A cell whose given half the lexicon does not hold ("Hēmi") is taken when a half is already a person."""
    text = "| 1 | Tamatea, Hēmi | Yard |"
    assert exported(text, real) == []
    assert exported(text, real, ("Tamatea",)) == ["Tamatea, Hēmi"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ;-separated exports (spreadsheets where the comma is the decimal mark), one or two surnames
        ("R-12;Quispe Mamani, Rosa;Lima;1.250,00", ["Quispe Mamani, Rosa"]),
        ("7;Ferreira da Silva, Ana Luísa;Porto;sim", ["Ferreira da Silva, Ana Luísa"]),
        ("M-3;Sánchez, José Luis;Sevilla;pagado", ["Sánchez, José Luis"]),
        ("P-4;ÁLVAREZ RUIZ, CARMEN;Oviedo;2026", ["ÁLVAREZ RUIZ, CARMEN"]),
        ("ID;Nakashima, Yui;Osaka;ok", ["Nakashima, Yui"]),
        # a double surname in a CSV, a markdown and a tab-separated cell too
        ("EX-7,Gómez Herrera, Lucía,OPS", ["Gómez Herrera, Lucía"]),
        ("| 2 | Oliveira Santos, João | Lead |", ["Oliveira Santos, João"]),
        # prose with semicolons (a blank after them), places, departments, three surname words
        ("Present: Ana; Rosa; Lima, Peru; and others.", []),
        ("R-1;San José, Costa Rica;office;2026", []),
        ("R-2;Head Office, Maria;staff;2026", []),
        ("R-3;Sales Team, Marketing;Q3;2026", []),
        ("R-4;Anna Maria Gómez Herrera, Lucía;x;y", []),
        ("R-5;Licán Quispe, Nahuel Quispe;x;y", []),  # two siblings in one cell
    ],
)
def test_a_semicolon_export_and_double_surnames(text: str, expected: list[str], real: NameLexicon) -> None:
    """Session 27: a ;-separated export's cell, and a surname of two words before the comma (Spanish,
    Portuguese); not prose, places, offices or teams."""
    assert exported(text, real) == expected
