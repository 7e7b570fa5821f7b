"""Organizations by their legal form."""

from __future__ import annotations

import pytest

from tests.anonymize.recognizers.common import builtin, spans


@pytest.mark.parametrize(
    ("text", "companies"),
    [
        ("I used to work for OKAMOTO INDUSTRIESINC. as a repairer", ["OKAMOTO INDUSTRIESINC."]),
        ("During 2011, RAIZNEXT Corporation invested heavily", ["RAIZNEXT Corporation"]),
        ("Regina Blinova\nFacebank Group Inc.\n74268 Rúa Olmos 55", ["Facebank Group Inc."]),
        ("DAIKEN CO.LTD. songwriter", ["DAIKEN CO.LTD."]),
        ("The Group said so. Our Holdings grew.", []),
        # A name in capitals that ends like a short form: no company ("SA", "AG").
        ("OUT OF HOURS: O'ROURKE, THEN MUSA. CALL TERESA OR OLGA-LISA.", []),
    ],
)
def test_company_forms(text: str, companies: list[str]) -> None:
    assert spans(builtin("CompanyFormRecognizer"), text, "ORGANIZATION") == companies


@pytest.mark.parametrize(
    ("text", "companies"),
    [
        ("Natasha Barros\nH. J. Wilson & Company\nUnit 6204 Box 9180", ["H. J. Wilson & Company"]),
        ("The Dow Chemical Co of the United States will invest", ["The Dow Chemical Co"]),
        ("Lead Underwriter: Bear Stearns & Co Inc", ["Bear Stearns & Co Inc"]),
        ("said Pirelli SpA chairman Marco", ["Pirelli SpA"]),
        ("Dombey and Sons shipped it.", ["Dombey and Sons"]),
        ("2016–2019  Arya Pol Co., Isfahan", ["Arya Pol Co."]),
        # "CO" ending a word, "Co" with nothing capitalized before it.
        ("SAN FRANCISCO AT NEW YORK; the co-op and Co. Cork\n1 MAIN ST\nBOULDER CO 80301", []),
    ],
)
def test_company_forms_as_words_of_their_own(text: str, companies: list[str]) -> None:
    assert spans(builtin("CompanyFormRecognizer"), text, "ORGANIZATION") == companies


def test_a_company_name_does_not_take_the_word_before_a_full_stop() -> None:
    """The insider's case: "ask Lima. Okafor Holdings Ltd" read as one organization hid the person "Lima"
    (organizations are not pseudonymized by default); initials and abbreviations stay inside the name."""
    from anonymize.recognizers.organizations import CompanyFormRecognizer

    text = (
        "Joana Lima flies in; ask Lima. Okafor Holdings Ltd hired her. "
        "H. J. Wilson & Company and Smith Bros. Ltd"
    )
    found = [text[r.start : r.end] for r in CompanyFormRecognizer().analyze(text, ["ORGANIZATION"])]
    assert "Okafor Holdings Ltd" in found and not [f for f in found if "Lima" in f], found
    assert "H. J. Wilson & Company" in found and "Smith Bros. Ltd" in found, found
