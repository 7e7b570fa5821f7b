"""Names in business documents (issue 19): forms, contracts and CVs full of codes and labels, with the real
spaCy model and name lexicon. The names here are in none of the evaluation corpora."""

from __future__ import annotations

import pytest

from anonymize.detector import DetectorConfig, PiiDetector
from anonymize.names import technical_text


@pytest.fixture(scope="module")
def detector() -> PiiDetector:
    return PiiDetector(DetectorConfig())


def persons(detector: PiiDetector, text: str) -> list[str]:
    return [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"]


def test_headings_periods_and_identifiers_do_not_make_a_text_technical() -> None:
    cv = (
        "QUARTERLY STAFF REPORT\n\nExperience\n2015–2019  analyst\n2019–present  lead\n"
        "Our team grew by four people this quarter, and the move went well."
    )
    assert not technical_text(cv)
    assert technical_text("BRCA1 and TP53 bind p21 and MDM2 in HeLa cells.")


def test_form_labels_are_not_names(detector: PiiDetector) -> None:
    text = (
        "LOAN AGREEMENT\n\nLender: Ingrid Solheim-Aasen, Storgata 4, 0155 Oslo\n"
        "Borrower: Tobias Brandvold\nRepayment: NOK 2,000 per month\nWitnesses: two colleagues\n"
        "IBAN NO93 8601 1117 947. Ref LA-26/114, SEK and EUR accepted."
    )
    found = persons(detector, text)
    assert "Ingrid Solheim-Aasen" in found and "Tobias Brandvold" in found
    # Labels that are everyday English words are no names ("Lender" is a given name in the lexicon, so the
    # rule leaves it to the other filters).
    assert not {"Borrower", "Repayment", "Witnesses"} & set(found)


def test_hyphenated_surname_alone_in_a_coded_document(detector: PiiDetector) -> None:
    text = (
        "VEHICLE INCIDENT — REF VI/26/044\n\nDriver: Chinedu Ezeoke-Mwale (employee no. 70311)\n"
        "Vehicle: van, reg. KX19 DFE\n\nEzeoke-Mwale states he was stationary at the lights."
    )
    found = persons(detector, text)
    assert found.count("Ezeoke-Mwale") == 1 and "Chinedu Ezeoke-Mwale" in found
    assert "Vehicle" not in found
