"""Which detected results to keep: a score threshold per type, then one rule per entity type.

The small NER model and Presidio's stock recognizers report words that are no personal data ("Email" as a
person, "SSN" as an organization, "this morning" as a date); these rules drop them.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymize.abbreviations import defined_short_form
from anonymize.article_nouns import article_and_noun
from anonymize.detector_config import DetectorConfig
from anonymize.foreign_cells import foreign_cell
from anonymize.gazetteer import known_place
from anonymize.honorifics import after_title, honorific_only
from anonymize.language_names import spoken_language
from anonymize.name_lexicon import COMMON_ZIPF, NameLexicon
from anonymize.names import plausible_person
from anonymize.person_cues import ROLE_TITLES, role_before
from anonymize.recognizers.caps_in_line import RECOGNIZER as CAPS_IN_LINE
from anonymize.recognizers.honorific_names import RECOGNIZER as HONORIFIC
from anonymize.recognizers.honorific_names import SUFFIXED
from anonymize.recognizers.inverted_names import RECOGNIZER as INVERTED
from anonymize.recognizers.lower_names import RECOGNIZER as LOWER_CASE
from anonymize.recognizers.lower_names import everyday_word
from anonymize.recognizers.name_evidence import IN_PERSON_SLOT, SITUATED, title_caps
from anonymize.recognizers.name_evidence import RECOGNIZER as EVIDENCE
from anonymize.recognizers.word_slots import series_member
from anonymize.results import recognizer_name, tier
from anonymize.term_words import used_as_term
from anonymize.text import COMPANY_WORD, STOP_WORDS, words

# Words the small spaCy model tags as PERSON in headers and tables ("Email", "Name", ...), and weekdays
# ("Date: Wed, 7 May").
NOT_NAMES = words(
    """
    email e-mail name names phone mobile role title date subject from to cc bcc re fwd fw memo note notes
    owner contact ssn iban ip address dear hi hello thanks regards team manager director
    mon tue tues wed thu thur thurs fri monday tuesday wednesday thursday friday saturday sunday
    """
)
# Words the model takes into a name before it: verbs of address, greetings, titles ("Call Jane Doe").
NAME_PREFIXES = words(
    """
    call contact ask email e-mail dear hi hello hey thanks thank meet please ping tell text attn mr mrs ms
    miss mx dr prof sir madam
    """
)
# No word of a name found by its other mentions or in a list of names.
NOT_NAME_WORDS = STOP_WORDS | NOT_NAMES | NAME_PREFIXES
# Abbreviations the small spaCy model tags as ORGANIZATION ("my SSN: ...", "this IBAN ...").
NOT_ORGANIZATIONS = words("ssn ssns iban ip id dob pin cvv zip url vpn bic swift atm pto")
# Abbreviations of everyday business, science and computing that name no organization ("ASAP", "CEO", "PCR").
NOT_ACRONYM_ORGANIZATIONS = words(
    """
    asap fyi faq tba tbd eta rsvp aka diy ceo cfo cto coo cio hr pdf csv usd eur gbp jpy chf gdp cpi ipo nda
    kpi roi sla api sql ssl gps dna rna pcr mri hiv aids usa uae ussr gmt utc edt est cet pst rbi dds phd mba
    cpa esq vat agm egm gdpr kyc aml eod cob ooo
    """
)
# Capitals or a joining mark next to it: the acronym is a piece of a longer name in capitals ("ETFS COMM/1X").
_CAPITALS_NEXT = re.compile(r"[ \t]*[/&+-]|[ \t]+[A-Z0-9]{2,}\b")
_CAPITALS_BEFORE = re.compile(r"(?:\b[A-Z0-9]{1,}[ \t]+|[/&+-][ \t]*)$")
_PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|near)[ \t]+$")
_ACRONYM = re.compile(r"[A-Z]{3,6}")
# Everyday words typed in capitals are at least this frequent ("chair" 4.7, "draft" 4.6, "note" 5.0); the
# acronyms of organizations mostly less ("bbc" 4.57, "fifa" 4.2, "osce" 2.9).
_CAPITALIZED_WORD_ZIPF = 4.6
_LINE_WITH_LOWER = re.compile(r"[a-z]")
_MONTHS_DAYS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|"
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b",
    re.I,
)
# A year, a numeric date or a clock time; a bare number ("5072", "the 60s") is not taken for a date.
_DATE_SHAPES = re.compile(r"\b(?:1\d|20)\d\d\b|\d[-/.:]\d|\b\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)", re.I)
_AGE = re.compile(r"\b(?:age[ds]?|years?[ -]old|y/?o|year-old|aged)\b", re.I)
# Presidio's US driver's licence pattern matches "p57", "A1", "rs8099917": kept only after a licence word.
_SITUATED_ZIPF = 3.5  # "Hispanic" 3.97, "Notch" 3.78; "Okafor" 2.55, "Rosalind" 2.93
_FIGURE_BEFORE = re.compile(r"\d[\d,.]*[ \t]*[-–]?[ \t]*$")
_RARE_NAME_ZIPF = 3.0  # "declan" 2.97, "ouyang" 2.2; "gallagher" 3.6 and "rose" 4.5 are English words too
_HANDLE_AROUND = re.compile(r"<[^<>\s]+>|@[^<>\s]+.?", re.S)
_ABBREVIATION_AFTER = re.compile(r"\.[ \t]+[A-Z]")
_LICENCE_WORD = re.compile(r"(?i:\b(?:driv\w*|licen[cs]\w*|permit)\b)|\bDL\b")


def keep(
    text: str,
    result: RecognizerResult,
    config: DetectorConfig,
    technical: bool = False,
    lexicon: NameLexicon | None = None,
    coded: bool = False,
) -> bool:
    """``result`` scores at least its type's threshold and passes its type's rule (``technical``: ``text``
    reads as scientific or technical prose, where the model's person results need more support; ``lexicon``:
    tells a name English does not use, whose lower-case mentions are no common noun; ``coded``: ``text``
    has codes and ids, where the model's one word known to be no name is no person)."""
    if result.score < config.threshold(result.entity_type):
        return False
    value = text[result.start : result.end].strip()
    if result.entity_type == "PERSON":
        if coded and not _one_word_name(text, result, value, lexicon):
            return False
        return _person(text, result, value, technical, lexicon)
    if result.entity_type == "US_DRIVER_LICENSE" and recognizer_name(result) == "UsLicenseRecognizer":
        return bool(_LICENCE_WORD.search(text, max(0, result.start - 60), result.start))
    if result.entity_type == "ORGANIZATION":
        return _organization(text, result, value)
    if result.entity_type == "URL" and "://" not in value and not value.lower().startswith("www."):
        # "example.com", not "CO.LTD", nor the "pedro.al" of a chat handle "<pedro.alves>", nor a whole
        # handle that ends like a domain ("<tuan.ph>" speaking, "@tuan.ph")
        if _HANDLE_AROUND.fullmatch(text, max(0, result.start - 1), min(len(text), result.end + 1)):
            return False
        return value.rsplit(".", 1)[-1].islower() and not text[result.end : result.end + 1].isalpha()
    if result.entity_type == "DATE_TIME":
        # A year, a numeric date or a month/day name; "this morning", "for years" and ages are not dates.
        has_date = bool(_MONTHS_DAYS.search(value) or _DATE_SHAPES.search(value))
        return has_date and not _AGE.search(text[max(0, result.start - 12) : result.end + 10])
    return True


def _person(
    text: str, result: RecognizerResult, value: str, technical: bool, lexicon: NameLexicon | None = None
) -> bool:
    """No header word or greeting, some letter, and a name's shape; two signals (lexicon evidence outside
    technical text) vouch for an evidence result, which in technical text passes the model's filters."""
    name = value.casefold().rstrip(".")
    if name in NOT_NAMES or name in NAME_PREFIXES or not any(ch.isalpha() for ch in value):
        return False
    if honorific_only(value):  # "Sra." before "María José Quispe", "Tan Sri" alone
        return False
    if article_and_noun(text, result.start, result.end, lexicon):
        return False  # "Der Vertrag wurde unterschrieben", "Das Angebot gilt": an article and a noun
    if foreign_cell(text, result.start, result.end, lexicon):
        return False  # "| Fecha | Firma |", "Precio: USD 2.45": a word of the line's language, no name there
    if _SAINT_BEFORE.search(text, max(0, result.start - 8), result.start):
        return False  # "St. Augustine", "Saint-Denis", "San Isidro": a saint or the place named after one
    if defined_short_form(text, value, lexicon):
        return False  # "Scribble (Scrib) ... Scrib binding": a protein's short form
    if _EPONYM_DASH.search(text, max(0, result.start - 30), result.start) or _EPONYM_DASH_AFTER.match(
        text, result.end
    ):
        return False  # "Madin–Darby canine kidney cells", "the Bayh–Dole Act": an eponym's en dash
    if used_as_term(text, value.strip()):
        return False  # "Nanog expression", "Kupffer cells", "Notch signaling": a gene's or a cell's term
    if spoken_language(text, result.start, result.end):
        return False  # "Languages: Tamil, English, Hindi", "speaks Amharic", "the Kurdish version"
    if _PLACE_HEAD.match(value):
        return False  # "Fort Caroline", "Lake Victoria", "Cape Coast": a place named after a person or a word
    if _named_thing(text, result.start, value, lexicon):
        return False  # "the Mitchell Tower", "the King James Bible", "the Private Bill Committees"
    if " " not in value and series_member(text, result.start, result.end):
        return False  # "Apoa, Apob, Apoc", "Bak, Bax": symbols of a series
    evidence = recognizer_name(result) == EVIDENCE
    technical = technical and not after_title(text, result.start)  # "Pak Agus" in a table of codes
    if (evidence and not technical) or recognizer_name(result) in (
        INVERTED,
        LOWER_CASE,
        HONORIFIC,
        SUFFIXED,
        CAPS_IN_LINE,
    ):
        # An inverted name's shape and lexicon hold in tables of codes too; the lower-case names have two
        # signals in a text that is no code as typed ("<tomas.hendry>" truecased reads like an identifier);
        # a booking's "SUZUKI/HIROSHI MR" and a joined "Kobayashi-san" are names by their slot alone.
        return True
    return plausible_person(
        title_caps(text)[result.start : result.end].strip() if evidence else value,
        text,
        from_model=tier(result) == 2 or evidence,
        technical=technical and not (evidence and " " not in value and _situated(text, result, value)),
        hyphenated=evidence
        or (not technical and (_given_then_double(value) or _after_role(text, result.start))),
        rare_name=None if lexicon is None else lambda word: _rare_name(word, lexicon),
    )


_ROLE_BEFORE = role_before(ROLE_TITLES)


def _after_role(text: str, start: int) -> bool:
    """A role or title was cut from right before ``start`` ("Interpreter Vasquez-Lindqvist", "Coach
    Ould-Abdallah"): a hyphenated word after it is a person's double name, as after a cue."""
    return _ROLE_BEFORE.search(text, max(0, start - 40), start) is not None


# A saint's title right before a span: the saint, or the town, church or school named after one ("St.
# Augustine", "Saint-Denis", "San Isidro"), no person the text is about; capitalized as written.
_SAINT_BEFORE = re.compile(r"(?<![\w'’.-])(?:St|Ste|Saint|Sainte|Sankt|San|Santa|São)(?:\.?[ \t]+|-)$")
# Two names joined by an en dash name a method, a law or a cell line after two people ("Michaelis–Menten",
# "Bayh–Dole Act", "Madin–Darby"); a person's double surname takes a hyphen.
_EPONYM_DASH = re.compile(r"[A-Z][\w'’]+–$")
_EPONYM_DASH_AFTER = re.compile(r"–[A-Z]")
# A place's word that starts a place's name before a capitalized word ("Fort Caroline", "Mount Kenya", "Lake
# Victoria", "Cape Coast", "Port Harcourt"); a surname such as Lake or Port follows a given name instead
# (not "Rio" nor "Monte": given names).
_PLACE_HEAD = re.compile(r"(?:Fort|Mount|Mt\.?|Lake|Cape|Port|Puerto|Porto|Lago|Cabo)[ \t]+[A-Z]")


# Nouns that end the name of a thing named after a person or a word: a building, a book, a body, a prize, a
# road or a water (none a surname people commonly bear: "Hall", "House", "Church" and "Park" are not here).
_THING_NOUNS = words(
    """
    tower towers bible bibles committee committees cathedral chapel museum gallery stadium arena airport
    station prize award awards trophy memorial monument library theatre theater quadrangle pavilion palace
    abbey commission parliament senate treaty doctrine syndrome freeway expressway tunnel canal reservoir
    harbour harbor town ave
    """
)


# A determiner or a place's preposition right before the span names a thing or a place: "the Mitchell
# Tower", "in Ifakara Town"; "Ask Kate Tower" and "the CEO Kate Tower" are persons ("the King James Bible",
# the model's span starting after "King", stays a person's reading).
_THING_SLOT_BEFORE = re.compile(
    r"(?<![\w'’])(?i:the|a|an|its|this|that|these|those|their|our|in|at|near)[ \t]+$"
)


def _named_thing(text: str, start: int, value: str, lexicon: NameLexicon | None) -> bool:
    """Two words or more, the last a thing's noun (``_THING_NOUNS``, possessive or not) that no person bears
    (no name of the ``lexicon``: "Committees", "Stadium"), or any thing's noun after a determiner or a place's
    preposition: people are surnamed Tower, Town or Palace ("Kate Tower", "Nia Town")."""
    parts = value.split()
    if len(parts) < 2:
        return False
    noun = re.sub(r"['’]s$", "", parts[-1]).casefold().strip(".,")
    if noun not in _THING_NOUNS:
        return False
    if lexicon is not None and noun not in lexicon.surnames and noun not in lexicon.given:
        return True
    return _THING_SLOT_BEFORE.search(text, max(0, start - 8), start) is not None


def _given_then_double(value: str) -> bool:
    """The model's full name outside technical text whose first word is a plain capitalized word and whose
    surname is double-barrelled ("Kealoha Makoa-Reyes", "Mele Taufa-Lolohea"): a person's name, not a gene's
    or a syndrome's ("Bardet-Biedl syndrome", "Charcot-Marie-Tooth" start with the joined names)."""
    parts = value.split()
    return 2 <= len(parts) <= 4 and parts[0].isalpha() and parts[0][:1].isupper() and parts[0][1:].islower()


def _situated(text: str, result: RecognizerResult, value: str) -> bool:
    """The evidence recognizer's name stands in a table's structure or a person's slot, and is no known place
    ("ORG CHART — Chennai Delivery Centre"), no unit or noun after a figure ("6 Gy", "52 Gb", "301 Finnish
    patients") and no frequent English word ("Hispanic", "Notch", "Elegant": in science text, one word in a
    list or after a label is more often a term than a name)."""
    return (
        bool((result.recognition_metadata or {}).get(SITUATED))
        and not known_place(value)
        and not _FIGURE_BEFORE.search(text, max(0, result.start - 16), result.start)
        and not everyday_word(value, _SITUATED_ZIPF)
    )


def _one_word_name(text: str, result: RecognizerResult, value: str, lexicon: NameLexicon | None) -> bool:
    """The NER model's or the lexicon evidence's one word in a document with codes and ids is dropped only
    where the word is known to be no name: a known place or a frequent English word ("Kaunas", "Harbour",
    "Cargo", "Seating"), unless it is a name common in an English-speaking country (``_english_name``:
    "Florence", "Lisa", "Young", "Hamilton"). A word neither list knows stays a person: a rare surname is in
    no list ("Wickramanayake"). After a title, and for other results and longer spans, the other rules
    decide."""
    from_words = tier(result) == 2 or recognizer_name(result) == EVIDENCE
    if not from_words or " " in value or lexicon is None or after_title(text, result.start):
        return True
    word = re.sub(r"['’][sS]?$", "", value.strip('.,;:!?"()[]'))
    if _english_name(word, lexicon):
        return True
    if (
        recognizer_name(result) == EVIDENCE
        and (result.recognition_metadata or {}).get(IN_PERSON_SLOT)
        and lexicon.given_name(word)
        and not _ABBREVIATION_AFTER.match(text, result.end)  # "Ing. Petra Nováková": a title's short form
    ):
        return not known_place(word)  # "Ahmed (legal)" in a visitors' log: a given name in a person's slot
    return not known_place(word) and not everyday_word(word, _SITUATED_ZIPF)


def _english_name(word: str, lexicon: NameLexicon) -> bool:
    """A given name common in an English-speaking country ("Lisa", "Florence"), or a frequent English word
    the lexicon holds as a name outside its ``common`` words, which only a name ranked high in such a country
    is ("Young", "Hamilton"; not "Cargo")."""
    return word.casefold() in lexicon.english_given or (
        lexicon.name_word(word) and everyday_word(word, COMMON_ZIPF)
    )


def _rare_name(word: str, lexicon: NameLexicon) -> bool:
    """A lexicon name that English barely uses as a word ("Jianguo", "Ouyang"; not "Rose", "Bill")."""
    return lexicon.name_word(word) and not everyday_word(word, _RARE_NAME_ZIPF)


def _organization(text: str, result: RecognizerResult, value: str) -> bool:
    """Not an abbreviation of an identifier; one word the small model calls an organization is more often a
    name or a place, unless it carries a company form ("Acme Inc", "Siemens AG") or is an acronym in a
    line that is not all capitals ("the OSCE said", "FIFA suspended"; a headline's words are all
    acronym-shaped)."""
    if value.casefold() in NOT_ORGANIZATIONS or not any(ch.isalpha() for ch in value):
        return False
    return (
        tier(result) != 2 or " " in value or bool(COMPANY_WORD.search(value)) or _acronym(text, result, value)
    )


def _acronym(text: str, result: RecognizerResult, value: str) -> bool:
    """``value`` is three to six capitals, no everyday abbreviation, degree or word, alone (no capitals or
    joining mark next to it), not after "in" or "near", on a line with lower-case letters."""
    if not _ACRONYM.fullmatch(value) or value.casefold() in NOT_ACRONYM_ORGANIZATIONS:
        return False
    if everyday_word(value, _CAPITALIZED_WORD_ZIPF):  # "(CHAIR)", "DRAFT", "NOTE": a word in capitals
        return False
    before = text[max(0, result.start - 12) : result.start]
    if _CAPITALS_NEXT.match(text, result.end) or _CAPITALS_BEFORE.search(before):
        return False
    if _PLACE_PREPOSITION_BEFORE.search(before):  # "in KERAVA": a town in capitals
        return False
    line_start = text.rfind("\n", 0, result.start) + 1
    line_end = text.find("\n", result.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return bool(_LINE_WITH_LOWER.search(line))
