"""Document-level evidence that a capitalized word names a place or a company, not a person.

A word the sentence around it cannot place ("Kraków, 10 November", "("Carmel")", "Umerkot clinic") is often
named elsewhere in the same document in a slot that says what it is: the town of an address ("ul.
Gronostajowa 2, 30-387 Kraków"), a place the NER model found after a preposition of place ("based in
Nairobi"), the head of a company's name before its legal form ("Carmel Analytics Ltd.", "Ruch SA"), a cell
under a table's "Site", "City" or "Department" header ("| Site |" over "Kaunas"). Such a
word is no person in any of its one-word mentions in that document (nor a multi-word PERSON span that is the
whole place's name, "Tel Aviv"), unless the document shows strong person evidence for it: the word is part of
a longer person's name found there ("Florence Ng ... Florence"; not the company's own name read as a person's,
"Linnea Robotics GmbH") or the mention follows an honorific ("Dr. Carmel").

The evidence is the document's own, so no list of places or companies is needed, and a word is judged the
same way in every text; nothing here is keyed to particular words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import RecognizerResult

from anonymize.gazetteer import in_place_slot
from anonymize.header_columns import Cell
from anonymize.recognizers.places import CAPITALS_PLACE, COUNTRY
from anonymize.results import recognizer_name
from anonymize.text import COMPANY_FORM_AHEAD, STOP_WORDS

_NER = "SpacyRecognizer"
_CUES = "NameCueRecognizer"
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# A capitalized word (then up to three more) before a company's legal form: "Carmel Analytics Ltd.".
_COMPANY_HEAD = re.compile(
    rf"(?<![\w'’.-])([A-ZÀ-ÖØ-Þ][\w'’-]+)"
    rf"(?:[ \t]+(?:&[ \t]+)?[A-Z][\w'’.-]*){{0,3}}[ \t,]+{COMPANY_FORM_AHEAD}"
)
# The town of an address: its last comma-separated part, without the postcode ("30-387 Kraków", "Auckland
# 2022", "Tel Aviv 6971005").
_TOWN = re.compile(
    r"(?:^|,)[ \t]*(?:[\dA-Z]{1,4}[- ]?\d{2,5}[ \t]+)?([A-ZÀ-ÖØ-Þ][^\d,\n]*?)[ \t]*(?:\d[\d -]*)?$"
)
_HONORIFIC_BEFORE = re.compile(r"(?<![\w.])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|MR|MRS|MS|MISS|DR|PROF)\.?[ \t]+$")
_MIN_LETTERS = 3
_INITIAL = re.compile(r"(?<![\w.])[A-Z]\.")


def non_person_words(
    text: str, results: list[RecognizerResult], cells: Sequence[Cell]
) -> tuple[set[str], set[str]]:
    """Words (and multi-word place names) the document itself shows to be a place's or a company's name:
    by a rule (an address's town, a company's head, a place by its cue) and by the NER model alone (its
    place in a place's slot, where no name rule reads a person); ``cells``: the text's cells under a place,
    organization or role header (``header_columns.not_name_cells``)."""
    strong: set[str] = set()
    weak: set[str] = set()
    persons = [r for r in results if r.entity_type == "PERSON" and recognizer_name(r) != _NER]
    for r in results:
        value = text[r.start : r.end]
        if r.entity_type == "STREET_ADDRESS":
            town = _TOWN.search(value.rstrip(" .;"))
            # Not a name with an initial: a score card's "9, T. Kowalski 8, V. Drakes" reads as an address.
            if town and not _INITIAL.search(town.group(1)):
                strong.add(town.group(1).strip())
        elif r.entity_type == "LOCATION" and "\n" not in value.strip():
            name = value.strip(" .,;:")
            # A country's name alone decides no slot, nor a place in capitals ("Regards,\nAUSTIN" signs).
            if recognizer_name(r) not in (_NER, COUNTRY, CAPITALS_PLACE):
                strong.add(name)  # an address's town, "University of Nairobi", "arrived at Berlin Spandau"
            elif in_place_slot(text, r.start, r.end, frozenset([name.casefold()])) and not any(
                p.start < r.end and r.start < p.end for p in persons
            ):
                weak.add(name)  # "based in Nairobi", "Auckland, New Zealand"
    strong.update(m.group(1) for m in _COMPANY_HEAD.finditer(text))
    strong.update(text[s:e] for s, e in cells)  # a table's "| Site |" column: "Kaunas"
    return _named(strong), _named(weak)


def _named(found: set[str]) -> set[str]:
    return {w for w in found if len(w) >= _MIN_LETTERS and w.casefold() not in STOP_WORDS}


def drop_document_places(
    text: str, results: list[RecognizerResult], cells: Sequence[Cell]
) -> list[RecognizerResult]:
    """``results`` without the PERSON spans that are a whole place's or company's name the document shows
    elsewhere (``non_person_words``), unless that name is a word of a longer person's name in the document
    (one outside a company's name before its legal form: "Linnea Robotics" of "Linnea Robotics GmbH" is
    the company's) or the mention follows an honorific; a place known from the NER model alone also stays a
    person where a cue of a person (``NameCueRecognizer``: "Jordan said") found the word."""
    strong, weak = non_person_words(text, results, cells)
    places = strong | weak
    if not places:
        return results
    persons = [r for r in results if r.entity_type == "PERSON"]
    companies = [(m.start(1), m.end()) for m in _COMPANY_HEAD.finditer(text)]
    in_names = {
        w
        for r in persons
        if (value := text[r.start : r.end].strip()) not in places
        and not any(start <= r.start and r.end <= end for start, end in companies)
        and len(parts := [w for w in _WORD.findall(value) if w.casefold() not in STOP_WORDS]) > 1
        and not all(w in places for w in parts)
        for w in parts
    }
    cued = {text[r.start : r.end].strip() for r in persons if recognizer_name(r) == _CUES}
    return [
        r
        for r in results
        if not (
            r.entity_type == "PERSON"
            and (value := text[r.start : r.end].strip(" .,;:'’\"")) in places
            and (value in strong or value not in cued)
            and not (" " not in value and value in in_names)
            and not _HONORIFIC_BEFORE.search(text, max(0, r.start - 8), r.start)
        )
    ]
