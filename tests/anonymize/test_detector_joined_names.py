"""A signature line the NER model reads as one person over "for" (detector 42, issue 19), through the real
detector and the vault: the product's own sample contract, as its loader reads the scan."""

from __future__ import annotations

from anonymize.detector import PiiDetector
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault

CONTRACT = (
    "CONTRACTOR SERVICES AGREEMENT\n\nThis agreement is made between Northwind Analytics Ltd. and\n\n"
    "Lena Fischer (the Contractor), e-mail lena.fischer@example.com.\n\n"
    "5. Confidentiality. The Contractor keeps all client data\n\nconfidential during the term.\n\n"
    "Signed: Lena Fischer Signed for Northwind: Aiko Tanaka\nDate: 29 September 2025"
)
MEMO = (
    "From: Jane Doe, HR Director, Northwind Analytics\n\nNorthwind Analytics offers 16 weeks of paid leave."
)


def persons(detector: PiiDetector, text: str) -> list[str]:
    return [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"]


def test_the_signature_line_holds_two_names_and_no_company(detector: PiiDetector) -> None:
    line = "Signed: Lena Fischer Signed for Northwind: Aiko Tanaka"
    assert persons(detector, line) == ["Lena Fischer", "Aiko Tanaka"]


def test_two_people_joined_by_and_or_to_are_two_names(detector: PiiDetector) -> None:
    """Detector 41 kept "Jerry and Okafor" and "Halvorsen to Kathy" as one person each."""
    for text, names in [
        ("Minutes by Jerry and Okafor.", ["Jerry", "Okafor"]),
        ("Whatever you say, said Halvorsen to Kathy", ["Halvorsen", "Kathy"]),
        ("Good call! said Noor to Kathy", ["Noor", "Kathy"]),
    ]:
        assert persons(detector, text) == names, text


def test_names_with_particles_stay_whole(detector: PiiDetector) -> None:
    text = "Present: Pieter van der Berg, Nurul Izzah binti Hassan and José Luis de la Cruz."
    assert persons(detector, text) == [
        "Pieter van der Berg",
        "Nurul Izzah binti Hassan",
        "José Luis de la Cruz",
    ]


def test_both_signatories_are_stored_pseudonymized_and_the_company_in_clear(
    detector: PiiDetector, vault: Vault
) -> None:
    """The insider's first try: ingest the signed contract, then read the store and ask about the company.
    Detector 41 stored "Lena Fischer Signed for Northwind" as one person, so "Northwind" became a person's
    name in every document and question. Neither signatory's name is stored in clear, erasure finds both,
    and the company stays readable in the stored memo and in a question."""
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    contract = pseudo.run([CONTRACT])[0].text
    memo = pseudo.run([MEMO])[0].text  # another document, after the contract's names are in the vault
    for word in ("Lena", "Fischer", "Aiko", "Tanaka"):
        assert word not in contract, contract
    assert vault.lookup_value("Lena Fischer", "PERSON")
    assert vault.lookup_value("Aiko Tanaka", "PERSON")
    assert "Northwind Analytics offers" in memo, memo
    assert "Signed for Northwind:" in contract, contract
    question = pseudo.run(["What is Jane Doe's role at Northwind Analytics?"], store=False)[0].text
    assert "Northwind Analytics" in question and "Jane Doe" not in question, question
