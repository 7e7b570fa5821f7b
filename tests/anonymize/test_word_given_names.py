"""Given names that are English words, before a surname of the lexicon (``anonymize.word_given_names``): the
rule on hand-made results with the real lexicon, then the detector end to end. The names here are in none of
the evaluation corpora."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from anonymize import name_lexicon
from anonymize.detector import PiiDetector
from anonymize.name_lexicon import NameLexicon
from anonymize.word_given_names import word_given_pairs
from tests.anonymize.results_at import result_at


@pytest.fixture(scope="module")
def lexicon() -> NameLexicon:
    return name_lexicon.load()


def pairs(
    text: str,
    lexicon: NameLexicon,
    results: list[RecognizerResult] | None = None,
    others: list[RecognizerResult] | None = None,
) -> list[str]:
    return [text[r.start : r.end] for r in word_given_pairs(text, results or [], others or [], lexicon)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Card collected by Princess Magbanua on Friday.", "Princess Magbanua"),
        ("Thank you for everything.\nLovely Magsaysay\n", "Lovely Magsaysay"),
        ("the cashier and the driver, Sunday Ezeudu, were present", "Sunday Ezeudu"),
        ("> On 2 Nov, Chance Gogoladze (Customer Care) wrote:", "Chance Gogoladze"),
        ("Guests: Blessing Zhumabekov and Mila", "Blessing Zhumabekov"),
    ],
)
def test_an_english_word_given_name_before_a_lexicon_surname(
    text: str, name: str, lexicon: NameLexicon
) -> None:
    assert pairs(text, lexicon) == [name]


def test_the_insiders_forms(lexicon: NameLexicon) -> None:
    """A no-break space, a possessive, a hyphenated surname of name words, a surname the text found alone."""
    text = (
        "ask Lovely\u00a0Magsaysay. Sunday Ezeudu's report. Lovely Jean-Charles signed. per Chance Gogoladze"
    )
    found = pairs(text, lexicon, [result_at(text, "Gogoladze")])
    assert found == ["Lovely\u00a0Magsaysay", "Sunday Ezeudu", "Lovely Jean-Charles", "Chance Gogoladze"]


@pytest.mark.parametrize(
    "text",
    [
        "Lovely weather in Manila, and a chance of rain.",  # the word alone
        "We met on Sunday Ezeudu called us.",  # a weekday after its preposition
        "Dear Magsaysay, the file is attached.",  # a word of address
        "Minister Magsaysay opened the session.",  # a title of office
        "Invoice from Chance Gogoladze Ltd for March; Lovely Magsaysay & Sons",  # companies
        "The Lovely Magsaysay Ezeudu trio played.",  # a piece of a longer name
        "Signed: K. Chance Magsaysay",  # after an initial
        "Lovely Lane and Hope Street are closed.",  # a surname that is an English word
        "Cohorts in 2010. Southeast Sulawesi had more cases.",  # a compass word before a region
        "Rajeev said no. Try Magsaysay again.",  # one of the most frequent English words
        "Villa 14, Green Meadows, Kochi",  # a surname that is a noun's plural: an estate
        "Our chance is good. Chance Magsaysay will not do it.",  # a sentence's first word used in lower case
    ],
)
def test_no_pair_where_the_slot_speaks_against_it(text: str, lexicon: NameLexicon) -> None:
    assert pairs(text, lexicon) == []


def test_a_place_organization_or_group_over_the_first_word_wins(lexicon: NameLexicon) -> None:
    text = "the African Magsaysay cohort and the Colorado Rockies"
    assert pairs(text, lexicon, others=[result_at(text, "African", "NRP")]) == []


def test_a_name_found_whole_is_left_alone(lexicon: NameLexicon) -> None:
    text = "Collected by Princess Magbanua."
    assert pairs(text, lexicon, [result_at(text, "Princess Magbanua")]) == []


def test_the_detector_keeps_the_whole_name(detector: PiiDetector) -> None:
    text = "Farewell card for Ate Mila. Collected by Princess Magbanua.\n\nThe driver, Sunday Ezeudu, signed."
    found = {text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"}
    assert {"Princess Magbanua", "Sunday Ezeudu"} <= found
    assert "Princess" not in found and "Sunday" not in found
