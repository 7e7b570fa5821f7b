"""Names in a text typed all in lower case, and double-barrelled surnames (issue 19, detector 32 on). The real
spaCy model and name lexicon; the names here are in none of the evaluation corpora."""

from __future__ import annotations

from anonymize.detector import PiiDetector
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault

REPORT = (
    "incident 2291: forklift contact in bay 4\n"
    "reported by tomasz wielgosz-nowak, witnessed by oluwaseun adeyemi-clarke.\n"
    "first aid by mirela dragomir. tomasz was back at work the next day."
)


def test_a_report_typed_in_lower_case_is_stored_pseudonymized(detector: PiiDetector, vault: Vault) -> None:
    """Detector 31 kept "tomasz wielgosz-nowak" (and "tomasz") in clear: no capital, no signal. Detector 32
    reads the text with its names' capitals; erasure finds the whole name; a question naming him is
    pseudonymized; the words of the report stay readable."""
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = pseudo.run([REPORT])[0].text
    for word in ("tomasz", "wielgosz", "nowak", "oluwaseun", "adeyemi", "mirela", "dragomir"):
        assert word not in stored, stored
    for words in ("forklift contact in bay 4", "reported by", "was back at work the next day"):
        assert words in stored, stored
    assert vault.lookup_value("tomasz wielgosz-nowak", "PERSON")  # what `privrag erase --value` finds
    question = pseudo.run(["what did tomasz wielgosz-nowak report?"], store=False)[0].text
    assert "wielgosz" not in question and "tomasz" not in question, question


def test_double_barrelled_surnames_typed_as_an_organization_are_names(detector: PiiDetector) -> None:
    """The NER model types "Tomasz Wielgosz-Nowak" and "Oluwaseun Adeyemi-Clarke" as organizations (detector
    31 left both in clear, and "Tomasz" below); a given name then surnames of the lexicon joined by a hyphen
    is a person."""
    text = REPORT.replace("tomasz", "Tomasz").replace("wielgosz-nowak", "Wielgosz-Nowak")
    text = text.replace("oluwaseun adeyemi-clarke", "Oluwaseun Adeyemi-Clarke")
    found = {text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"}
    assert {"Tomasz Wielgosz-Nowak", "Oluwaseun Adeyemi-Clarke", "Tomasz"} <= found, found
    # A company named after two people keeps its company's word: no person.
    firm = "The audit was done by Tomasz Wielgosz-Nowak Consulting last spring."
    people = [firm[r.start : r.end] for r in detector.analyze([firm])[0] if r.entity_type == "PERSON"]
    assert "Tomasz Wielgosz-Nowak Consulting" not in people
