"""Organizations by their slot (``anonymize.org_slots``) through the real detector."""

from __future__ import annotations

from anonymize.detector import PiiDetector


def spans(detector: PiiDetector, text: str) -> list[tuple[str, str]]:
    return [(r.entity_type, text[r.start : r.end]) for r in detector.analyze([text])[0]]


def test_an_office_a_venue_and_an_address_name_organizations(detector: PiiDetector) -> None:
    assert ("ORGANIZATION", "Fastcase") in spans(detector, "The Fastcase office is at 12 Main Street.")
    assert ("ORGANIZATION", "Esri") in spans(detector, "Visit us at Esri, 64 Király u. 23., Tiszabög")
    venue = spans(detector, "We'll meet Thursday at Geolytics, 43 Király u. 23., Tiszabög")
    assert ("ORGANIZATION", "Geolytics") in venue
    assert ("ORGANIZATION", "Nucivic") in spans(detector, "The address of Nucivic is 1324 Mosman Rd, Sydney")


def test_the_line_above_an_address_block_is_its_company(detector: PiiDetector) -> None:
    assert ("ORGANIZATION", "Knoema") in spans(
        detector, "Knoema\n\n99 82 Maidstone Road\nApt. 224\nArmenia 03622"
    )
    assert ("ORGANIZATION", "Mapquest") in spans(
        detector, "Mapquest\n\n39 Laugarvegur 77 Apt. 787 Reykjavík Benin"
    )


def test_an_employer_and_where_a_colleague_is_from(detector: PiiDetector) -> None:
    cv = spans(detector, "Niklas spent a year at Citysourced as the assistant to Andrew Turcotte.")
    assert ("ORGANIZATION", "Citysourced") in cv
    assert ("PERSON", "Andrew Turcotte") in cv
    assert ("ORGANIZATION", "Gallup") in spans(detector, "Marek is from Gallup")
    career = spans(detector, "She worked at Biovia in Casbeno, then the following year at Citigroup in Lyon.")
    assert ("ORGANIZATION", "Biovia") in career
    assert ("ORGANIZATION", "Citigroup") in career
    assert ("ORGANIZATION", "Wentworth") not in spans(
        detector, "He won for the second year at Wentworth in England."
    )


def test_a_place_stays_a_place(detector: PiiDetector) -> None:
    assert ("ORGANIZATION", "Berlin") not in spans(detector, "The Berlin office is at 12 Main Street.")
    assert ("LOCATION", "Gdańsk") in spans(detector, "Marek is from Gdańsk.")
    seconded = spans(detector, "Made Wirawan (seconded from the Bali office) joins on Monday.")
    assert ("ORGANIZATION", "Bali") not in seconded
    assert ("ORGANIZATION", "Bali") not in spans(detector, "The Bali office is located in Kuta.")


def test_a_persons_name_in_the_slot_stays_a_person(detector: PiiDetector) -> None:
    """The insider's cases: ORGANIZATION is left in clear, so a slot never takes a person's reading: a
    colleague at a firm named after its founders, a meeting at someone's place, a letter's sender."""
    ask = spans(detector, "Ask Maria Lopez at Lopez-Garcia, 12 Calle Mayor, Madrid.")
    assert ("PERSON", "Maria Lopez") in ask
    assert not [v for t, v in ask if t == "ORGANIZATION" and "Maria" in v]
    found = spans(detector, "We'll meet Friday at Maria Lopez, 12 Main Street, Springfield.")
    assert ("PERSON", "Maria Lopez") in found
    assert not [v for t, v in found if t == "ORGANIZATION" and "Maria" in v]
    assert ("PERSON", "Okonkwo Adebayo") in spans(
        detector, "The address of Okonkwo Adebayo is 14 Harbour Road, Lagos."
    )
    assert ("PERSON", "Ngozi Okonkwo") in spans(detector, "The letter is from Ngozi Okonkwo.")
    worked = spans(detector, "Dana worked at Lopez-Garcia in Madrid for two years.")
    assert ("PERSON", "Lopez-Garcia") in worked
    assert ("ORGANIZATION", "Thomas-James") not in spans(
        detector, "We'll meet Friday at Thomas-James, 51 101 Montreal Street, Saint Clair"
    )


def test_the_one_who_spent_a_year_at_the_employer_is_a_person(detector: PiiDetector) -> None:
    """Session 19, the insider's next try: the employer's slot took "Okafor" (one surname, a firm's name as
    often: it stays an organization) and the given name alone at the sentence's start, before a career's
    verb, was found by nothing: both stayed in clear. The person is found now."""
    found = spans(detector, "Tunde spent a year at Okafor as the assistant.")
    assert ("PERSON", "Tunde") in found
    moved = spans(detector, "Chidinma moved to Abuja in May; Chidinma worked at Okafor as a driver.")
    assert [v for t, v in moved if t == "PERSON"] == ["Chidinma", "Chidinma"]
