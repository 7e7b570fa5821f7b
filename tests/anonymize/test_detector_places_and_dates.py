"""Places the NER model reads as persons, and timestamps, through the real detector (spaCy model and name
lexicon): a place's name in a place's slot is a LOCATION, and a person of the same name elsewhere in the text
stays a person; a numeric date and its clock time are one DATE_TIME."""

from __future__ import annotations

from anonymize.detector import PiiDetector
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault
from app.settings import DEFAULT_PSEUDONYMIZED


def spans(detector: PiiDetector, text: str) -> list[tuple[str, str]]:
    return [(r.entity_type, text[r.start : r.end]) for r in detector.analyze([text])[0]]


def test_a_country_the_model_calls_a_person_is_a_place(detector: PiiDetector) -> None:
    text = "Burkina Faso was super fun to visit! The plant is in the town of Staouelli."
    found = spans(detector, text)
    assert ("LOCATION", "Burkina Faso") in found and ("LOCATION", "Staouelli") in found
    assert not [v for t, v in found if t == "PERSON"]


def test_a_person_named_like_the_place_stays_a_person(detector: PiiDetector, vault: Vault) -> None:
    """The insider's case: the place's slot types one mention; the person's own mentions stay persons, and
    the pseudonymizer, which replaces a person's value wherever the text repeats it, leaves no "Mali" in
    clear (LOCATION alone is not pseudonymized by default)."""
    text = "Mali Tanaka will lead the audit. Mali flew in from Mali last week."
    found = spans(detector, text)
    assert ("PERSON", "Mali Tanaka") in found
    assert found.count(("PERSON", "Mali")) == 1 and found.count(("LOCATION", "Mali")) == 1
    (out,) = Pseudonymizer(detector, vault, DEFAULT_PSEUDONYMIZED).run([text])
    assert "Mali" not in out.text


def test_given_names_listed_beside_a_place_are_no_places(detector: PiiDetector) -> None:
    """ "Ann" and "Bo" are towns somewhere; listed together they are no person for the place rules, but the
    slot does not make a given name a LOCATION."""
    found = spans(detector, "Ann, Bo and Carl Lindqvist joined.")
    assert ("LOCATION", "Ann") not in found and ("PERSON", "Carl Lindqvist") in found


def test_a_country_that_is_a_common_given_name_stays_a_person(detector: PiiDetector) -> None:
    found = spans(detector, "Chad said the figures were late.")
    assert found == [("PERSON", "Chad")]


def test_a_numeric_date_and_its_time_are_one_value(detector: PiiDetector) -> None:
    text = (
        "Date: 2007-03-23 18:43:36\nName: Jason Hartmann\n"
        "The job ran at 2024-05-03T14:22:01Z and again on 23/03/2024, 18:43."
    )
    dates = [v for t, v in spans(detector, text) if t == "DATE_TIME"]
    assert dates == ["2007-03-23 18:43:36", "2024-05-03T14:22:01Z", "23/03/2024, 18:43"]


def test_a_city_of_a_million_is_a_place_but_its_namesake_stays_hidden(
    detector: PiiDetector, vault: Vault
) -> None:
    """An expense claim's route names cities, no people; a colleague whose surname is such a city, named in
    full once, stays pseudonymized in every mention (LOCATION alone is not pseudonymized by default)."""
    claim = "EXPENSE CLAIM\nClaimant: Meron Tesfaye\nTrip: Addis Ababa → Gondar, 3–7 March 2025"
    assert ("PERSON", "Addis Ababa") not in spans(detector, claim)
    memo = "Joana Lima leads the audit. Lima flies in from Lima on Monday; ask Lima for the slides."
    (out,) = Pseudonymizer(detector, vault, DEFAULT_PSEUDONYMIZED).run([memo])
    assert "Joana" not in out.text and "Lima leads" not in out.text and "ask Lima" not in out.text
