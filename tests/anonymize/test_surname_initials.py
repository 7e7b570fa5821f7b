"""A surname followed by its bearer's initials (``anonymize.surname_initials``): the rule with the real
lexicon, then the detector end to end. The names here are in none of the evaluation corpora."""

from __future__ import annotations

import pytest

from anonymize import name_lexicon
from anonymize.detector import PiiDetector
from anonymize.name_lexicon import NameLexicon
from anonymize.surname_initials import initialled_surnames


@pytest.fixture(scope="module")
def lexicon() -> NameLexicon:
    return name_lexicon.load()


def names(text: str, lexicon: NameLexicon) -> list[str]:
    return [text[r.start : r.end] for r in initialled_surnames(text, lexicon)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Advisor:        Zhumabekov K.T., Assoc. Prof.", "Zhumabekov K.T."),
        ("Linear Algebra (5)    Baimukhanov N.S.      A-     3.67", "Baimukhanov N.S."),  # no lexicon name
        ("History: ASSIGNED TO GOGOLADZE N. -> REASSIGNED", "GOGOLADZE N."),
        ("Modern History (3)    Zhumabekov Ye.     A      4.00", "Zhumabekov Ye."),
    ],
)
def test_a_surname_and_its_initials(text: str, name: str, lexicon: NameLexicon) -> None:
    assert names(text, lexicon) == [name]


def test_the_insiders_forms(lexicon: NameLexicon) -> None:
    """A no-break space, spaced initials, three initials, a hyphenated surname, a digraph, a comma after."""
    text = "Zhumabekov\u00a0K.T. / Gogoladze N. T. / Baimukhanov A.B.C. / Magsaysay-Gogoladze L., Ezeudu Zh."
    assert names(text, lexicon) == [
        "Zhumabekov\u00a0K.T.",
        "Gogoladze N. T.",
        "Baimukhanov A.B.C.",
        "Magsaysay-Gogoladze L.",
        "Ezeudu Zh.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Flights to Washington D.C. resumed.",  # a place
        "Vitamin D. Hepatitis B. Group A.",  # everyday words with one initial
        "Hollandse Kredietbank N.V., Amsterdam; Boğaziçi Yazılım A.Ş.; Soluciones S.A.C.",  # legal forms
        "Signed: Guðrún B. Steingrímsdóttir",  # a middle initial before the surname
        "Baimukhanov K. and a word with one initial, no lexicon name",  # one initial needs the lexicon
        "Zhumabekov St. 14, Gogoladze Jr.",  # abbreviations, no initials
        "Zhumabekov      K.T.",  # a column's gap
        "GOGOLADZE N.2 and Gogoladze N.-type",  # a code
    ],
)
def test_no_name_where_the_form_speaks_against_it(text: str, lexicon: NameLexicon) -> None:
    assert names(text, lexicon) == []


def test_the_detector_keeps_the_initials(detector: PiiDetector) -> None:
    text = "Code     Course (ECTS)   Lecturer\nMAT1102  Linear Algebra (5)   Baimukhanov N.S.   A-   3.67\n"
    found = {text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"}
    assert "Baimukhanov N.S." in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Team photo: Sanjay Gupta, Ravi Shankar K., and the driver.", "Ravi Shankar K."),
        ("Seated: Meena Iyer R. (accounts)", "Meena Iyer R."),
        ("Prepared by Ivanov V.P. on Monday", "Ivanov V.P."),  # "by" is no given name
    ],
)
def test_a_given_name_before_the_surname_and_initial_joins_it(
    text: str, name: str, lexicon: NameLexicon
) -> None:
    assert names(text, lexicon) == [name]
