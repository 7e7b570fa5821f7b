"""What kind of text a span is in: scientific or technical prose."""

from __future__ import annotations

from anonymize.text_kinds import technical_text

ABSTRACT = (
    "Deletions of p18(INK4c) often occur with CDK1 amplification; p57 and p21 suppress the RNA "
    "polymerase. The SiO2 nanoparticles and CsA were given at 2 mM (95% CI 1.99-11.07)."
)


def test_technical_text() -> None:
    assert technical_text(ABSTRACT)
    assert not technical_text("Hi Keiran, please call Jane Doe at 555-0100 about the IBAN GB82WEST1234.")


def test_technical_text_without_acronyms() -> None:
    """Session 23: a transcript or a ward's handover with names and acronyms in capitals ("ADEBAYO:", "HCA",
    "GP") is technical by its capitals alone; without ``acronyms`` only symbols count, which a science
    abstract still has."""
    transcript = (
        "TRANSCRIPT WAT. ADEBAYO: Then femi or blessing. BISI: ok. CFO said no. GP notes, ECG fine, HCA on. "
        "ALL agreed."
    )
    assert technical_text(transcript)
    assert not technical_text(transcript, acronyms=False)
    assert technical_text(ABSTRACT, acronyms=False)
    code = "def parse(row):\n    name = row['Name']\n    return Person(name=name, email=row['Email'])\n"
    assert technical_text(code, acronyms=False)  # source code: calls and indexes
