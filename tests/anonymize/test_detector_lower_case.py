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


BODY = (
    "# IT Security Runbook\n\nThis runbook describes the steps to follow during an incident. "
    "Owner: Marcus Bell. Report a lost laptop to the IT Security Lead within one hour."
)


def test_a_lower_case_title_keeps_the_everyday_words_its_document_writes(
    detector: PiiDetector, vault: Vault
) -> None:
    """A title made from a file name ("it security runbook") is typed all in lower case; truecasing gives
    "runbook" a capital and the model took it for a person. The document writes "This runbook describes":
    an everyday word, so the title stays readable (detector 35). The owner is pseudonymized in both."""
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    body, title = (p.text for p in pseudo.run_documents([[BODY, "it security runbook"]])[0])
    assert title == "it security runbook", title
    assert "Marcus Bell" not in body and "This runbook describes" in body, body
    assert not vault.lookup_value("runbook", "PERSON")


def test_a_lower_case_file_name_that_names_a_person_is_still_pseudonymized(
    detector: PiiDetector, vault: Vault
) -> None:
    """The insider's first try: a CV whose file name is the candidate's name in lower case. The body writes
    the name with capitals, never in lower case, so the title's name is no everyday word: it is replaced in
    the title and in the display name (the file name's stem, underscores read as spaces)."""
    body = "Curriculum vitae of Ifeoma Okonkwo-Bassey, data engineer. Ifeoma worked at Lagos Data Works."
    texts = [body, "curriculum vitae", "cv ifeoma okonkwo-bassey 2025"]
    stored = [p.text for p in Pseudonymizer(detector, vault, ["PERSON"]).run_documents([texts])[0]]
    for text in stored:
        assert "okonkwo" not in text.lower() and "ifeoma" not in text.lower(), stored
