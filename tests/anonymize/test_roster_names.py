"""Surname-first names of rosters and forms (session 23, ``anonymize.roster_names``): the shapes read, the
guards, then a roster through the real detector and vault. The names here are in none of the corpora."""

from __future__ import annotations

import pytest

from anonymize.detector import PiiDetector
from anonymize.name_lexicon import NameLexicon
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.roster_names import roster_names
from anonymize.vault import Vault


def _found(text: str, lexicon: NameLexicon) -> list[str]:
    return [text[r.start : r.end] for r in roster_names(text, [], lexicon)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NGUYỄN, Thi Thu Hang        E     L     -", ["NGUYỄN, Thi Thu Hang"]),  # capitals, four given names
        ("BIN ABDUL RAHMAN, Ahmad Faiz   N   N   E", ["BIN ABDUL RAHMAN, Ahmad Faiz"]),
        ("Ó hAodha, Síle     Reception     101", ["Ó hAodha, Síle"]),  # an Irish h- word
        ('"Vang, Pa Nhia",bride,2,yes', ["Vang, Pa Nhia"]),  # a quoted CSV field
        ("Patient: OKONKWO, Chiamaka     Ward: 4B", ["OKONKWO, Chiamaka"]),  # after a label
        ("Consignee: OZOLS, ANDRIS — Riga Freight", ["OZOLS, ANDRIS"]),  # before a dash
        ("| te Whare, Mereana | nights |", ["te Whare, Mereana"]),
    ],
)
def test_surname_first_names(text: str, expected: list[str], lexicon: NameLexicon) -> None:
    assert _found(text, lexicon) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Witnesses: Milena Horáková, Stefan Jovanović",  # two people in a list
        "MBBS, DNB (Family Medicine)",  # degrees
        "Location: Kraków, Poland",  # a place
        '"Portland, Oregon",x',
        "Cheers, Tev",
        "Regards, Office Manager",
        "TOTAL, Net Amount     120",
    ],
)
def test_no_pair_in_lists_degrees_places_or_closings(text: str, lexicon: NameLexicon) -> None:
    assert _found(text, lexicon) == []


def test_a_ward_rota_end_to_end(detector: PiiDetector, vault: Vault) -> None:
    """The insider's case: a rota's surname-first lines stay in clear on main; stored, none is; the day
    codes and headers stay."""
    rota = (
        "Ward 7 rota, week 12\n"
        "Name                          Mon   Tue   Wed\n"
        "NGUYỄN, Thi Thu Hang          E     E     L\n"
        "BIN ABDUL RAHMAN, Ahmad Faiz  N     N     -\n"
        "SUKSAWAT, Ploy                L     -     E\n"
    )
    stored = Pseudonymizer(detector, vault, ["PERSON"]).run([rota])[0].text
    for part in ("NGUYỄN", "Thu Hang", "Ahmad Faiz", "SUKSAWAT", "Ploy"):
        assert part not in stored, stored
    for kept in ("Ward 7 rota", "Mon", "Tue", "Wed"):
        assert kept in stored, stored
