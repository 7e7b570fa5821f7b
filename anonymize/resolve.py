"""From Presidio's raw results to the detector's spans: a named, ordered list of post-processing steps.

Presidio composes recognizers; the detector composes these steps the same way (``STEPS``, run in order by
``resolve``). Each step reads and rewrites one ``Resolution`` and has one job; its docstring says why it
exists. The order matters: names found by their other mentions need the filtered results, places of an
address need those names, and the choice between overlapping results comes last.
"""

from __future__ import annotations

from collections.abc import Iterable

from presidio_analyzer import RecognizerResult

from anonymize.addressees import addressees, city_addressees
from anonymize.alias_mentions import person_aliases
from anonymize.company_names import (
    company_named,
    drop_company_heads,
    drop_orphan_mentions,
    persons_as_organizations,
)
from anonymize.coordinated_names import coordinated
from anonymize.detector_config import DetectorConfig
from anonymize.document_titles import document_titles
from anonymize.dotted_names import dotted_names
from anonymize.email_edges import cut_before_addresses
from anonymize.email_names import email_names
from anonymize.facility_places import facility_places
from anonymize.family_names import family_names
from anonymize.field_labels import field_labels
from anonymize.filters import NOT_NAME_WORDS, keep
from anonymize.folded_mentions import folded_mentions
from anonymize.gedcom_names import gedcom_names
from anonymize.glued_names import glued_names
from anonymize.header_columns import claim_cells, header_names
from anonymize.initial_tails import initial_tails
from anonymize.inverted_pairs import inverted_pairs
from anonymize.joined_names import split_joined_names
from anonymize.late_mentions import late_names
from anonymize.name_edges import name_edges
from anonymize.name_extent import extend_names, ner_person, split_at_column_gaps
from anonymize.name_forms import grown_name_mentions, propagate_other_cases
from anonymize.name_initials import initials_mentions
from anonymize.name_lexicon import NameLexicon
from anonymize.name_lists import listed_names, numbered_names
from anonymize.name_mentions import propagate
from anonymize.name_trim import trim_person
from anonymize.native_scripts import bracketed_names, native_script_names
from anonymize.ordinary_names import drop_ordinary_words
from anonymize.org_mentions import organization_mentions
from anonymize.org_slots import slot_organizations
from anonymize.overlaps import choose_overlaps, merge_same_type, yield_to_addresses
from anonymize.person_handles import person_handles
from anonymize.place_steps import (
    added_places_not_persons,
    address_places,
    places_by_slot,
    places_not_persons,
)
from anonymize.recognizers.inverted_names import export_names
from anonymize.recognizers.name_evidence import title_caps
from anonymize.resolution import Resolution, Step
from anonymize.results import ner_pieces, tier
from anonymize.retyped_persons import retype_persons
from anonymize.roster_columns import code_persons
from anonymize.roster_names import roster_names
from anonymize.script_runs import split_scripts
from anonymize.signature_orgs import signature_companies
from anonymize.surname_initials import surname_initials
from anonymize.table_columns import column_names
from anonymize.text_kinds import coded_text, science_prose
from anonymize.url_names import url_names
from anonymize.word_given_names import word_given_names
from anonymize.word_mentions import word_name_mentions

# Other mentions of a detected name win over these NER results ("Calan Lee ... calls me Calan" as a place).
_YIELD_TO_NAME = frozenset(["LOCATION", "ORGANIZATION", "NRP"])
# Pattern results whose characters do not make a text technical.
_NOT_SYMBOLS = frozenset(
    ["IBAN_CODE", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "URL", "IP_ADDRESS", "STREET_ADDRESS"]
)


def split_ner_lines(state: Resolution) -> None:
    """An NER span across line breaks becomes one span per non-empty line: the model reads a table's or a
    header's lines as one sentence ("Owner\\nJane Doe" is no name); a person across a cell's separators or
    brackets one span per cell ("Ngozi Eze;yams", ``results.ner_pieces``)."""
    state.results = [p for r in state.results for p in (ner_pieces(state.text, r) if tier(r) == 2 else [r])]


