"""A surname and a given name found apart, written surname first with a comma
(``anonymize.inverted_pairs``)."""

from __future__ import annotations

from anonymize.detector import DetectorConfig
from anonymize.inverted_pairs import inverted_pairs
from anonymize.name_lexicon import NameLexicon
from anonymize.resolution import Resolution
from tests.anonymize.results_at import result_at

LEXICON = NameLexicon(
    given=frozenset(["murugan", "kemal", "anna", "piotr", "agnieszka"]),
    surnames=frozenset(["kowalski", "smith", "jones"]),
    common=frozenset(),
)


def pairs(text: str, *persons: str) -> list[str]:
    results = [result_at(text, p) for p in persons]
    state = Resolution(text, DetectorConfig(), results, lexicon=LEXICON)
    inverted_pairs(state)
    return sorted(text[r.start : r.end] for r in state.results)


def test_the_same_person_named_elsewhere() -> None:
    text = "Employee: Wójcik, Agnieszka | Team: Forecasting\nSigned: AGNIESZKA WÓJCIK"
    assert pairs(text, "Wójcik", "Agnieszka", "AGNIESZKA WÓJCIK") == ["AGNIESZKA WÓJCIK", "Wójcik, Agnieszka"]


def test_a_surname_in_capitals_before_a_given_name() -> None:
    text = "PATIENT: SIVASUBRAMANIAM, MURUGAN (61 y)"
    assert pairs(text, "SIVASUBRAMANIAM", "MURUGAN") == ["SIVASUBRAMANIAM, MURUGAN"]


def test_lists_and_two_surnames_stay_apart() -> None:
    assert pairs("Present: SMITH, JONES and Kemal", "SMITH", "JONES", "Kemal") == ["JONES", "Kemal", "SMITH"]
    text = "Attendees: KOWALSKI, ANNA, PIOTR"
    assert pairs(text, "KOWALSKI", "ANNA", "PIOTR") == ["ANNA", "KOWALSKI", "PIOTR"]
    assert pairs("Cc: Anna, Kemal", "Anna", "Kemal") == ["Anna", "Kemal"]


def test_a_salutation_and_two_full_names_stay_apart() -> None:
    assert pairs("MURUGAN, KEMAL,\n\nTHE AUDITORS", "MURUGAN", "KEMAL") == ["KEMAL", "MURUGAN"]
    text = "Guests: SOHRAB JAFARI, ANNA JAFARI |"
    assert pairs(text, "SOHRAB JAFARI", "ANNA JAFARI") == ["ANNA JAFARI", "SOHRAB JAFARI"]


def test_a_pair_that_is_all_of_a_records_cell() -> None:
    """ "C-02;Yilmaz Kowalski, Kemal;": surname first in a cell between semicolons, bars or tabs."""
    text = "stall;holder;helpers\nC-02;Yilmaz Kowalski, Kemal;Anna Smith;firewood"
    assert pairs(text, "Yilmaz Kowalski", "Kemal", "Anna Smith") == ["Anna Smith", "Yilmaz Kowalski, Kemal"]
    text = "| Kowalski, Agnieszka | Treasurer |"
    assert pairs(text, "Kowalski", "Agnieszka") == ["Kowalski, Agnieszka"]
    text = 'id\tname\n7\t"Smith, Murugan"\tdepot'
    assert pairs(text, "Smith", "Murugan") == ["Smith, Murugan"]


def test_two_people_in_one_cell_stay_apart() -> None:
    text = "C-02;Kowalski, Kemal;Anna Smith, Piotr Jones;firewood"  # two full names
    assert pairs(text, "Anna Smith", "Piotr Jones") == ["Anna Smith", "Piotr Jones"]
    assert pairs("helpers;Anna, Kemal;firewood", "Anna", "Kemal") == ["Anna", "Kemal"]  # two given names
    text = "Present: Kowalski, Kemal and others"  # prose, no cell
    assert pairs(text, "Kowalski", "Kemal") == ["Kemal", "Kowalski"]
