"""A family named by its surname in the plural (``anonymize.family_names``, session 27); names in none of
the evaluation corpora."""

from __future__ import annotations

import pytest

from anonymize.detector import PiiDetector


def persons(detector: PiiDetector, text: str) -> list[str]:
    (results,) = detector.analyze([text])
    return [text[r.start : r.end] for r in results if r.entity_type == "PERSON"]


@pytest.mark.parametrize(
    ("text", "family"),
    [
        (
            "Rasha Haddad and Tariq Haddad moved in on Monday. The keys for the Haddads are at the desk.",
            "Haddads",
        ),
        ("Emi Nakamura phoned twice.\nThe Nakamuras' car is blocking the gate again.", "Nakamuras"),
        ("We had dinner with Chidi Okonkwo last week; the Okonkwos fly home in May.", "Okonkwos"),
        ("Lucía Sánchez confirmed the booking. The Sánchezes arrive on Friday.", "Sánchezes"),
        ("Tenant: Oksana Kovalenko, flat 3.\nAsk the Kovalenkos about the boiler.", "Kovalenkos"),
    ],
)
def test_the_plural_of_a_surname_the_document_names(detector: PiiDetector, text: str, family: str) -> None:
    assert family in persons(detector, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Mina Park walked to the Parks department on Monday.", "Parks"),  # an English plural
        ("Ella Wood said the Woods behind the school are closed.", "Woods"),
        ("The Beatles played in Hamburg before they were famous.", "Beatles"),  # no surname in the text
        ("Sean Rhodes toured the Andes and the Pyrenees.", "Andes"),
    ],
)
def test_plurals_that_stay_clear(detector: PiiDetector, text: str, word: str) -> None:
    assert word not in persons(detector, text)
