"""Names written surname first in a cell ("Ndlovu, Precious" in an expense export; issue 19, session 18;
``anonymize.inverted_names``): the rule on given results, then the insider's case through the real detector
and vault. The names here are in none of the evaluation corpora."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from anonymize import name_lexicon
from anonymize.detector import PiiDetector
from anonymize.inverted_names import inverted_names
from anonymize.name_lexicon import NameLexicon
from anonymize.normalize import name_orders
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault
from app.settings import DEFAULT_PSEUDONYMIZED

CLAIMS = (
    "claim_id,claimant,cost_centre,date,city,amount_zar,approver,status\n"
    "EX-0411,Chikwanha, Farai,SA-OPS-2,2026-01-12,Harare,1 240.00,Thandeka Mahlaba,approved\n"
    "EX-0412,Mthembu-Nkomo, Lindiwe,SA-HR-1,2026-01-14,Durban,385.50,Farai Chikwanha,pending\n"
    "EX-0413,Mahlaba, Thandeka,SA-HR-1,2026-01-15,Durban,85.50,Farai Chikwanha,pending\n"
    "EX-0414,van Rooyen, Marietjie,FIN-3,2026-01-20,Windhoek,2 015.00,Thandeka Mahlaba,returned\n\n"
    "Note: Farai to resend the Bulawayo receipt; Lindiwe approves the HR claims."
)
ROTA = (
    "| Week | Early | Late |\n|---|---|---|\n"
    "| 1 | Tuipulotu, Sione | Kaszubowski, Radosław |\n"
    "| 2 | Kaszubowski, Radosław | Tuipulotu, Sione |\n"
)


def test_an_expense_export_and_a_rota_keep_no_name_in_clear(detector: PiiDetector, vault: Vault) -> None:
    """The insider's first try: detector 46 stored "Chikwanha, Farai", "Mthembu-Nkomo, Lindiwe" and "van
    Rooyen, Marietjie" of a claims export in clear (the CSV's comma cut each name in two halves no model
    read as names). Now none is in clear, nor the first names used alone below the table; erasure finds each
    person by the name in either order, and a question naming one in natural order is pseudonymized. The
    cost centre after a name ("SA-HR-1") is no legal form ahead: an "SA" company's head made "Mahlaba,
    Thandeka", grown from the mention "Mahlaba" of "Thandeka Mahlaba", an organization's name."""
    found = {CLAIMS[r.start : r.end] for r in detector.analyze([CLAIMS])[0] if r.entity_type == "PERSON"}
    assert {"Chikwanha, Farai", "Mahlaba, Thandeka", "van Rooyen, Marietjie"} <= found, found
    pseudo = Pseudonymizer(detector, vault, DEFAULT_PSEUDONYMIZED)
    stored = "\n".join(s.text for s in pseudo.run([CLAIMS, ROTA]))
    for name in (
        "Chikwanha",
        "Farai",
        "Mthembu-Nkomo",
        "Lindiwe",
        "Rooyen",
        "Marietjie",
        "Tuipulotu",
        "Sione",
    ):
        assert name not in stored, stored
    assert "Kaszubowski" not in stored and "Radosław" not in stored, stored
    for kept in ("claimant", "Harare", "approved", "Week", "Early"):
        assert kept in stored, stored
    for name in ("Farai Chikwanha", "Chikwanha, Farai", "Marietjie van Rooyen", "Sione Tuipulotu"):
        assert vault.lookup_value(name, "PERSON"), name  # what `privrag erase --value` finds
    asked = pseudo.run(["Which claims did Farai Chikwanha file?"], store=False)[0].text
    assert "Farai" not in asked and "Chikwanha" not in asked, asked


@pytest.fixture(scope="module")
def lexicon() -> NameLexicon:
    return name_lexicon.load()


def _found(text: str, lexicon: NameLexicon, persons: tuple[str, ...] = ()) -> list[str]:
    results = [RecognizerResult("PERSON", text.index(p), text.index(p) + len(p), 0.85) for p in persons]
    return [text[r.start : r.end] for r in inverted_names(text, results, lexicon)]


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
def test_a_surname_first_name_in_a_cell_is_one_person(
    text: str, expected: list[str], lexicon: NameLexicon
) -> None:
    assert _found(text, lexicon) == expected


def test_a_found_half_is_the_evidence_where_the_lexicon_has_none(lexicon: NameLexicon) -> None:
    """A cell whose given half the lexicon does not hold ("Hēmi") is taken when a half is already a person."""
    text = "| 1 | Tamatea, Hēmi | Yard |"
    assert _found(text, lexicon) == []
    assert _found(text, lexicon, ("Tamatea",)) == ["Tamatea, Hēmi"]


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
