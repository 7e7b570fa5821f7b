"""Other mentions of a name in another case (``anonymize.name_forms``)."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from anonymize.name_forms import other_case_forms, propagate_other_cases

_STOP = frozenset(["the", "and"])


def test_forms_of_capitalized_and_lower_case_names() -> None:
    assert other_case_forms(["Lentini", "O'Sullivan", "fatou", "Will", "Li"], _STOP) == {
        "LENTINI",
        "O'SULLIVAN",
        "fatou",
    }
    # An everyday English word typed in lower case, a stop word: no form.
    assert other_case_forms(["hope", "the", "AND"], _STOP) == set()


def test_all_caps_headline_and_lower_case_repeats() -> None:
    text = (
        "SOCCER - LENTINI MOVES TO ATALANTA .\n"
        "Forward Gianluigi Lentini moves. fatou diop agreed; fatou left."
    )
    names = [
        RecognizerResult("PERSON", text.index("Gianluigi"), text.index(" moves."), 0.9),
        RecognizerResult("PERSON", text.index("fatou diop"), text.index(" agreed"), 0.9),
    ]
    found = [text[r.start : r.end] for r in propagate_other_cases(text, names, [], _STOP)]
    assert found == ["LENTINI", "fatou"]


def test_capitalized_mentions_of_a_name_in_capitals() -> None:
    """Detector 29: a roster in capitals, the same names in the text below ("go to Matteo"); not a place
    ("FLORENCE" is also a city) nor an everyday word ("BROWN")."""
    assert other_case_forms(["MATTEO", "LOMBARDI", "FLORENCE", "BROWN"], _STOP) == {"Matteo", "Lombardi"}
    text = "FRONT OFFICE   MATTEO LOMBARDI   +39 347 220 1903\nGroup bookings from Florence go to Matteo."
    names = [RecognizerResult("PERSON", text.index("MATTEO"), text.index("   +39"), 0.9)]
    assert [text[r.start : r.end] for r in propagate_other_cases(text, names, [], _STOP)] == ["Matteo"]
