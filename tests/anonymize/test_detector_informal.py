"""Names in informal text (issue 19, detector 31 on): notes and tickets typed in lower case. The real spaCy
model and name lexicon; the names here are in none of the evaluation corpora."""

from __future__ import annotations

from anonymize.detector import PiiDetector
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault


def test_lower_case_names_in_notes_end_to_end(detector: PiiDetector, vault: Vault) -> None:
    """Detector 31: a given name that wordfreq counts as frequent ("jessica", "brian": people bear them)
    before a surname rare in English is a name in lower case; detector 30 kept "lindqvist" in clear (only
    "jessica" found) and read "pls add brian okafor" as an organization. Stored pseudonymized, erasure finds
    the whole names, a question naming one is pseudonymized."""
    notes = (
        "i want to add jessica lindqvist as a second driver on the policy\n"
        "pls add brian okafor to the rota for next week"
    )
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = pseudo.run([notes])[0].text
    for word in ("jessica", "lindqvist", "brian", "okafor"):
        assert word not in stored, stored
    assert "as a second driver on the policy" in stored and "to the rota for next week" in stored, stored
    for name in ("jessica lindqvist", "brian okafor"):
        assert vault.lookup_value(name, "PERSON"), name  # what `privrag erase --value` finds
    question = pseudo.run(["did jessica lindqvist sign the policy?"], store=False)[0].text
    assert "lindqvist" not in question, question
