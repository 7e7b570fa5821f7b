"""Names by the list they are in (anonymize/name_lists.py), on hand-made results and the name lexicon."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from anonymize.name_lexicon import NameLexicon
from anonymize.name_lists import FIGURE_ITEMS, LIST_OF_NAMES, NUMBERED_ITEMS, listed_names, numbered_names


def _results(text: str, entity: str, *values: str) -> list[RecognizerResult]:
    out = []
    for value in values:
        start = text.index(value)
        out.append(RecognizerResult(entity, start, start + len(value), 0.85))
    return out


def _values(text: str, found: list[RecognizerResult]) -> list[str]:
    return sorted(text[r.start : r.end] for r in found)


SHEET = "The side is : Oduya , Brankovic , McTeer , Harwood , O'Fallon , Lindqvist , Ashdown ."


def test_a_team_sheet_mostly_named_names_its_other_items(lexicon: NameLexicon) -> None:
    """Four of seven items found: the other three are names, "Harwood" and "Ashdown" though the model read
    places there (they are not blocking), "McTeer" and "O'Fallon" with their inner capitals."""
    names = _results(SHEET, "PERSON", "Oduya", "Brankovic", "Lindqvist", "O'Fallon")
    found = listed_names(SHEET, names, [])
    assert _values(SHEET, found) == ["Ashdown", "Harwood", "McTeer"]
    assert {r.recognition_metadata["recognizer_name"] for r in found} == {LIST_OF_NAMES}


def test_a_list_of_few_names_or_of_places_stays(lexicon: NameLexicon) -> None:
    # Two of seven found: no majority.
    names = _results(SHEET, "PERSON", "Oduya", "Brankovic")
    assert listed_names(SHEET, names, []) == []
    # A pattern's result (an address, a phone) blocks its item.
    names = _results(SHEET, "PERSON", "Oduya", "Brankovic", "Lindqvist", "O'Fallon")
    blocking = _results(SHEET, "STREET_ADDRESS", "Harwood")
    assert "Harwood" not in _values(SHEET, listed_names(SHEET, names, blocking))
    # Cities and everyday words in a list with names are no names.
    text = "Offices : Leeds , Bristol , Aberdeen , Oduya , Brankovic ."
    assert listed_names(text, _results(text, "PERSON", "Oduya", "Brankovic"), []) == []


TEAM = "XV : 15 - Oduya , 14 - Brankovic , 13 - Harwood ( 12 - Okonjo , 60 ) , 11 - Lindqvist ; 9 - Ashdown"


def test_numbered_items_mostly_named_name_the_others() -> None:
    """A team sheet's or a seating plan's items a number and a dash mark: four of six found, the other two
    are names, also the one in brackets (a substitution)."""
    names = _results(TEAM, "PERSON", "Oduya", "Brankovic", "Lindqvist", "Ashdown")
    found = numbered_names(TEAM, names, [])
    assert _values(TEAM, found) == ["Harwood", "Okonjo"]
    assert {r.recognition_metadata["recognizer_name"] for r in found} == {NUMBERED_ITEMS}


def test_numbered_items_without_a_majority_of_names_stay() -> None:
    # Three of six found: no majority; each line counts alone.
    names = _results(TEAM, "PERSON", "Oduya", "Brankovic", "Lindqvist")
    assert numbered_names(TEAM, names, []) == []
    split = TEAM.replace(" , 13 -", "\n13 -")
    assert numbered_names(split, _results(split, "PERSON", "Oduya", "Brankovic"), []) == []
    # A blocking result keeps its item; a numbered agenda holds no names.
    names = _results(TEAM, "PERSON", "Oduya", "Brankovic", "Lindqvist", "Ashdown")
    blocking = _results(TEAM, "ORGANIZATION", "Harwood")
    assert _values(TEAM, numbered_names(TEAM, names, blocking)) == ["Okonjo"]
    agenda = "Agenda : 1 - Welcome , 2 - Budget , 3 - Hiring , 4 - Close . Chair : Oduya , notes : Brankovic"
    assert numbered_names(agenda, _results(agenda, "PERSON", "Oduya", "Brankovic"), []) == []


def test_items_with_their_figures_mostly_named_name_the_others() -> None:
    """A score card's, a leaderboard's or a timesheet's items a figure follows: three of four found, the
    fourth is a name; a list of labels and figures names nobody."""
    text = "Bowling : Oduya 7-0-29-0 , Qwertyuk 4-0-25-0 , Brankovic 9-0-49-1 , Lindqvist 10-0-41-2 ."
    names = _results(text, "PERSON", "Oduya", "Brankovic", "Lindqvist")
    found = numbered_names(text, names, [])
    assert _values(text, found) == ["Qwertyuk"]
    assert {r.recognition_metadata["recognizer_name"] for r in found} == {FIGURE_ITEMS}
    text = "Hours : R. Oduya 37.5, T. Brankovic 40; Qwertyuk 32"
    assert _values(text, numbered_names(text, _results(text, "PERSON", "R. Oduya", "T. Brankovic"), [])) == [
        "Qwertyuk"
    ]
    text = "Totals : Revenue 120 , Costs 98 , Margin 22 , Oduya 4 , Brankovic 5"
    assert numbered_names(text, _results(text, "PERSON", "Oduya", "Brankovic"), []) == []


def test_items_a_bare_number_marks_mostly_named_name_the_others() -> None:
    """A team sheet without dashes: shirt numbers, then one surname each, between commas and semicolons, a
    captain's mark or a substitution in brackets after; three of five found, the other two are names."""
    text = "AMBER FC: 1 Thorsby; 2 Okwuosa, 5 Ranveig (c), 4 Delacroix; 9 Mbuyamba (71' Orrin).\n"
    names = _results(text, "PERSON", "Thorsby", "Okwuosa", "Delacroix")
    found = numbered_names(text, names, [])
    assert _values(text, found) == ["Mbuyamba", "Ranveig"]
    assert {r.recognition_metadata["recognizer_name"] for r in found} == {NUMBERED_ITEMS}


