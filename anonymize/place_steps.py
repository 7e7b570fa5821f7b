"""Resolution steps about places: a place read as a person where its slot says place, and the towns of
addresses written without a street (``anonymize.resolve`` runs them in its order)."""

from __future__ import annotations

from anonymize.doc_places import drop_document_places
from anonymize.gazetteer import country_names, persons_at_places
from anonymize.header_columns import persons_outside
from anonymize.name_lexicon import NameLexicon
from anonymize.places import cities_above_countries, towns_before_postcodes
from anonymize.resolution import Resolution
from anonymize.results import rule_result

PERSON_AT_PLACE = "PersonAtPlace"  # a person's reading of a place's name in a place's slot, now a LOCATION


def address_places(state: Resolution) -> None:
    """The town before a postcode and the city line above a country (an address written without a street)
    are places; both read the results as they were before either joins them."""
    cities = state.allowed(cities_above_countries(state.text, state.results))
    state.results += state.allowed(towns_before_postcodes(state.text, state.results))
    state.results += cities
    state.cities = cities


def places_not_persons(state: Resolution) -> None:
    """A city or country read as a person, where the sentence says it is a place ("in Valencia", "the
    Jordan account", "Amman, Jordan"): no person (``anonymize.gazetteer``), nor a name to seek elsewhere; nor
    is a word the document names a place or a company with elsewhere (``anonymize.doc_places``), nor a cell
    under a table's "Site", "City" or "Role" (``anonymize.header_columns``: "| Site |" over "Riga"). The
    places by their slot wait in ``slot_places`` for the step ``places_by_slot``."""
    placed = persons_at_places(state.text, state.results, state.lexicon)
    rest = [r for r in state.results if all(r is not p for p in placed)]
    cells = state.not_name_cells()
    state.results = persons_outside(drop_document_places(state.text, rest, cells), cells)
    state.slot_places += [
        rule_result("LOCATION", p.start, p.end, p.score, PERSON_AT_PLACE)
        for p in placed
        if _place_more_than_name(state.text[p.start : p.end], state.lexicon)
    ]


def places_by_slot(state: Resolution) -> None:
    """The places ``places_not_persons`` took from the persons ("from Mali", "Burkina Faso was super fun") are
    LOCATION results, added only now, where no person's and no address's result lies at the end of the
    other steps: until here the text reads as if they had been dropped, so no step finds fewer names for
    them, and a name found there after all keeps its person."""
    taken = [r for r in state.results if r.entity_type in ("PERSON", "STREET_ADDRESS")]
    spans: set[tuple[int, int]] = set()
    for place in state.slot_places:
        overlapping = any(t.start < place.end and place.start < t.end for t in taken)
        if overlapping or (place.start, place.end) in spans:
            continue
        spans.add((place.start, place.end))
        state.results.append(place)


def _place_more_than_name(value: str, lexicon: NameLexicon | None) -> bool:
    """A country's name, or a place's name none of whose words is a lexicon given name: "Ann, Bo and Carl"
    lists no towns (both are cities somewhere), though each stays no person where a place's slot says so."""
    name = value.strip(" .,;:'’").removesuffix("'s").removesuffix("’s")
    if lexicon is None or name.casefold() in country_names():
        return True
    return not any(lexicon.given_name(w) for w in name.split())


def added_places_not_persons(state: Resolution) -> None:
    """The same for the names found from other mentions ("Jordan ... in Jordan"): a place's slot wins."""
    places_not_persons(state)
