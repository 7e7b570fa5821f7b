"""Regular expressions of postal addresses: street lines in many languages, what follows them, and what
only looks like one (a date, a dimension)."""

from __future__ import annotations

import re

from anonymize.addressees import LINE_JUNK
from anonymize.text import CAPITAL_WORD

STREET_SUFFIXES = (
    "Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Terrace|Ter|"
    "Parkway|Pkwy|Circle|Cir|Highway|Hwy|Square|Sq|Trail|Trl|Plaza|Alley|Row|Close|Crescent|Loop"
)
US_STREET = (
    r"\b\d{1,6}[A-Za-z]?\s+(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s+)?"
    r"(?:[A-Z0-9][A-Za-z0-9.'-]*\s+){1,4}"
    rf"(?:{STREET_SUFFIXES})\b\.?"
    r"(?:,?\s+(?:Apt|Apartment|Suite|Ste|Unit|Floor|Fl|#)\.?\s*#?[A-Za-z0-9-]+)?"
    r"(?:,\s*[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+){0,2})?"
    r"(?:,?\s+[A-Z]{2})?(?:,?\s+\d{5}(?:-\d{4})?)?"
)


# Words that start a street name in many languages, and unit designators.
_STREET_WORDS = (
    r"(?:ul\.|ulica|rue|via|viale|calle|avenida|av\.|avda\.|rua|r\.|strada|straße|strasse|"
    r"chemin|chaussée|route|allée|boulevard|bd\.|plaza|praça|piazza|corso|carrer|camino|carretera|ctra\.)"
)
_UNIT = r"(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Flat|Floor|Fl\.|Box|P\.?O\.?\s?Box|#)\s?\d{1,6}[A-Za-z]?"
_CAP = CAPITAL_WORD  # short, for the patterns below
# Street types written in lower case after the name in many languages: "Luite tee 87", "Bécsi utca 53",
# "Martin Linges veg 149", "Bem rakpart 79", "Kase põik 91".
_LOWER_STREET_TYPES = (
    r"(?:tee|põik|mnt|maantee|vei|veg|vegen|gata|gatan|gade|vej|vænget|allé|stræde|plads|torv|vegur|väg|vägen|"
    r"gränd|rakpart|utca|u\.|út|útja|tér|körút|katu|tie|kuja|polku|straat|laan|weg|gasse|platz|ulica|ul\.|"
    r"aleja|al\.|trg|cesta|ulice|sokak|sokağı|caddesi|odos)"
)
# A street name with its type joined on: "Bahnhofstrasse", "Lumbyholmvej", "Storgatan", "Kankaanpääntie" (not
# "Katie": "tie" needs a long stem).
_GLUED_STREET = (
    r"(?:[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿā-ž]+(?:strasse|straße|gasse|weg|vej|vei|veien|veg|vegen|gatan|gata|gade|vägen|"
    r"straat|laan|katu|kuja|utca|allee)|[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿā-ž]{4,}tie)"
)
_PARTICLE = r"(?:de|del|la|le|du|des|da|do|dos|das|di|dei|della|van|von)"
# Street words that start nothing but a street name ("via", "route" or "plaza" may: "sent 5 via Email").
_STREET_WORDS_ONLY = (
    r"(?i:rue|calle|avenida|rua|ulica|ul\.|strada|chemin|chaussée|allée|boulevard|piazza|praça|carrer|camino|"
    r"carretera|viale|corso|straße|strasse|avenue|impasse|quai|route(?=[ \t]+(?:de|du|des|d['’])))"
)
STREET_WORD = (
    rf"(?:{_CAP}|{_STREET_WORDS}|{_LOWER_STREET_TYPES}|de|del|la|le|du|da|do|dos|das|di|van|von|der|den|and|og|i|y|e|"
    r"della|delle|degli|dello|dei|dalla|dal|\d{1,4})"
)
# The first word of a street's name: a capitalized word, or an ordinal ("184th Street", "5th Avenue").
_NAME_START = rf"(?:{_CAP}|\d{{1,4}}(?:st|nd|rd|th)\b)"
_SP = r"(?:[ \t]+\n?[ \t]*|\n[ \t]*)"  # white space with at most one line break
ADDRESS_ANCHORS = [
    # 12 Main Street | 7005 Avenida Lago 99 | 6137 Akurgerði 6 | 1497 32 Chemin Des Bateliers (one line)
    # ("via" and "route" in lower case after a number are prepositions: "sent 5 via Email and 3")
    rf"(?<![\w.,\-])\d{{1,6}}[A-Za-z]?(?:{_SP}\d{{1,5}})?,?{_SP}(?:(?!via\b|route\b){_STREET_WORDS}{_SP})?"
    rf"{_NAME_START}(?:{_SP}{STREET_WORD}){{0,5}}?"
    rf"(?:{_SP}(?:{STREET_SUFFIXES})\b\.?|{_SP}\d{{1,6}}[A-Za-z]?\b)",
    # Via Pasquale Scura 127 | ul. Asnyka Adama 82 (a street word first)
    rf"(?<![\w\-])(?!via\b|route\b)(?i:{_STREET_WORDS}){_SP}{_CAP}(?:{_SP}{STREET_WORD}){{0,4}}?{_SP}\d{{1,6}}[A-Za-z]?\b",
    # 5778 82 rue Ernest Renan | 12 Calle Mayor (a house number, then a street word nothing else starts with)
    rf"(?<![\w.,\-])\d{{1,6}}[A-Za-z]?(?:{_SP}\d{{1,5}})?,?[ \t]+{_STREET_WORDS_ONLY}"
    rf"(?:[ \t]+{_PARTICLE})*[ \t]+(?:[ld]['’])?{_CAP}(?:[ \t]+(?:{_CAP}|{_PARTICLE}|[ld]['’]{_CAP})){{0,4}}",
    # Bem rakpart 81 | Martin Linges veg 149 (the street type in lower case, then the number; no house number)
    rf"(?<![\w\-])(?:{_CAP}[ \t]+){{0,2}}{_CAP}[ \t]+{_LOWER_STREET_TYPES}[ \t]+\d{{1,5}}[A-Za-z]?\b",
    # Lumbyholmvej 46 | Untere Bahnhofstrasse 6 | Kankaanpääntie 40 (a street type joined to the name)
    rf"(?<![\w\-])(?:{_CAP}[ \t]+){{0,2}}{_GLUED_STREET}[ \t]+\d{{1,5}}[A-Za-z]?\b",
    # US military addresses: Unit 4670 Box 6562 / PSC 2353, Box 6937 / USNS Šimić; then APO AA 17229
    r"(?:(?:Unit|PSC|CMR)\s+\d{3,5},?\s+Box\s+\d{3,5}|(?:USNS|USNV|USS|USCGC)\s+[^\W\d_][^\W\d_'’\-]+)"
    r"\s*(?:\n|\\n|,)?\s*[ADF]PO\s+A[AEP]\s+\d{5}",
]
_ADDRESS_CUE = (
    r"(?i:address(?:\s+is)?|lives?\s+(?:at|on|in)|located\s+(?:at|on)|sent\s+to|send\s+it\s+to|"
    r"ship(?:ped)?\s+(?:it\s+)?to|moved\s+to|arrived\s+at|office\s+is\s+at|is\s+on|reside\s+at|"
    r"enter(?:s|ed)?\s+(?:on|at|from))"
    # "lives on the north side of Bairro St António 69"
    r"(?:\s+the\s+(?i:north|south|east|west|northern|southern|eastern|western|far|other)\s+(?i:side|end)\s+of)?"
)
CUED_STREET = rf"{_ADDRESS_CUE}\s*:?\s*({_CAP}(?:[ \t]+{STREET_WORD}){{0,4}}?[ \t]+\d{{1,6}}[A-Za-z]?)\b"
# What may follow a street line inside one address: a unit, a city, a region code, a country, a ZIP.
POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}\b"  # UK-style: N8 7QP, SW1A 1AA
# Small words inside place names: "Bystré u Policky", "Vyskytná nad Jihlavou", "Dol pri Ljubljani",
# "Frankfurt am Main", "Ivry-sur-Seine", "Stratford upon Avon".
_PLACE_PARTICLE = (
    r"(?:de|la|del|do|da|di|du|des|le|les|sur|sous|lès|am|an|im|der|bei|ob|upon|u|nad|pod|pri|na|"
    r"and(?:[ \t]+the)?|"  # a country's name: "Bosnia and Herzegovina", "Saint Vincent and the Grenadines",
    # "Democratic Republic of the Congo", "Kingdom of the Netherlands", "Federated States of Micronesia"
    r"(?:(?<=Republic[ \t])|(?<=Kingdom[ \t])|(?<=States[ \t])|(?<=Isle[ \t])|(?<=Islands[ \t]))"
    r"of(?:[ \t]+the)?)"
)
ADDRESS_TAIL = re.compile(
    rf"(?:[ \t]*,?[ \t]*(?:\n[>?*•|}}\-]*)?[ \t]*,?[ \t]*)"
    rf"(?:{_UNIT}|{POSTCODE}|{_CAP}(?:(?:[ \t]+(?!{POSTCODE})(?:{_CAP}|{_PLACE_PARTICLE})|/{_CAP}))*"
    r"(?:[ \t]+\([A-Z][a-z]+\))?|"
    r"[A-Z]{2,3}|nan|\d{2,6}(?:-\d{3,4})?(?![ \t]*[\d(]|[-.]\d))(?![\w@])"
)


