"""Person-shaped spans that end in a word of a company's, club's or party's name are organizations: "Maji Bora
Consulting", "Glenmorven Shinty Club", "Kansai Electric Power", "Khmer Nation Party". The NER model and the
name rules read their capitalized words as a person's name.

A person whose surname is such a word ("David Steel", "Samantha Power") keeps the name: a span that starts
with a given name common in English-speaking countries is left as it is.
"""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from anonymize.name_lexicon import NameLexicon
from anonymize.results import copy_span
from anonymize.text import words

# The last word of an organization's name (not of a place's: "Street", "Park" and "Bridge" are not here).
COMPANY_LAST_WORDS = words(
    """
    consulting consultants club clubs transport transports steel power cables party commodities bank banks
    group holdings partners capital insurance energy systems services solutions technologies industries
    university college school institute academy hospital clinic foundation association society council
    committee agency authority ministry newsroom news times journal press media network labs laboratories
    analytics engineering logistics motors airlines airways foods electric electronics pharma pharmaceuticals
    robotics studios records airport inc ltd llc gmbh corp co plc ag sa nv bv
    """
)


def persons_as_organizations(
    text: str, results: list[RecognizerResult], lexicon: NameLexicon | None
) -> list[RecognizerResult]:
    """``results`` with the PERSON spans of two or more words whose last word is in ``COMPANY_LAST_WORDS``
    turned into ORGANIZATION spans (unless the first word is a common English-speaking given name)."""
    out = []
    for r in results:
        parts = text[r.start : r.end].split()
        if (
            r.entity_type == "PERSON"
            and len(parts) > 1
            and parts[-1].strip(".,;:'’()").casefold().removesuffix("'s") in COMPANY_LAST_WORDS
            and not (lexicon is not None and parts[0].casefold() in lexicon.english_given)
        ):
            organization = copy_span(r, r.start, r.end)
            organization.entity_type = "ORGANIZATION"
            out.append(organization)
        else:
            out.append(r)
    return out


def company_named(text: str, result: RecognizerResult) -> bool:
    """``result`` is an organization whose last word is a company's, club's or party's word ("ferreira
    logistics", "Maji Bora Consulting"): the name rules' other mentions of a person do not take its words."""
    parts = text[result.start : result.end].split()
    return (
        result.entity_type == "ORGANIZATION"
        and len(parts) > 1
        and parts[-1].strip(".,;:'’()").casefold() in COMPANY_LAST_WORDS
    )
