"""A site named by its place and a facility's word is a place, not a person: "AUCKLAND DEPOT", "GALWAY
OFFICE", "Incheon Air Hub", "Fergusson Wharf", "JULIUS NYERERE INTL AIRPORT".

The name rules read a place's name in capitals as a name (the lexicon knows most towns as somebody's name),
and take the facility's word in too when it is a name word somewhere ("Depot"). A PERSON span that ends with
a facility's word, or that the facility's word follows on its line in the same case, is a LOCATION.

A person's full name before "office" is still a person ("ZAHRA HOSSEINI OFFICE" on a door sign): a span that
starts with a given name of the lexicon and has more words yields only to an airport's word (airports are
named after people: "Jomo Kenyatta International Airport").
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymize.name_lexicon import NameLexicon
from anonymize.results import copy_span
from anonymize.text import words

# Not "plant", "mill", "branch", "yard", "port": surnames too (Robert Plant, John Stuart Mill, Taylor Branch).
_FACILITY = words(
    "depot depots warehouse office offices airport airfield terminal wharf hub campus factory refinery "
    "station"
)
_AIRPORT = frozenset(["airport", "airfield"])
# The facility's word after the span, one space apart (a tab or a wider gap parts a table's cells:
# "Fitzmaurice\tSunday\tWarehouse"), maybe after "Intl" or "International".
_WORD_AFTER = re.compile(r" ((?:INTL|Intl|INTERNATIONAL|International)\.? )?([^\W\d_]+)")


def facility_places(
    text: str, results: list[RecognizerResult], lexicon: NameLexicon | None
) -> list[RecognizerResult]:
    """``results`` with the PERSON spans that name a site (see the module doc) typed LOCATION."""
    out = []
    for r in results:
        if r.entity_type == "PERSON" and _names_site(text, r, lexicon):
            place = copy_span(r, r.start, r.end)
            place.entity_type = "LOCATION"
            out.append(place)
        else:
            out.append(r)
    return out


def _names_site(text: str, result: RecognizerResult, lexicon: NameLexicon | None) -> bool:
    parts = text[result.start : result.end].split()
    if not parts:
        return False
    facility = None
    if len(parts) > 1 and parts[-1].casefold() in _FACILITY:
        facility = parts[-1]
    after = _WORD_AFTER.match(text, result.end)
    if (
        facility is None
        and after
        and _same_case(after.group(2), parts[-1])
        and after.group(2).casefold() in _FACILITY
    ):
        facility = after.group(2)
    if facility is None:
        return False
    named = len(parts) > 1 and lexicon is not None and lexicon.given_name(parts[0])
    return not named or facility.casefold() in _AIRPORT


def _same_case(word: str, last: str) -> bool:
    """``word`` written like ``last``: both in capitals ("AUCKLAND DEPOT") or both capitalized ("Galway
    Office"); a facility in lower case after a capitalized name is an everyday noun ("asked Ana office
    hours")."""
    if last.isupper():
        return word.isupper()
    return word[:1].isupper() and not word.isupper()
