"""Recognizers Presidio lacks: street addresses, ZIP codes, organization-specific identifiers by regex."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult

from anonymize.name_cues import NOT_A_NAME, NameCueRecognizer, SpeakerLabelRecognizer
from anonymize.names import LINE_JUNK

_SUFFIXES = (
    "Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Terrace|Ter|"
    "Parkway|Pkwy|Circle|Cir|Highway|Hwy|Square|Sq|Trail|Trl|Plaza|Alley|Row|Close|Crescent|Loop"
)
_STREET = (
    r"\b\d{1,6}[A-Za-z]?\s+(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s+)?"
    r"(?:[A-Z0-9][A-Za-z0-9.'-]*\s+){1,4}"
    rf"(?:{_SUFFIXES})\b\.?"
    r"(?:,?\s+(?:Apt|Apartment|Suite|Ste|Unit|Floor|Fl|#)\.?\s*#?[A-Za-z0-9-]+)?"
    r"(?:,\s*[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+){0,2})?"
    r"(?:,?\s+[A-Z]{2})?(?:,?\s+\d{5}(?:-\d{4})?)?"
)


class StreetAddressRecognizer(PatternRecognizer):
    """House number, street name and suffix, with optional unit, city, state and ZIP."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="STREET_ADDRESS",
            name="StreetAddressRecognizer",
            patterns=[Pattern("street_address", _STREET, 0.65)],
            context=["address", "lives", "live", "located", "street", "mail", "ship", "residence", "home"],
            global_regex_flags=re.M,  # case-sensitive: "Road\n    Lo" is not a city
        )


class ZipCodeRecognizer(PatternRecognizer):
    """US ZIP and ZIP+4, weak alone, strengthened by context words; UK postcodes by their shape."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="ZIP_CODE",
            name="ZipCodeRecognizer",
            patterns=[
                Pattern("zip_plus4", r"\b\d{5}-\d{4}\b", 0.4),
                Pattern("zip5", r"\b\d{5}\b", 0.2),
                # UK postcodes have a shape of their own: "SW1A 1AA", "PH36 9QH".
                Pattern("uk_postcode", r"\b[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}\b", 0.6),
            ],
            context=["zip", "zipcode", "postal", "postcode", "zip code", "post code"],
        )


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


class WrittenDateRecognizer(PatternRecognizer):
    """Dates written with a month name: "March 3, 2021", "3rd March 2021", "March 2021". The NER model often
    tags only "March 3"; this span, scored higher, contains it and replaces it."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="DATE_TIME",
            name="WrittenDateRecognizer",
            patterns=[
                Pattern("month_day_year", rf"\b{_MONTH}[ \t]+{_DAY},?[ \t]+(?:1[6-9]|2\d)\d\d\b", 0.9),
                Pattern(
                    "day_month_year", rf"\b{_DAY}[ \t]+(?:of[ \t]+)?{_MONTH},?[ \t]+(?:1[6-9]|2\d)\d\d\b", 0.9
                ),
                Pattern("month_year", rf"\b{_MONTH}[ \t]+(?:1[6-9]|2\d)\d\d\b", 0.86),
            ],
        )


@dataclass
class CustomIdentifier:
    """An organization-specific identifier, e.g. employee IDs ``EMP-\\d{6}``, configured by regex."""

    entity_type: str
    regex: str
    score: float = 0.8
    context: list[str] = field(default_factory=list)


def custom_recognizers(identifiers: list[CustomIdentifier]) -> list[PatternRecognizer]:
    return [
        PatternRecognizer(
            supported_entity=item.entity_type,
            name=f"Custom{item.entity_type.title().replace('_', '')}Recognizer",
            patterns=[Pattern(item.entity_type.lower(), item.regex, item.score)],
            context=item.context or None,
        )
        for item in identifiers
    ]


