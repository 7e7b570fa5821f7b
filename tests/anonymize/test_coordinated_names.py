"""Names by a list joined with "and" or "or" that holds a detected name."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from anonymize.coordinated_names import coordinated


def _at(text: str, value: str, entity_type: str = "PERSON") -> RecognizerResult:
    start = text.index(value)
    return RecognizerResult(entity_type, start, start + len(value), 0.85)


def test_list_members_of_a_detected_name() -> None:
    text = "They had 6: Felix, Jane, James, Hunter, Stacy and Shannon."
    added = coordinated(text, [_at(text, "Jane")], [], [], frozenset())
    assert [text[r.start : r.end] for r in added] == ["Felix", "James", "Hunter", "Stacy", "Shannon"]


def test_list_without_a_detected_name_or_with_other_results() -> None:
    text = "We met Ann Lee and Acme Labs, then Oslo, Bergen and Tromsø."
    acme = _at(text, "Acme Labs", "ORGANIZATION")
    assert coordinated(text, [_at(text, "Ann Lee")], [acme], [], frozenset()) == []
    assert coordinated(text, [], [], [], frozenset()) == []


def test_the_models_places_in_a_list_turn_only_when_names_are_most_of_it() -> None:
    text = "Founders: Torvik, Mendez and Crawford."
    crawford = _at(text, "Crawford", "LOCATION")
    two = coordinated(text, [_at(text, "Torvik"), _at(text, "Mendez")], [], [crawford], frozenset())
    assert [text[r.start : r.end] for r in two] == ["Crawford"]
    pair = "Capitalized words like Wisdom and Discipline are often mistaken with names."
    wisdom = _at(pair, "Wisdom", "ORGANIZATION")
    assert coordinated(pair, [_at(pair, "Discipline")], [], [wisdom], frozenset()) == []


def test_common_words_in_a_list_stay() -> None:
    text = "Jane, The Team and Operations signed it, said Smith and the others."
    added = coordinated(text, [_at(text, "Jane")], [], [], frozenset(["the"]))
    assert added == []


def test_a_plus_sign_and_a_count_of_others_end_a_list() -> None:
    """A guest list's "+" joins a name as "and" does; "and 12 others" ends a list of endorsers or likers
    (not a count alone: "Oduya and 12 others" lists no other name)."""
    text = "Guests: Aroha + Tamatea; endorsed by Kwabena Osei, Dilnoza and 12 others"
    found = coordinated(text, [_at(text, "Aroha"), _at(text, "Kwabena Osei")], [], [], frozenset())
    assert sorted(text[r.start : r.end] for r in found) == ["Dilnoza", "Tamatea"]
    alone = "Liked by Oduya and 12 others"
    assert coordinated(alone, [_at(alone, "Oduya")], [], [], frozenset()) == []
    places = "Offices in Oslo, Bergen and 3 others"
    assert coordinated(places, [], [], [], frozenset()) == []
