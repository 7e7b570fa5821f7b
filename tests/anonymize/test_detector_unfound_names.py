"""One-word names that no cue of the NER model's kind marks (session 25, issue 19), through the real detector:
hand-made texts of the kinds the diverse-names corpus holds, none from it."""

from __future__ import annotations

from anonymize.detector import PiiDetector

TEAM_SHEET = (
    "RIVERSIDE: 1 Thorsby; 2 Okwuosa, 5 Mbuyamba (c), 4 Delacroix; 9 Ranveig.\n"
    "Coach: Petter Thorsby-Lund\n\n"
    "Okwuosa fouled Ranveig late on."
)
RELEASE = (
    '"Enkhjargal and her team spent two winters with the herders," said G. Batbayar.\n'
    "Photo credits (lower case as supplied): enkhjargal b."
)
REPLY = "Reply (Dilshod Rakhimov, logistics): Sardor,\u00a0sorry — the truck is late."
COVER = "Weekend cover: Then Chidera or Ifeoma. Sunday is out."
ENDORSED = "Skills: Kotlin · endorsed by Kwabena Osei, Dilnoza and 12 others"
MINUTES = "- D-7: Proposed Kowalczyk, agreed by all. Proposed budget agreed."
NOT_NAMES = "Also, please send it. Amen, please stand. Paris, you are lovely. Talks of Jordan and Israel."


def persons(detector: PiiDetector, text: str) -> list[str]:
    return [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"]


def test_a_team_sheet_numbered_without_dashes(detector: PiiDetector) -> None:
    """Shirt numbers, then one surname each: the line's names found by evidence vouch for the others
    ("Okwuosa", the model's place), and for their mentions in the report."""
    found = persons(detector, TEAM_SHEET)
    assert found.count("Okwuosa") == 2 and found.count("Ranveig") == 2
    assert {"Mbuyamba", "Delacroix", "Petter Thorsby-Lund"} <= set(found)


def test_a_name_no_lexicon_holds_also_typed_in_lower_case(detector: PiiDetector) -> None:
    """ "enkhjargal b." in the credits does not make "Enkhjargal" a common noun: English does not know it."""
    assert persons(detector, RELEASE)[:1] == ["Enkhjargal"]


def test_the_one_a_reply_addresses_after_a_no_break_space(detector: PiiDetector) -> None:
    assert persons(detector, REPLY) == ["Dilshod Rakhimov", "Sardor"]


def test_two_given_names_a_list_of_endorsers_and_a_motion(detector: PiiDetector) -> None:
    assert persons(detector, COVER) == ["Chidera", "Ifeoma"]
    assert persons(detector, ENDORSED) == ["Kwabena Osei", "Dilnoza"]
    assert persons(detector, MINUTES) == ["Kowalczyk"]


def test_words_and_places_in_the_same_slots_stay(detector: PiiDetector) -> None:
    assert persons(detector, NOT_NAMES) == []