class PhoneFormatRecognizer(PatternRecognizer):
    """North-American phone formats, including numbers libphonenumber rejects (555 exchanges, test ranges)."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="PHONE_NUMBER",
            name="PhoneFormatRecognizer",
            patterns=[
                Pattern("nanp_paren", r"(?<!\w)\(\d{3}\)\s?\d{3}[-.\s]\d{4}\b", 0.6),
                Pattern("nanp_sep", r"(?<![\w-])(?:\+?1[-.\s])?\d{3}[-.]\d{3}[-.]\d{4}\b", 0.55),
                Pattern("nanp_space", r"(?<![\w-])(?:\+?1\s)?\d{3}\s\d{3}\s\d{4}\b", 0.4),
            ],
            context=["phone", "call", "tel", "telephone", "mobile", "cell", "fax", "reach", "contact", "ext"],
        )


class SsnFormatRecognizer(PatternRecognizer):
    """SSN-shaped numbers near SSN context words, including ranges the stock recognizer deems invalid."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="US_SSN",
            name="SsnFormatRecognizer",
            patterns=[Pattern("ssn_dashed", r"\b\d{3}-\d{2}-\d{4}\b", 0.45)],
            context=["ssn", "social", "security", "ss#", "taxpayer", "ssns"],
        )


# Numbers that have a phone's shape in scientific and financial text: ranges of decimals ("1.99-11.07",
# "0.0390508"), ranges of years ("1977-2007"), a decimal with many places.
_NOT_PHONE = re.compile(
    r"^\d+\.\d+\s?[-–]\s?\d+\.\d+$|^(?:1[89]|20)\d\d\s?[-–]\s?(?:1[89]|20)?\d\d$|^\d{1,3}\.\d{3,}$"
)


def plausible_phone(text: str) -> bool:
    """7 to 15 digits before any extension, and not a range of decimals or years."""
    main = re.split(r"\s?(?:x|ext\.?|#)\s?\d", text)[0]
    return 7 <= len(_digits(main)) <= 15 and not _NOT_PHONE.match(text.strip())


