"""Names by the slot a person fills in business notes and messages (``recognizers.person_slots``), through the
real detector: hand-made texts of the kinds the diverse-names corpus holds, none from it, and the variants a
reader would try to slip a name past the rule with."""

from __future__ import annotations

import pytest

from anonymize.detector import PiiDetector


def persons(detector: PiiDetector, text: str) -> list[str]:
    return [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"]


def test_a_notes_sender_addressee_and_sign_off(detector: PiiDetector) -> None:
    text = "Handover, night to day\n\nFrom Sefo to Lagi:\n- The chiller count is off by 3.\nCheers, Ioane"
    assert persons(detector, text) == ["Sefo", "Lagi", "Ioane"]


@pytest.mark.parametrize("closing", ["Cheers, Ioane", "Cheers,\nIoane", "Cheers, Ioane  ", "Thanks!\nIoane"])
def test_sign_off_variants(detector: PiiDetector, closing: str) -> None:
    assert persons(detector, f"The key for the back gate is with security.\n{closing}") == ["Ioane"]


def test_teams_roles_and_kin(detector: PiiDetector) -> None:
    text = (
        "The kitchen stays open; Lorenza from catering will put a notice up. Claims go through Aster in HR. "
        "Ti Paul's daughter Ilinca wants to visit. That the cashier, Bolanle, was present. Bolanle's bag "
        "was searched."
    )
    found = persons(detector, text)
    assert {"Lorenza", "Aster", "Ilinca"} <= set(found)
    assert found.count("Bolanle") == 2  # the possessive's mention too


def test_care_roles_names_no_lexicon_holds_and_a_no_break_space(detector: PiiDetector) -> None:
    """ "HCA Teuila" with a no-break space; "daughter Ngāwaiata" and "Hinewai from the bureau" are names no
    lexicon holds: the slot and a word English does not know vouch for them."""
    text = (
        "Outgoing: RN Aroha Ngata, HCA\u00a0Teuila\nWhānau at bedside - daughter Ngāwaiata is EPOA. "
        "Staffing: Hinewai from the bureau can do 1500-2330."
    )
    assert {"Teuila", "Ngāwaiata", "Hinewai"} <= set(persons(detector, text))


def test_the_models_double_barrelled_and_okina_names(detector: PiiDetector) -> None:
    """The model's full name with a double-barrelled or an ʻokina surname outside science text."""
    text = "I want to thank Keola Makani-Reyes, who kept the warehouse open, and Mele Taufa-Lolohea."
    assert persons(detector, text) == ["Keola Makani-Reyes", "Mele Taufa-Lolohea"]


@pytest.mark.parametrize(
    "text",
    [
        "Cox regression showed the daughter cells of Xenopus embryos expand; Notch has the largest effect.",
        "Notch cannot bind the ligand in Dulbecco medium, 12.",
        "Samples from Leeds to Oxford: 3 vials. Cells (legal limit) were counted in IT.",
        "The invoice from finance is due; cheers, team.",
        "The Bardet-Biedl syndrome and the Charcot-Marie-Tooth disease were excluded.",
    ],
)
def test_no_person_in_science_and_forms(detector: PiiDetector, text: str) -> None:
    assert persons(detector, text) == []
