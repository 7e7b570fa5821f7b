"""Organizations by the slot they fill in a sentence, whatever the NER model made of their name:

* an office whose address follows: "The Fastcase office is at", "our Xignite headquarters are located";
* a venue before its street address on the same line: "We'll meet at Geolytics, 43 Main Street";
* the name whose address a sentence gives: "The address of Nucivic is 1324 Mosman Rd";
* an employer before the role held there: "spent a year at Citysourced as the assistant to ...";
* where a person is from, when no recognizer read it as a place: "Xavier is from Redfin";
* the company line that heads an address block on its own ("Knoema\\n\\n99 Maidstone Road ...").

The name in the slot is one to four capitalized words. It stays what it was when it reads as a place or a
person: a known place, country or region ("the Berlin office", "the Bali office"), a weekday or a month, a
lexicon given name and surname ("the Oliver Wyman office"), a given name English speakers bear ("at
Thomas-James, 51 ..."), or a PERSON result of any recognizer over it. ORGANIZATION is not pseudonymized by
default, so a slot never takes a person's result: the rule types as an organization only what was a place's
reading or nothing at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import RecognizerResult

from anonymize.gazetteer import country_names, known_place, region_names
from anonymize.name_extent import lexicon_full_name
from anonymize.name_lexicon import NameLexicon
from anonymize.results import rule_result

ORG_SLOT = "OrganizationSlot"
_SCORE = 0.6
# A word of an organization's name: capitalized, all caps or camel case ("Redfin", "BBC", "MysticWeb",
# "Sanders-Gill", "Asset4"); small joining words between two of them ("Bank of Ireland", "Dun & Bradstreet").
_WORD = r"[A-Z][\w'’&-]*[\w&]|[A-Z]"
_NAME = rf"(?:{_WORD})(?:[ \t]+(?:(?:of|and|for|the|&)[ \t]+)?(?:{_WORD})){{0,3}}"
# An office of the organization whose address the sentence gives, after the name: "The Fastcase office is
# at ...". Not an office alone: business text names its offices by their places ("the Bali office").
_OFFICE_AFTER = re.compile(
    rf"(?:(?<=\b[Tt]he )|(?<=\b[Oo]ur )|(?<=\b[Tt]heir )|(?<=\b[Ii]ts ))({_NAME})"
    r"(?:['’]s)?[ \t]+(?:office|offices|headquarters|HQ|head[ \t]+office|branch)"
    r"[ \t]+(?:is|are)[ \t]+(?:at|located|based)\b"
)
# A venue before its address on the same line: "at Geolytics, " + the street address.
_VENUE_BEFORE_ADDRESS = re.compile(rf"\bat[ \t]+({_NAME}),[ \t]*$")
# The name whose address follows: "The address of Nucivic is " + the street address.
_ADDRESS_OF = re.compile(rf"\b[Aa]ddress[ \t]+of[ \t]+({_NAME})[ \t]+is[ \t:]*$")
# An employer before the role a person held there: "spent a year at Citysourced as the assistant to".
_EMPLOYER = re.compile(rf"\bat[ \t]+({_NAME})[ \t]+as[ \t]+(?:a|an|the)[ \t]")
# An employer in a career's sentence, before the place it is in: "worked at Biovia in Casbeno", "the
# following year at Citigroup in Échirolles".
_EMPLOYER_IN = re.compile(
    rf"\b(?:work(?:s|ed|ing)?|employed|(?:a|following|next)[ \t]+year)[ \t]+at[ \t]+({_NAME})[ \t]+in[ \t]+"
    r"(?=[A-Z])"
)
# Where a person comes from, when no recognizer read it as a place: "Xavier is from Redfin".
_IS_FROM = re.compile(rf"\b(?:is|are|am)[ \t]+from[ \t]+({_NAME})(?=[ \t]*(?:$|[.,;!?\n]))", re.M)
_NOT_NAMES = re.compile(
    r"(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|"
    r"oct|nov|dec)[a-z]*|The|A|An|This|That|These|Those|Our|Their|His|Her|My|Your|Its|I|We|You|He|She|It|They"
)
# The words of a line that only the company's name fills.
_LINE_JUNK = " \t>?*|•-"
_MAX_BLANK_LINES = 2
_HEAD_WORDS = 4


def _organization_name(value: str, lexicon: NameLexicon | None) -> bool:
    """``value`` may be an organization's name: no known place or country, no weekday, month or determiner
    alone, no lexicon given name and surname, no given name English speakers bear."""
    parts = value.split()
    if not parts or _NOT_NAMES.fullmatch(parts[0]) or known_place(value):
        return False
    if " ".join(parts).casefold() in country_names() | region_names():
        return False
    if lexicon is None:
        return True
    if lexicon_full_name(value, lexicon):
        return False
    return not any(
        w.strip("'’").casefold() in lexicon.english_given for w in re.split(r"[ \t&-]+", value) if w
    )


def _slot_spans(text: str, results: Sequence[RecognizerResult]) -> list[tuple[int, int]]:
    """(start, end) of the names in an office's, a venue's, an address's or an employer's slot."""
    spans = [m.span(1) for m in _OFFICE_AFTER.finditer(text)]
    spans += [m.span(1) for m in _EMPLOYER.finditer(text)]
    spans += [m.span(1) for m in _EMPLOYER_IN.finditer(text)]
    for address in results:
        if address.entity_type != "STREET_ADDRESS":
            continue
        line_start = text.rfind("\n", 0, address.start) + 1
        for pattern in (_VENUE_BEFORE_ADDRESS, _ADDRESS_OF):
            found = pattern.search(text, line_start, address.start)
            if found is not None:
                spans.append(found.span(1))
    return spans


def _address_heads(text: str, results: Sequence[RecognizerResult]) -> list[tuple[int, int]]:
    """A line of one to four capitalized words right above a street address block (blank lines between
    allowed), with no other line above it: the block's company line."""
    found = []
    for address in results:
        if address.entity_type != "STREET_ADDRESS":
            continue
        line_start = text.rfind("\n", 0, address.start) + 1
        if text[line_start : address.start].strip(_LINE_JUNK):
            continue
        above = text[:line_start].rstrip("\n \t")
        blank_lines = text[len(above) : line_start].count("\n") - 1
        if not above or blank_lines > _MAX_BLANK_LINES:
            continue
        head_start = above.rfind("\n") + 1
        if text[:head_start].strip():
            continue  # a line above: a signature's or addressee's block, read by ``signature_orgs``
        value = above[head_start:].strip(_LINE_JUNK)
        named = re.fullmatch(_NAME, value)
        if value and named is not None and len(value.split()) <= _HEAD_WORDS:
            start = head_start + above[head_start:].find(value)
            found.append((start, start + len(value)))
    return found


def slot_organizations(
    text: str, results: list[RecognizerResult], lexicon: NameLexicon | None
) -> list[RecognizerResult]:
    """``results`` with the names in an organization's slot (module doc) as ORGANIZATION spans: the
    place's and organization's readings inside each are replaced by it; a span that overlaps a person, an
    address, a date or an identifier is left as it was."""
    candidates = [*_slot_spans(text, results), *_address_heads(text, results)]
    unread = [m.span(1) for m in _IS_FROM.finditer(text)]  # no place's reading of it either
    found: list[tuple[int, int]] = []
    for start, end in candidates + unread:
        overlapping = [r for r in results if r.start < end and start < r.end]
        if any(r.entity_type not in ("LOCATION", "ORGANIZATION", "NRP") for r in overlapping):
            continue
        if (start, end) in unread and overlapping:
            continue
        if (start, end) not in found and _organization_name(text[start:end], lexicon):
            found.append((start, end))
    if not found:
        return results
    kept = [r for r in results if not any(r.start < e and s < r.end for s, e in found)]
    return kept + [rule_result("ORGANIZATION", s, e, _SCORE, ORG_SLOT) for s, e in found]
