"""Other mentions of a found organization are the organization (``anonymize.org_mentions``)."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from anonymize import name_lexicon
from anonymize.org_mentions import organization_mentions


def _mentions(text: str, found: dict[str, str]) -> list[str]:
    results = [RecognizerResult(t, text.index(v), text.index(v) + len(v), 0.85) for v, t in found.items()]
    return [text[r.start : r.end] for r in organization_mentions(text, results, name_lexicon.load())]


def test_an_acronym_and_a_company_without_its_legal_form_are_found_again() -> None:
    text = "The OSCE said Zentrix GmbH would help. OSCE monitors met Zentrix staff."
    assert _mentions(text, {"The OSCE": "ORGANIZATION", "Zentrix GmbH": "ORGANIZATION"}) == [
        "OSCE",
        "Zentrix",
    ]


def test_a_surname_a_place_or_a_word_left_of_a_legal_form_is_not_taken() -> None:
    """ "Smith Ltd" names no Smith elsewhere, "Atlas GmbH" no atlas, "the Board" no board."""
    text = "Smith Ltd hired Jo. Smith agreed. Atlas GmbH and the Board met; Atlas and Board members left."
    assert (
        _mentions(
            text, {"Smith Ltd": "ORGANIZATION", "Atlas GmbH": "ORGANIZATION", "the Board": "ORGANIZATION"}
        )
        == []
    )


def test_a_person_found_at_the_other_mention_keeps_it() -> None:
    text = "Okafor Holdings grew. Rehema Okafor said Okafor Holdings would list."
    found = {"Okafor Holdings": "ORGANIZATION", "Rehema Okafor": "PERSON"}
    assert _mentions(text, found) == ["Okafor Holdings"]