class InternationalPhoneRecognizer(PatternRecognizer):
    """E.164-style numbers written with a leading + and grouped digits (e.g. +44 20 7946 0958)."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="PHONE_NUMBER",
            name="InternationalPhoneRecognizer",
            patterns=[Pattern("intl", r"(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,5}\b", 0.55)],
            context=["phone", "call", "tel", "telephone", "mobile", "cell", "fax", "reach", "contact"],
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        return plausible_phone(pattern_text)


class LabeledValueRecognizer(EntityRecognizer):
    """A value right after a label (``Driver's licence: WDL7Q2M4X9PB``); the span covers the value only."""

    def __init__(self, entity_type: str, label_regex: str, value_regex: str, score: float = 0.7) -> None:
        super().__init__(
            supported_entities=[entity_type], name=f"Labeled{entity_type.title().replace('_', '')}"
        )
        self._pattern = re.compile(
            rf"(?:{label_regex})\s*(?:number|no\.?|num|#)?\s*(?:[:#]|is\b|was\b)?\s*({value_regex})", re.I
        )
        self._entity = entity_type
        self._score = score

    def load(self) -> None:  # nothing to load
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if self._entity not in entities:
            return []
        return [
            RecognizerResult(self._entity, m.start(1), m.end(1), self._score)
            for m in self._pattern.finditer(text)
        ]


class EmailHeaderNameRecognizer(EntityRecognizer):
    """``Jane Doe <jane@x.com>`` and ``From: Jane Doe`` in mail headers: names NER models often miss."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], name="EmailHeaderNameRecognizer")
        self._pattern = re.compile(
            r"(?:(?:^|\n)\W*(?:From|To|Cc|Bcc|Reply-To|Sender|Attn)\W*:\W*|(?<=[;,]\s))?"
            r"([A-Z][a-zA-Z'.-]+(?:\s[A-Z][a-zA-Z'.-]+){1,2})\s*<[^<>@\s]+@[^<>\s]+>"
        )

    def load(self) -> None:  # nothing to load
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if "PERSON" not in entities:
            return []
        return [RecognizerResult("PERSON", m.start(1), m.end(1), 0.75) for m in self._pattern.finditer(text)]


def builtin_recognizers() -> list[EntityRecognizer]:
    """Every recognizer privrag adds to Presidio's defaults."""
    return [
        StreetAddressRecognizer(),
        ZipCodeRecognizer(),
        WrittenDateRecognizer(),
        PhoneFormatRecognizer(),
        InternationalPhoneRecognizer(),
        SsnFormatRecognizer(),
        EmailHeaderNameRecognizer(),
        LabeledValueRecognizer(
            "US_DRIVER_LICENSE",
            r"driver'?s?\s+licen[cs]e(?:\s*\([A-Z]{2}\))?|driving\s+licen[cs]e|(?-i:\bDL\b)",
            r"(?=[A-Za-z-]*\d)[A-Za-z0-9][A-Za-z0-9-]{4,19}\b",
        ),
        LabeledValueRecognizer(
            "ZIP_CODE",
            r"\b(?:zip|postal|post)[ -]?code|\bzip\b|\bpostcode",
            # 90210, 90210-1234, 920 25, 00-423 (Poland), 6250-120 (Portugal), N8 7QP: after the label, a
            # postal code, not a phone number.
            rf"\d{{2}}-\d{{3}}\b|\d{{3,5}}(?:-\d{{3,4}}|[ ]\d{{2,3}}(?![\d.,]))?\b|{_POSTCODE}",
            0.6,
        ),
        CornerAddressRecognizer(),
        LabeledValueRecognizer("US_SSN", r"\bSSN|social\s+security", r"\d{3}-?\d{2}-?\d{4}"),
        GenericPhoneRecognizer(),
        ShortPhoneRecognizer(),
        CardNumberFormatRecognizer(),
        IbanAnyCaseRecognizer(),
        AddressBlockRecognizer(),
        NameCueRecognizer(),
        SpeakerLabelRecognizer(),
        PlaceCueRecognizer(),
        PlaceInNameRecognizer(),
        CompanyFormRecognizer(),
    ]


# --- formats stock Presidio misses (international phones, cards without a valid checksum, addresses) ---

_PHONE_CONTEXT = [
    "phone",
    "call",
    "tel",
    "telephone",
    "mobile",
    "cell",
    "fax",
    "reach",
    "contact",
    "desk",
    "office",
    "number",
    "message",
    "text",
    "sms",
    "registered",
    "answering",
]


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


class GenericPhoneRecognizer(PatternRecognizer):
    """Grouped phone numbers of any country (7-15 digits), with +code, (area) and x extension.

    Dates (2021-03-04), IPv4 addresses, SSNs and card numbers have their own shapes and are rejected here.
    """

    _DATE = re.compile(r"^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$")
    _IPV4 = re.compile(r"^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$")
    _SSN = re.compile(r"^\d{3}-\d{2}-\d{4}$")

    def __init__(self) -> None:
        group = r"(?:\(\d{1,5}\)|\d{1,8})"
        sep = r"(?:[ \t]?[-.][ \t]?|[ \t]|(?<=\)))"
        super().__init__(
            supported_entity="PHONE_NUMBER",
            name="GenericPhoneRecognizer",
            patterns=[
                Pattern(
                    "grouped",
                    rf"(?<![\w+.\-/:])(?:\+|00)?{group}(?:{sep}(?:\(0\)[ \t]?)?{group}){{1,5}}"
                    r"(?:[ \t]?(?:x|ext\.?|#)[ \t]?\d{1,6})?(?![\w/:]|[.\-]\d)",
                    0.5,
                ),
                Pattern(
                    "plain", r"(?<![\w+.\-/])(?:\d{10,11}|\+\d{10,13})(?:x\d{1,6})?(?![\w/:]|[.\-]\d)", 0.4
                ),
            ],
            context=_PHONE_CONTEXT,
            global_regex_flags=re.M,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        if not plausible_phone(pattern_text):
            return False
        text = pattern_text.strip()
        if self._DATE.match(text) or self._IPV4.match(text) or self._SSN.match(text):
            return False
        return not re.fullmatch(r"\d{4}[ -]\d{4}[ -]\d{4}[ -]?\d{0,7}", text)  # a card number's shape


class ShortPhoneRecognizer(PatternRecognizer):
    """Six-digit local numbers in pairs ("61 60 34"): counted only next to a phone context word."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="PHONE_NUMBER",
            name="ShortPhoneRecognizer",
            patterns=[Pattern("pairs", r"(?<![\w+.\-/:])\d{2}([ .])\d{2}\1\d{2}(?![\w/:]|[ .\-]\d)", 0.3)],
            context=_PHONE_CONTEXT,
            global_regex_flags=re.M,
        )


class CardNumberFormatRecognizer(PatternRecognizer):
    """Card-shaped numbers (12-19 digits, plain or in groups of 4) that fail the Luhn check.

    Presidio's recognizer rejects numbers with a bad checksum; a typo or a test number is still a card
    number to protect, so these count with a lower score, raised by context words.
    """

    def __init__(self) -> None:
        super().__init__(
            supported_entity="CREDIT_CARD",
            name="CardNumberFormatRecognizer",
            patterns=[
                Pattern("grouped", r"(?<![\w.\-])\d{4}([ -])\d{4}\1\d{4}\1\d{1,7}(?![\w\-]|[ -.]\d)", 0.5),
                Pattern("amex", r"(?<![\w.\-])\d{4}([ -])\d{6}\1\d{5}(?![\w\-]|\.\d)", 0.5),
                Pattern("plain", r"(?<![\w.\-+])\d{12,19}(?![\w\-]|\.\d)", 0.45),
            ],
            context=[
                "card",
                "cc",
                "credit",
                "debit",
                "visa",
                "mastercard",
                "amex",
                "charge",
                "expires",
                "cvv",
            ],
            global_regex_flags=re.M,
        )


class IbanAnyCaseRecognizer(PatternRecognizer):
    """IBANs written in lower case or with spaces, validated by the ISO 13616 mod-97 checksum."""

    def __init__(self) -> None:
        super().__init__(
            supported_entity="IBAN_CODE",
            name="IbanAnyCaseRecognizer",
            patterns=[Pattern("iban", r"(?<![\w])[A-Za-z]{2}\d{2}(?:\s?[A-Za-z0-9]{2,4}){3,8}(?![\w])", 0.6)],
            context=["iban", "bank", "account", "transfer", "wire"],
            global_regex_flags=re.M,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        code = re.sub(r"\s", "", pattern_text).upper()
        if not 15 <= len(code) <= 34:
            return False
        rearranged = code[4:] + code[:4]
        number = "".join(str(int(ch, 36)) for ch in rearranged)
        return int(number) % 97 == 1


# Words that start a street name in many languages, and unit designators.
_STREET_WORDS = (
    r"(?:ul\.|ulica|rue|via|viale|calle|avenida|av\.|avda\.|rua|r\.|strada|straße|strasse|"
    r"chemin|chaussée|route|allée|boulevard|bd\.|plaza|praça|piazza|corso|carrer|camino|carretera|ctra\.)"
)
_UNIT = r"(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Flat|Floor|Fl\.|Box|P\.?O\.?\s?Box|#)\s?\d{1,6}[A-Za-z]?"
CAPITAL_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ſΑ-ΩА-Я][\w'’.\-]*"  # a capitalized word (Latin, Greek, Cyrillic)
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
_WORD = (
    rf"(?:{_CAP}|{_STREET_WORDS}|{_LOWER_STREET_TYPES}|de|del|la|le|du|da|do|dos|das|di|van|von|der|den|and|og|i|y|e|"
    r"\d{1,4})"
)
_SP = r"(?:[ \t]+\n?[ \t]*|\n[ \t]*)"  # white space with at most one line break
_ADDRESS_ANCHORS = [
    # 12 Main Street | 7005 Avenida Lago 99 | 6137 Akurgerði 6 | 1497 32 Chemin Des Bateliers (one line)
    # ("via" and "route" in lower case after a number are prepositions: "sent 5 via Email and 3")
    rf"(?<![\w.,\-])\d{{1,6}}[A-Za-z]?(?:{_SP}\d{{1,5}})?,?{_SP}(?:(?!via\b|route\b){_STREET_WORDS}{_SP})?"
    rf"{_CAP}(?:{_SP}{_WORD}){{0,5}}?"
    rf"(?:{_SP}(?:{_SUFFIXES})\b\.?|{_SP}\d{{1,6}}[A-Za-z]?\b)",
    # Via Pasquale Scura 127 | ul. Asnyka Adama 82 (a street word first)
    rf"(?<![\w\-])(?!via\b|route\b)(?i:{_STREET_WORDS}){_SP}{_CAP}(?:{_SP}{_WORD}){{0,4}}?{_SP}\d{{1,6}}[A-Za-z]?\b",
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
_CUED_STREET = rf"{_ADDRESS_CUE}\s*:?\s*({_CAP}(?:[ \t]+{_WORD}){{0,4}}?[ \t]+\d{{1,6}}[A-Za-z]?)\b"
# What may follow a street line inside one address: a unit, a city, a region code, a country, a ZIP.
_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}\b"  # UK-style: N8 7QP, SW1A 1AA
# Small words inside place names: "Bystré u Policky", "Vyskytná nad Jihlavou", "Dol pri Ljubljani",
# "Frankfurt am Main", "Ivry-sur-Seine", "Stratford upon Avon".
_PLACE_PARTICLE = (
    r"(?:de|la|del|do|da|di|du|des|le|les|sur|sous|lès|am|an|im|der|bei|ob|upon|u|nad|pod|pri|na)"
)
_ADDRESS_TAIL = re.compile(
    rf"(?:[ \t]*,?[ \t]*(?:\n[>?*•|}}\-]*)?[ \t]*,?[ \t]*)"
    rf"(?:{_UNIT}|{_POSTCODE}|{_CAP}(?:(?:[ \t]+(?!{_POSTCODE})(?:{_CAP}|{_PLACE_PARTICLE})|/{_CAP}))*"
    r"(?:[ \t]+\([A-Z][a-z]+\))?|"
    r"[A-Z]{2,3}|nan|\d{2,6}(?:-\d{3,4})?(?![ \t]*[\d(]|[-.]\d))(?![\w@])"
)


# The last line of a postal address may follow a blank line: a country or city with its postal code
# ("Salumäe\n\nEstonia 86939", "Vienna\n\n1010 Wien"); only that shape crosses the blank line.
_PLACE_AND_CODE = rf"{_CAP}(?:[ \t]+(?:{_CAP}|{_PLACE_PARTICLE})){{0,3}}(?:[ \t]+\([A-Z][a-z]+\))?"
_LAST_LINE_AFTER_BLANK = re.compile(
    rf"[ \t]*\n[ \t]*\n[{re.escape(LINE_JUNK)}]*"
    rf"(?:{_PLACE_AND_CODE}[ \t]+\d{{4,6}}|\d{{4,6}}[ \t]+{_PLACE_AND_CODE})"
    r"[ \t]*(?=\n|$)"
)


_DATE_LIKE = re.compile(
    r"\d{1,2}(?:st|nd|rd|th)?\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
)


_STREET_NAME = re.compile(r"[^\W\d_]{3,}")


class AddressBlockRecognizer(EntityRecognizer):
    """Street addresses in US and international formats, extended over unit, city, region, country, ZIP.

    Anchors: a house number with a street name and a suffix or a trailing number, a street word such as
    "Via" or "ul." with a number, a military address, or a street with a number after an address cue
    ("lives at", "address:"). The span then takes the following lines of the same address.
    """

    def __init__(self) -> None:
        super().__init__(supported_entities=["STREET_ADDRESS"], name="AddressBlockRecognizer")
        self._anchors = [re.compile(p) for p in _ADDRESS_ANCHORS]
        self._cued = re.compile(_CUED_STREET)

    def load(self) -> None:  # nothing to load
        return None

    def _extend(self, text: str, end: int) -> int:
        while True:
            match = _ADDRESS_TAIL.match(text, end)
            if match is None or match.end() == end:
                last = _LAST_LINE_AFTER_BLANK.match(text, end)
                return last.end() if last else end
            following = text[match.end() : match.end() + 1]
            if following.isalpha() and following.islower() and not text[match.end() - 1].isspace():
                return end
            end = match.end()

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if "STREET_ADDRESS" not in entities:
            return []
        found: list[tuple[int, int, float]] = []
        for pattern in self._anchors:
            found.extend((m.start(), m.end(), 0.6) for m in pattern.finditer(text))
        found.extend((m.start(1), m.end(1), 0.55) for m in self._cued.finditer(text))
        results = []
        for start, end, score in found:
            if _DATE_LIKE.match(text, start):
                continue  # "19 May 2025 10:30" has the shape of "12 Main Street 4"
            if not _STREET_NAME.search(text, start, end):
                continue  # "24 X 9", "6 X 5": dimensions, not a street
            end = self._extend(text, end)
            while end > start and text[end - 1] in " ,\n\t":
                end -= 1
            results.append(RecognizerResult("STREET_ADDRESS", start, end, score))
        return results


class CornerAddressRecognizer(EntityRecognizer):
    """ "the corner of Main Street and 5th Avenue": both streets, as one address."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["STREET_ADDRESS"], name="CornerAddressRecognizer")
        street = rf"(?:\d{{1,6}}[ \t]+)?{_CAP}(?:[ \t]+(?:{_WORD}|{_SUFFIXES}\.?)){{0,5}}"
        self._pattern = re.compile(rf"\b(?i:the\s+)?(?i:corner\s+of)\s+{street}(?:,)?\s+and\s+{street}")

    def load(self) -> None:  # nothing to load
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if "STREET_ADDRESS" not in entities:
            return []
        return [
            RecognizerResult("STREET_ADDRESS", m.start(), m.end(), 0.6)
            for m in self._pattern.finditer(text)
            if _STREET_NAME.search(m.group())
        ]


_PLACE_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ſΑ-ΩА-Я][\w'’\-]*"
_PLACE = rf"{_PLACE_WORD}(?:[ \t]+(?:{_PLACE_WORD}|de|la|del|do|da|im|am|an|upon|sur|nad|pod|le|les)){{0,3}}"
_PLACE_CUE = (
    r"(?i:moved\s+(?:here\s+)?from|originally\s+from|grew\s+up\s+in|(?:was\s+)?born\s+in|lives?\s+in|"
    r"living\s+in|flew\s+to|arrived\s+at|arrived\s+in|travell?ing\s+to|travell?ed\s+to|based\s+in|"
    r"home\s+(?:city|town)|I['’]m\s+in|I\s+am\s+in|returned\s+to|relocated\s+to|headquartered\s+in)"
)


class _PlacePatterns(EntityRecognizer):
    """LOCATION for the first group of each pattern's matches, unless ``_refused`` says otherwise."""

    def __init__(self, name: str, patterns: list[str], score: float) -> None:
        super().__init__(supported_entities=["LOCATION"], name=name)
        self._patterns = [re.compile(p) for p in patterns]
        self._score = score

    def load(self) -> None:  # nothing to load
        return None

    def _refused(self, place: str) -> bool:
        return False

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if "LOCATION" not in entities:
            return []
        return [
            RecognizerResult("LOCATION", m.start(1), m.end(1), self._score)
            for pattern in self._patterns
            for m in pattern.finditer(text)
            if not self._refused(m.group(1))
        ]


class PlaceCueRecognizer(_PlacePatterns):
    """Places right after a cue that only places follow ("grew up in OSLO", "moved here from Martna")."""

    def __init__(self) -> None:
        super().__init__("PlaceCueRecognizer", [rf"\b{_PLACE_CUE}[ \t]+(?!{NOT_A_NAME}\b|\d)({_PLACE})"], 0.6)

    def _refused(self, place: str) -> bool:
        return len(place) < 2


# Places named inside the name of a bridge, a club, a university or a street: "Fartouna bridge", "Albany
# Country Club", "the University of Limassol", "Viva Crescent Street" (a street named without a number).
_NAMED_AFTER_PLACE = [
    rf"(?<![\w\-])({_PLACE})[ \t]+(?:bridge|Bridge)\b",
    rf"(?<![\w\-])({_PLACE})[ \t]+(?:Country|Golf|Yacht|Tennis|Cricket|Rowing)[ \t]+Club\b",
    rf"\bUniversity[ \t]+of[ \t]+({_PLACE})",
    rf"(?<![\w\-])(?<!\d[ \t])({_PLACE}[ \t]+"
    r"(?:Street|Avenue|Road|Boulevard|Terrace|Parkway|Highway|Crescent))\b(?![ \t]*\d)",
]
_NOT_A_PLACE_START = re.compile(rf"(?:{NOT_A_NAME}|[A-Z][a-z]?)")


class PlaceInNameRecognizer(_PlacePatterns):
    """The place a bridge, a club, a university or a street is named after (the NER model often reads these
    names as a person or an organization)."""

    def __init__(self) -> None:
        super().__init__("PlaceInNameRecognizer", _NAMED_AFTER_PLACE, 0.55)

    def _refused(self, place: str) -> bool:
        return bool(_NOT_A_PLACE_START.fullmatch(place.split()[0]))


_COMPANY_WORD = r"(?:[A-Z0-9][\w&'’.\-/+]*|&)"
_COMPANY_FORM = (
    r"(?:Inc|INC|Ltd|LTD|Corp|CORP|Corporation|CORPORATION|PLC|Plc|plc|LLC|L\.L\.C|S\.A|SA|AG|GmbH|NV|N\.V|"
    r"ASA|SPA|S\.p\.A|Co\.\s?Ltd|CO\.\s?LTD|Limited|LIMITED|Holdings|HOLDINGS|Group|GROUP)"
)


class CompanyFormRecognizer(EntityRecognizer):
    """Capitalized names that end with a company form ("RAIZNEXT Corporation", "Facebank Group Inc.")."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["ORGANIZATION"], name="CompanyFormRecognizer")
        self._pattern = re.compile(
            rf"(?<![\w&])((?:{_COMPANY_WORD}[ \t]+){{0,5}}?{_COMPANY_WORD}?(?:[ \t]|(?<=[a-zA-Z]))"
            rf"{_COMPANY_FORM}\.?)(?:,?[ \t]+{_COMPANY_FORM}\.?)?(?![\w&])"
        )

    def load(self) -> None:  # nothing to load
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if "ORGANIZATION" not in entities:
            return []
        results = []
        for m in self._pattern.finditer(text):
            start = m.start(1)
            # Not the sentence's first word alone ("The Group"), nor a company form with nothing before it.
            name = m.group(1)
            words = name.split()
            if len(words) < 2 and not re.match(r"[A-Z0-9]{2,}[a-z]*(?:INC|Inc|GROUP|HOLDINGS)", name):
                continue
            if words[0] in ("The", "the", "A", "An", "Our", "My", "This") and len(words) < 3:
                continue
            results.append(RecognizerResult("ORGANIZATION", start, m.end(), 0.55))
        return results
