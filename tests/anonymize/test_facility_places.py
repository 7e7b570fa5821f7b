"""A site named by its place and a facility's word is a place (``anonymize.facility_places``)."""

from __future__ import annotations

import pytest

from anonymize.facility_places import facility_places
from anonymize.name_lexicon import NameLexicon
from tests.anonymize.results_at import result_at


def _types(text: str, value: str, lexicon: NameLexicon) -> str:
    (result,) = facility_places(text, [result_at(text, value, "PERSON", "NameEvidenceRecognizer")], lexicon)
    return result.entity_type


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("CLEANING ROSTER — AUCKLAND DEPOT, MARCH 2026", "AUCKLAND DEPOT"),
        ("NOTICE TO ALL STAFF — GALWAY OFFICE", "GALWAY"),
        ("├── Incheon Air Hub ........ Team Leader Kim", "Incheon Air Hub"),
        ("the pallets wait at Onehunga Wharf", "Onehunga Wharf"),
        ("OUR MR DAWIT ARRIVES JULIUS NYERERE INTL AIRPORT 05 FEB", "JULIUS NYERERE INTL"),
    ],
)
def test_a_site_is_a_place(text: str, value: str, lexicon: NameLexicon) -> None:
    assert _types(text, value, lexicon) == "LOCATION"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # The insider's first tries: a person's full name on a door sign before "OFFICE", a name before a
        # facility in lower case, a table's cells parted by a tab or a column gap.
        ("ROOM 4.12 — ZAHRA HOSSEINI OFFICE", "ZAHRA HOSSEINI"),
        ("Please see Marta Kowalczyk Office hours are 9-5", "Marta Kowalczyk"),
        ("ask Okonkwo office hours are short", "Okonkwo"),
        ("Fitzmaurice\tSunday\tWarehouse\tyes", "Sunday"),
        ("Tuhiwai-Kereama  Rawiri  Warehouse", "Rawiri"),
        ("Robert Plant and Taylor Branch", "Robert Plant"),
    ],
)
def test_a_person_before_a_facility_stays_a_person(text: str, value: str, lexicon: NameLexicon) -> None:
    assert _types(text, value, lexicon) == "PERSON"
