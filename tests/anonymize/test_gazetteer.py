"""Places read as persons (``anonymize.gazetteer``): the gazetteer and the place's slots."""

from __future__ import annotations

import re

import pytest
from presidio_analyzer import RecognizerResult

from anonymize.gazetteer import (
    big_city_names,
    country_names,
    drop_places,
    in_place_slot,
    persons_at_places,
    place_names,
    place_slot,
)


def test_the_gazetteer_holds_large_cities_countries_and_states() -> None:
    places = place_names()
    for name in ("valencia", "nairobi", "kraków", "jordan", "georgia", "austin", "baghdad"):
        assert name in places
    assert "okonkwo" not in places and "castellanos" not in places


def test_countries_by_their_everyday_names_too() -> None:
    """ "Russia", "Turkey", "Cape Verde" besides the ISO names ("Russian Federation", "Türkiye", "Cabo
    Verde"); no name people bear ("Holland", "England")."""
    countries = country_names()
    for name in ("russia", "russian federation", "turkey", "türkiye", "cape verde", "cabo verde", "britain"):
        assert name in countries
    assert "holland" not in countries and "england" not in countries


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("the inverters left for delivery in Valencia today", "Valencia"),
        ("Calle de Colón 14, 46004 Valencia", "Valencia"),
        ("Jordan Whitlock leads the Jordan account", "Jordan"),
        ("the water ministry in Amman, Jordan.", "Jordan"),
        ("Austin moves to the Austin, Texas office", "Austin"),
        ("our Rotterdam warehouse", "Rotterdam"),
    ],
)
def test_a_place_in_a_place_slot(text: str, word: str) -> None:
    start = text.rindex(word)
    assert in_place_slot(text, start, start + len(word), place_names())


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Austin moves to the Austin, Texas office", "Austin"),  # the first one: a person
        ("Jordan said the figures were late.", "Jordan"),
        ("Thanks to Florence for the slides.", "Florence"),
        ("Please ask Okonkwo in Lagos", "Okonkwo"),  # no place
    ],
)
def test_a_person_with_a_place_name_stays(text: str, word: str) -> None:
    start = text.index(word)
    assert not in_place_slot(text, start, start + len(word), place_names())


def test_only_place_names_in_a_place_slot_are_dropped() -> None:
    text = "He flew to Nairobi. Jordan Whitlock met him in Nairobi"
    results = [
        RecognizerResult("PERSON", text.rindex("Nairobi"), len(text), 0.85),
        RecognizerResult("PERSON", text.index("Jordan"), text.index(" met"), 0.85),
        RecognizerResult("LOCATION", text.index("Nairobi"), text.index("."), 0.85),
    ]
    kept = [(r.entity_type, text[r.start : r.end]) for r in drop_places(text, results)]
    assert kept == [("PERSON", "Jordan Whitlock"), ("LOCATION", "Nairobi")]


def test_a_place_name_of_two_words_in_a_place_slot_is_no_person() -> None:
    """``en_core_web_md`` reads a city of two words after a house number or a postcode as a person
    ("HaBarzel Street 30, Tel Aviv 6971005"); a person of two words in the same slot stays ("from Ana
    Silva" is no place)."""
    text = "Offices: 21000 Novi Sad, Serbia; a letter from Ana Silva; flights from Tel Aviv."
    kept = drop_places(text, _persons(text, "Novi Sad", "Ana Silva", "Tel Aviv"))
    assert [text[r.start : r.end] for r in kept] == ["Ana Silva"]


def _persons(text: str, *words: str) -> list[RecognizerResult]:
    return [RecognizerResult("PERSON", text.index(w), text.index(w) + len(w), 0.85) for w in words]


def test_a_country_or_a_settlement_after_town_of_is_no_person() -> None:
    """Detector 17: "France says ...", "Sri Lanka" and "the town of Chatelet" are places, whatever the cue."""
    from anonymize import name_lexicon

    text = "France says it welcomes them. Sri Lanka won. Police in the town of Chatelet said so."
    kept = drop_places(text, _persons(text, "France", "Sri Lanka", "Chatelet"), name_lexicon.load())
    assert kept == []


def test_the_persons_at_places_are_what_drop_places_drops() -> None:
    """``persons_at_places`` names the PERSON results ``drop_places`` leaves out, and no other result."""
    from anonymize import name_lexicon

    lexicon = name_lexicon.load()
    text = "Mali Tanaka flew in from Mali; France says so; Ana Silva stayed in Valencia."
    results = _persons(text, "Mali Tanaka", "France", "Ana Silva", "Valencia")
    results.append(RecognizerResult("LOCATION", text.index("Mali;"), text.index("Mali;") + 4, 0.85))
    placed = persons_at_places(text, results, lexicon)
    assert [text[r.start : r.end] for r in placed] == ["France", "Valencia"]
    assert [r for r in results if r not in placed] == drop_places(text, results, lexicon)