def mark_technical(state: Resolution) -> None:
    """Codes and symbols make the model see names in identifiers: in scientific prose the person filter is
    stricter; with codes, the model's one-word names need evidence (checked if it found a person or org)."""
    if not any(tier(r) == 2 and r.entity_type in ("PERSON", "ORGANIZATION") for r in state.results):
        return
    # No symbols: all-caps headlines (title-cased), identifiers, addresses ("NL64 ABNA", "1016 DV Amsterdam").
    shadow = title_caps(state.text)
    for r in state.results:
        if r.entity_type in _NOT_SYMBOLS and tier(r) < 2 and r.score >= state.config.threshold(r.entity_type):
            shadow = shadow[: r.start] + " " * (r.end - r.start) + shadow[r.end :]
    state.coded = coded_text(shadow)
    state.technical = state.coded and science_prose(shadow)


def organizations_as_persons(state: Resolution) -> None:
    """An organization by the NER model that has a person's name's shape ("Helena Carlsen") is a person."""
    state.results = [ner_person(state.text, r, state.lexicon) for r in state.results]


def persons_typed_otherwise(state: Resolution) -> None:
    """The fail-safe for a person the model types as an organization or a place, which would stay in clear:
    two signals (lexicon, name shape, a person's cue, the same words as a person elsewhere) and nothing
    against it make it a PERSON (``anonymize.retyped_persons``)."""
    state.results = retype_persons(state.text, state.results, state.lexicon)


def joined_names(state: Resolution) -> None:
    """A person over a connecting word ("James and Hogan") is cut there (``anonymize.joined_names``)."""
    if state.lexicon is not None and not state.truecased:  # no capitals as typed to tell name words by
        state.results = split_joined_names(state.text, state.results, state.lexicon)


def trim_person_prefixes(state: Resolution) -> None:
    """The model takes a leading verb, greeting or title into a name ("Call Jane Doe", "Dear Ann",
    "ex-Zombie Wiik"): the name starts after it."""
    qualifiers = [
        (r.start, r.end) for r in state.results if r.entity_type in ("NRP", "LOCATION") and tier(r) == 2
    ]
    state.results = [
        trim_person(state.text, r, qualifiers, state.lexicon) if r.entity_type == "PERSON" else r
        for r in state.results
    ]


def note_yielding(state: Resolution) -> None:
    """Remember the NER places, organizations and groups before filtering (a one-word organization is
    dropped by the filters, yet is no member of a list of names)."""
    state.yielding = [r for r in state.results if tier(r) == 2 and r.entity_type in _YIELD_TO_NAME]


def apply_filters(state: Resolution) -> None:
    """Per-type thresholds and rules (``filters.keep``) drop what is no personal data."""
    state.results = [
        r
        for r in state.results
        if keep(state.text, r, state.config, state.technical, state.lexicon, state.coded)
    ]


def other_mentions(state: Resolution) -> None:
    """A name detected once is found again elsewhere in the text ("Jane Doe ... Jane"), and so are the other
    members of a list it is in ("Ann, Bo and Carl"), and their mentions; the NER's places and organizations
    yield to them, except an organization that ends in a company's word ("ferreira logistics")."""
    names = [r for r in state.results if r.entity_type == "PERSON"]
    if not names:
        return
    yielding = {id(r) for r in state.results if tier(r) == 2 and r.entity_type in _YIELD_TO_NAME}
    blocking = [r for r in state.results if id(r) not in yielding or company_named(state.text, r)]
    added = propagate(state.text, names, blocking, NOT_NAME_WORDS)
    # The mentions just found count as list members too ("Moua, Lisa & Tong" once "Lisa" is a name).
    listed = coordinated(state.text, [*names, *added], [*blocking, *added], state.yielding, NOT_NAME_WORDS)
    listed += listed_names(state.text, [*names, *added], [*blocking, *listed])
    listed += numbered_names(state.text, [*names, *added], [*blocking, *listed])
    added += listed
    added += propagate(state.text, listed, [*blocking, *added], NOT_NAME_WORDS)
    # The same words in the other case: "LENTINI" of "Lentini", "fatou" of "fatou diop".
    added += propagate_other_cases(state.text, [*names, *added], blocking, NOT_NAME_WORDS, state.lexicon)
    state.added += added