def test_items_a_bare_number_marks_need_a_majority_of_names() -> None:
    """An inventory or a flat's rooms are numbered items too: no names among them, or too few, name none."""
    flat = "Flat 4: 2 Bedrooms, 1 Kitchen, 3 Windows; 1 Garage. Agent: Okwuosa, Thorsby"
    assert numbered_names(flat, _results(flat, "PERSON", "Okwuosa", "Thorsby"), []) == []
    text = "Squad: 1 Thorsby, 2 Okwuosa, 3 Mbuyamba, 4 Delacroix, 5 Ranveig"
    assert numbered_names(text, _results(text, "PERSON", "Thorsby", "Okwuosa"), []) == []


def test_a_surname_in_capitals_among_numbered_items_is_a_name() -> None:
    """A team sheet writes some surnames in capitals ("8 DOKU", "9 N'DIAYE"): among items mostly named they
    are names too, and an unnamed item in capitals does not vote against the named ones; a word English
    uses, or its plural, is no surname ("10 USB, 3 CABLES, 4 PALLETS" in an order)."""
    text = "DRINI: 12 Thorsby; 2 Okwuosa, 4 MBUYAMBA, 5 Delacroix; 9 N'DIAYE, 7 Ranveig (c).\n"
    names = _results(text, "PERSON", "Thorsby", "Okwuosa", "Delacroix")
    assert _values(text, numbered_names(text, names, [])) == ["MBUYAMBA", "N'DIAYE", "Ranveig"]
    order = "Order: 2 Thorsby, 4 Okwuosa; 10 USB, 3 CABLES, 4 PALLETS, 5 Delacroix"
    assert numbered_names(order, _results(order, "PERSON", "Thorsby", "Okwuosa", "Delacroix"), []) == []


def test_items_in_capitals_alone_vote_for_nothing() -> None:
    """Unnamed items in capitals do not make a minority of names a majority: two names of six items."""
    text = "Crew: 1 Thorsby, 2 Okwuosa, 3 Mbuyamba, 4 Delacroix, 5 RANVEIG, 6 Lindqvist"
    assert numbered_names(text, _results(text, "PERSON", "Thorsby", "Okwuosa"), []) == []