# The last line of a postal address may follow a blank line: a country or city with its postal code
# ("Salumäe\n\nEstonia 86939", "Vienna\n\n1010 Wien"); only that shape crosses the blank line.
_PLACE_AND_CODE = rf"{_CAP}(?:[ \t]+(?:{_CAP}|{_PLACE_PARTICLE})){{0,3}}(?:[ \t]+\([A-Z][a-z]+\))?"
LAST_LINE_AFTER_BLANK = re.compile(
    rf"[ \t]*\n[ \t]*\n[{re.escape(LINE_JUNK)}]*"
    rf"(?:{_PLACE_AND_CODE}[ \t]+\d{{4,6}}|\d{{4,6}}[ \t]+{_PLACE_AND_CODE})"
    r"[ \t]*(?=\n|$)"
)


# A day and a month: before a year or a time ("19 May 2025 10:30" has the shape of "12 Main Street 4"), or
# a month's whole name before no street type ("FROM FRIDAY 20 MARCH UNTIL MONDAY 30 MARCH" in an all-caps
# notice; not "10 May Lane").
DATE_LIKE = re.compile(
    r"\d{1,2}(?:st|nd|rd|th)?\s+(?:(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|"
    r"(?i:january|february|march|april|may|june|july|august|september|october|november|december)\b"
    rf"(?!\s+(?i:{STREET_SUFFIXES})\b))"
)


STREET_NAME = re.compile(r"[^\W\d_]{3,}")