def header_columns(state: Resolution) -> None:
    """Names under a "surname" or "Manager" header, before other mentions ("Kanokwan" after the roster)."""
    if state.lexicon is not None:
        names = state.admitted(header_names(state.text, state.lexicon))
        state.results = [*claim_cells(state.results, names), *names]


def table_columns(state: Resolution) -> None:
    """A table's column of names holds names in its other cells (``anonymize.table_columns``)."""
    if state.lexicon is not None:
        state.added += column_names(state.text, [*state.results, *state.added], state.lexicon)


def inverted_cells(state: Resolution) -> None:
    """A "Surname, Given" pair that is all of an export's cell is one person ("EX-0411,Chikwanha,
    Farai,OPS-2"; ``recognizers.inverted_names.export_names``), its halves that person elsewhere."""
    if state.lexicon is not None:
        found = [*state.results, *state.added]
        pairs = export_names(state.text, found, state.lexicon)
        pairs += roster_names(state.text, [*found, *pairs], state.lexicon)  # "TRƯƠNG, Quang Vinh"
        state.added += pairs + propagate(state.text, pairs, [*found, *pairs], NOT_NAME_WORDS)


def native_forms(state: Resolution) -> None:
    """A found name's form in its own script or its quoted nickname, beside it, in brackets or in its table
    row ("GUAN Weiming (关伟明)", "| Pyo Seo-yeon | 표서연 |"; ``anonymize.native_scripts``)."""
    if state.lexicon is not None:
        state.results = split_scripts(state.text, state.results)  # "Aigerim / Айгерим" is two forms
        found = [*state.results, *state.added]
        forms = native_script_names(state.text, found, state.lexicon)
        # A name it goes by is used alone later ("Hsu Chia-hao (Jeffrey) ... Jeffrey rebuilt the suite").
        state.added += forms + propagate(state.text, forms, [*found, *forms], NOT_NAME_WORDS)


def late_native_forms(state: Resolution) -> None:
    """The same for the names the later steps found ("阿強 (Ah Keung)" once "Ah Keung" is found); a name the
    later steps grew over its other-script form is split again ("Karen Wong Ka-yan 黃嘉欣")."""
    state.results = split_scripts(state.text, state.results)
    if state.lexicon is not None:
        persons = [r for r in state.results if r.entity_type == "PERSON"]
        forms = bracketed_names(state.text, persons, state.lexicon)
        state.results += state.admitted(
            f for f in forms if not any(p.start < f.end and f.start < p.end for p in state.results)
        )


def admit_added_names(state: Resolution) -> None:
    """The names found from other results join them, under the PERSON threshold and the allow list."""
    state.results, state.added = state.results + state.admitted(state.added), []


def column_gaps(state: Resolution) -> None:
    """A name runs into the next cell of a table laid out with blanks or dot leaders ("Zainab Memon
    Reviewed by: ..."): the span is cut at the gap, and the cells that hold no name are dropped."""
    if state.lexicon is not None:
        state.results = split_at_column_gaps(state.text, state.results, state.lexicon)


def ordinary_english(state: Resolution) -> None:
    """A span of frequent English words that are no names people bear is a heading, a role or a label
    ("Talent Acquisition Lead", "Campus", "Farewell"), whatever found it; another mention that starts a
    company's name ("Carmel Analytics Ltd.") is no person either."""
    if state.lexicon is not None:
        state.results = drop_ordinary_words(state.text, state.results, state.lexicon)
    state.results = drop_company_heads(state.text, state.results)