def test_a_country_name_that_is_a_persons_name_stays() -> None:
    """A country's name that is part of a longer name in the text ("Neil Jordan ... Jordan 's film"), or a
    given name English speakers bear ("Chad said"), stays a person."""
    from anonymize import name_lexicon

    lexicon = name_lexicon.load()
    film = "Neil Jordan directed it . Jordan 's film won ."
    results = [RecognizerResult("PERSON", 0, 11, 0.85), RecognizerResult("PERSON", 26, 32, 0.6)]
    assert [film[r.start : r.end] for r in drop_places(film, results, lexicon)] == ["Neil Jordan", "Jordan"]
    chad = "Chad said the figures were late."
    assert [chad[r.start : r.end] for r in drop_places(chad, _persons(chad, "Chad"), lexicon)] == ["Chad"]


def test_a_large_city_after_to_is_a_place_unless_a_common_given_name() -> None:
    """ "delivery to Valencia" is a place; "talk to Florence" keeps the person."""
    from anonymize import name_lexicon

    lexicon = name_lexicon.load()
    text = "Subject: RE: Inverter delivery to Valencia. Please talk to Florence first."
    kept = drop_places(text, _persons(text, "Valencia", "Florence"), lexicon)
    assert [text[r.start : r.end] for r in kept] == ["Florence"]


@pytest.mark.parametrize(
    ("text", "place", "person"),
    [
        (
            "Dis à Florence que je suis né à Brest et que je travaille à Lyon.",
            "Brest",
            "Florence",
        ),
        ("Sie kommt aus Graz und fährt morgen nach Linz, sagt Jonas.", "Graz", "Jonas"),
        ("Ele mora em Braga; a Teresa vem desde Porto.", "Braga", "Teresa"),
        ("Nia mate iha Dili, hateten Rosária.", "Dili", "Rosária"),
    ],
)
def test_a_large_city_after_a_preposition_of_another_language(text: str, place: str, person: str) -> None:
    """Prepositions of place of other languages lead a large city as "to" does; a common given name stays."""
    from anonymize import name_lexicon

    lexicon = name_lexicon.load()
    kept = {text[r.start : r.end] for r in drop_places(text, _persons(text, place, person), lexicon)}
    assert place not in kept and person in kept


def test_big_cities_are_a_subset_of_the_places() -> None:
    big = big_city_names()
    assert {"pune", "addis ababa", "baghdad", "tabriz"} <= big <= place_names()
    assert not {"bahir dar", "nottingham", "washington"} & big  # under a million: many surnames


def test_a_city_of_a_million_is_no_person_in_any_slot() -> None:
    """ "Trip: Addis Ababa -> Bahir Dar", "Ganges Freight Systems, Pune": no slot names them places; a city
    of a million people does on its own."""
    from anonymize import name_lexicon

    lexicon = name_lexicon.load()
    text = "Trip: Addis Ababa → Bahir Dar. Data Engineer, Ganges Freight Systems, Pune"
    kept = drop_places(text, _persons(text, "Addis Ababa", "Bahir Dar", "Pune"), lexicon)
    assert [text[r.start : r.end] for r in kept] == ["Bahir Dar"]


@pytest.mark.parametrize(
    ("text", "names", "kept"),
    [
        # The insider's first try: a person whose surname is a big city, named in full once.
        ("Ana Lima called. Lima said the audit slipped.", ("Ana Lima", "Lima"), ["Ana Lima", "Lima"]),
        ("Our founders: McDonald, Valencia and Carroll.", ("McDonald", "Valencia", "Carroll"), None),
        ("Ask Mr Lima about it.", ("Lima",), ["Lima"]),
        ("Santiago wrote the memo.", ("Santiago",), ["Santiago"]),
    ],
)
def test_a_person_named_like_a_big_city_stays(
    text: str, names: tuple[str, ...], kept: list[str] | None
) -> None:
    """A word of a longer person's name in the text, a list of persons, a title, or a given name English
    speakers bear keeps the person."""
    from anonymize import name_lexicon

    lexicon = name_lexicon.load()
    persons = [RecognizerResult("PERSON", m.start(), m.end(), 0.85) for m in _mentions(text, names)]
    expected = kept if kept is not None else list(names)
    assert [text[r.start : r.end] for r in drop_places(text, persons, lexicon)] == expected


@pytest.mark.parametrize(
    ("text", "word", "slot"),
    [
        ("she grew up in Tlemcen", "Tlemcen", True),
        ("the Umerkot clinic", "Umerkot", True),
        ("Jacksonville , Fla .", "Fla", True),
        ("the southern Mindanao island", "Mindanao", True),
        ("the Treaty of Baden", "Baden", True),
        ("3. Tom Ekdahl ( Trinidad ) 20.37", "Trinidad", True),
        ("send it to Rosalind and Kielgate 32", "Rosalind", True),
        ("but Marjorie just has to", "Marjorie", False),
        ("Bernadette is from Halvercott", "Bernadette", False),
    ],
)
def test_a_place_slot_whatever_the_name(text: str, word: str, slot: bool) -> None:
    """Detector 41 (``place_slot``): where a place or a group stands, known to the gazetteer or not."""
    start = text.index(word)
    assert place_slot(text, start, start + len(word)) is slot


def _mentions(text: str, names: tuple[str, ...]) -> list[re.Match[str]]:
    """Each name's first occurrence after the previous one's end."""
    found, start = [], 0
    for name in names:
        match = re.compile(re.escape(name)).search(text, start)
        assert match is not None
        found.append(match)
        start = match.end()
    return found