def name_extents(state: Resolution) -> None:
    """Names found in part grow over their name words (``name_extent``); so do the new words' mentions."""
    if state.lexicon is not None:
        before = {(r.start, r.end) for r in state.results if r.entity_type == "PERSON"}
        state.results = extend_names(title_caps(state.text), state.results, state.lexicon)
        found = grown_name_mentions(state.text, before, state.results, state.yielding, state.not_name_cells())
        state.results += state.admitted(found)
    trim_person_prefixes(state)  # a title the grown or joined name took in ("Cardinal Joseph Bernardin")


def company_names(state: Resolution) -> None:
    """A person-shaped span that ends in a company's, club's or party's word ("Dunav Transport", "Khmer
    Nation Party") is an organization (``anonymize.company_names``), and so is the line after a person's
    name in an address block or a signature (``anonymize.signature_orgs``)."""
    before, state.results = state.results, persons_as_organizations(state.text, state.results, state.lexicon)
    state.results = drop_orphan_mentions(state.text, before, state.results)  # their other mentions too
    state.results = signature_companies(state.text, state.results, state.lexicon)
    state.results = slot_organizations(state.text, state.results, state.lexicon)
    state.results = facility_places(state.text, state.results, state.lexicon)  # "AUCKLAND DEPOT"


def person_initials(state: Resolution) -> None:
    """A kept name's initials ("IH: ask legal") and a roster's codes ("CPT KMO") stand for the person."""
    if state.lexicon is None:
        return
    persons = [r for r in state.results if r.entity_type == "PERSON"]
    fixed = [r for r in state.results if r.entity_type != "PERSON" and tier(r) < 2]
    codes = code_persons(state.text, persons, fixed)
    found = state.admitted(initials_mentions(state.text, persons, fixed, state.lexicon) + codes)
    if found:
        state.results = [
            r
            for r in state.results
            if not (tier(r) == 2 and any(f.start < r.end and r.start < f.end for f in found))
        ]
        state.results += found


def other_organization_mentions(state: Resolution) -> None:
    """An organization found once is the same organization where the text names it again ("the OSCE ...
    OSCE principles", "Pirelli SpA ... Pirelli"; ``anonymize.org_mentions``)."""
    state.results += state.allowed(organization_mentions(state.text, state.results, state.lexicon))


STEPS: tuple[Step, ...] = (
    split_ner_lines,
    cut_before_addresses,
    mark_technical,
    organizations_as_persons,
    persons_typed_otherwise,
    joined_names,
    trim_person_prefixes,
    note_yielding,
    field_labels,
    apply_filters,
    places_not_persons,
    header_columns,
    email_names,
    other_mentions,
    addressees,
    table_columns,
    inverted_cells,
    native_forms,
    admit_added_names,
    added_places_not_persons,
    address_places,
    city_addressees,
    column_gaps,
    name_extents,
    ordinary_english,
    late_names,
    word_given_names,
    word_name_mentions,
    surname_initials,
    company_names,
    person_initials,
    person_aliases,
    inverted_pairs,
    initial_tails,
    person_handles,
    dotted_names,
    folded_mentions,
    other_organization_mentions,
    url_names,
    glued_names,
    family_names,
    late_native_forms,
    document_titles,
    name_edges,
    places_by_slot,
    gedcom_names,
    yield_to_addresses,
    merge_same_type,
    choose_overlaps,
)


def resolve(
    text: str,
    results: list[RecognizerResult],
    config: DetectorConfig,
    steps: Iterable[Step] = STEPS,
    lexicon: NameLexicon | None = None,
    truecased: bool = False,
) -> list[RecognizerResult]:
    """``text``'s final spans by position: ``results`` through ``steps`` in order (``lexicon``: given names
    and surnames; ``truecased``: ``text`` is a lower-case text with the names' capitals put back)."""
    state = Resolution(text, config, list(results), lexicon=lexicon, truecased=truecased)
    for step in steps:
        step(state)
    return state.results
