"""A detected name's full extent: the words next to a PERSON span that belong to the same name.

The NER model and the name rules often find part of a name only: the surname after a given name that is also
an English word ("Hope Castellanos", "Bill Clinton", "Jordan Blake"), the surname after an initial
("M. Slater", "S. Ben-Haim"), a surname after its particle ("de Silva", "bin Rashid", "Van der
Westhuizen"), a rare given name or surname ("Jansher Khan", "Volker Ruehe"), a regnal number ("Henry
VIII"). The scorer and the reader see half a name: a pseudonym next to a surname in clear.

A neighbour joins the span when it is on the same line, one blank away, and is an initial, a particle, a
given name or surname of the lexicon (a common English word too when it is a given name on the left:
"Hope", "Will"), or a capitalized word rare in English; never a title, a role, a weekday or month, a
country, an organization or place word, or a stop word. Two PERSON spans one blank apart become one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import RecognizerResult

from anonymize.calendar_names import DAYS, MONTHS_DAYS, weekday_given_name
from anonymize.caps_names import caps_names_titled
from anonymize.company_names import company_named
from anonymize.filters import NAME_PREFIXES
from anonymize.foreign_words import frequent_in
from anonymize.gazetteer import country_names, known_place, place_slot
from anonymize.name_cells import cell_step_left, cell_step_right
from anonymize.name_lexicon import NameLexicon
from anonymize.names import person_like_organization
from anonymize.person_cues import ROLE_TITLES
from anonymize.results import copy_span, tier
from anonymize.text import STOP_WORDS, words
from anonymize.word_kinds import hyphenated_name_word, organization_word, technical_word

PARTICLES = words(
    """
    van von de der den da di del della dos das du la le ten ter bin binti bint ibn al el abu ul ur ap mac
    ó ní nic mhic uí ua a/l a/p s/o d/o
    """
)
# A cell's end in a table laid out with blanks: a column gap or the line's end.
_CELL_END = re.compile(r"[ \t]{3,}|\t|[ \t]*(?:\n|$)")
# Catalan and Spanish "i" and "y" between two surnames: "Puig i Casals", "Ortega y Gasset".
_SURNAME_LINKS = frozenset(["i", "y"])
# What may follow a name's end: punctuation, a line's end, a column gap, a lower-case word, a sentence's end.
_NAME_END = re.compile(
    r"[.,;:!?)\"”'’]*(?:$|\n|[ \t]{2,}|\t|[ \t]+[a-z(\-–—/|])|[,;:)\"”]|\.[ \t]+[A-ZÀ-ÖØ-Þ]"
)
# Capitalized particles and abbreviations before a name: Maori "Te" ("K. Te Awa"), Bengali and Malay "Md.",
# "Mohd." (Muhammad).
# Filipino "Ma." (Maria) and Bengali "Sk." (Shaikh) likewise.
_LEFT_PARTICLES = frozenset(["Te", "Md.", "Mohd.", "Muhd.", "Mhd.", "Moh.", "Ma.", "Sk."])
# A lower-case particle joined to the name by a hyphen: "Shira bat-Sheva Abramov", "Ben-David", "al-Amin".
_GLUED_PARTICLE = re.compile(r"(?<![\w'’-])(?:bat|ben|bar|bin|ibn|al|el|ul|abu|Ben|Bar|Bat|Abu)-$")
# Before a surname, in any case ("Maria Da Silva", "Rawinia Te Whata", "Sipho ka Nkosi"): a name word follows.
_RIGHT_PARTICLES = PARTICLES | frozenset(["te", "ka", "ould", "ag", "ait"])
# German particles that are prepositions too ("zu Hause", "zur Post", "vom Amt"): before a name word that is
# no frequent German word only ("Karl-Theodor zu Guttenberg", "Ernst vom Rath").
_GERMAN_PARTICLES = frozenset(["zu", "zur", "zum", "vom"])
_GERMAN_ZIPF = 4.0  # "Hause" 5.2, "Post" 4.9, "Sitzung" 4.4; "Guttenberg" 3.4, "Rath" 3.5, "Lippe" 3.9
_INITIAL = re.compile(r"[A-ZÀ-ÖØ-Þ]\.")
_LOW = "a-zß-öø-ÿā-ž"
_WORD = rf"[A-ZÀ-ÖØ-ÞĀ-ſ][{_LOW}]+(?:['’][A-Z{_LOW}]+)?(?:-[A-ZÀ-ÖØ-Þ{_LOW}][{_LOW}]+)*"
_CAPITALIZED = re.compile(rf"(?:Mc|Mac|O['’]|D['’])?{_WORD}")
_ROMAN = re.compile(r"(?:II|III|IV|VI|VII|VIII|IX|XI|XII|XIII)")
# A neighbour: one space between it and the span (a tab parts two cells); the word without its punctuation.
_LEFT = re.compile(r"(?:^|(?<=[\s(\"'“,;|]))([^\s(\"'“,;|]+) $")
# A record's separator right after the word ends it too ("Relmu Antileo;silver work", "Ana Lima,Porto").
_RIGHT = re.compile(r" ([^\s,;:()\"”|]+?)(?=[.,;:!?)\"”'’]*(?:\s|$)|[;,|])")
# A nickname or initials in brackets inside a name: "Robert (Bob) Lyle", "Alan John ( A.J.P. ) Taylor".
# Or in quotes: 'Margaret "Peggy" O'Donoghue', 'Oyelaran "Laran" Adisa'.
_NICKNAME_GAP = re.compile(
    r" (?:\( ?[\"“]?([A-Z][a-z]+|(?:[A-Z]\.){1,4})[\"”]? ?\)|[\"“]([A-Z][a-z]+)[\"”]) "
)
# The given name and a quoted nickname right before a name: 'Oyelaran "Laran" ' + "Adisa".
_NICKNAME_BEFORE = re.compile(r"(?:^|(?<=\s))([A-Z][\w'’-]+) [\"“]([A-Z][a-z]+)[\"”] $")
# A generation after a name of two words or more, as the name's last word: "Ferko Emil ml." (Slovak and Czech
# "younger"), "Novák st.", "Juan Pérez Jr.", "Mthunzi Dube Jnr", "João Batista Filho" (not "Sr. García": a
# title before a name).
_GENERATION = re.compile(
    r" (?:Jr\.?|Sr\.|Jnr\.?|Snr\.?|ml\.|st\.|Júnior|Filho|Neto|Sobrinho)"
    r"(?=[,;:)|\]]|[ \t]*(?:\n|$)|[ \t]+[^\w\s]|[ \t]+[a-z(]|[ \t]{2,}|\t)"
)
# Dutch particles written short between a given name or initial and the surname: "F. v.d. Meulen" (van der),
# "Jan v/d Berg"; not "v." alone, which is also a case's "versus" ("Ugo v. Obiekwe").
_SHORT_PARTICLES = frozenset(["v.d.", "v.d", "v/d", "vd."])
_SHORT_PARTICLE = re.compile(r" (?:v\.d\.?|v/d|vd\.)(?= [A-ZÀ-ÖØ-Þ])")
_RARE_ZIPF = 2.5
_ORDINARY_ZIPF = 2.5
_MAX_STEPS = 3


def _rare(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") < _RARE_ZIPF


def _excluded(word: str) -> bool:
    folded = word.casefold()
    return (
        folded in STOP_WORDS
        or folded in ROLE_TITLES
        or folded in NAME_PREFIXES
        or folded in country_names()
        or bool(MONTHS_DAYS.fullmatch(word))
        or organization_word(word)
    )


def _name_word(word: str, lexicon: NameLexicon, left: bool) -> bool:
    """A capitalized word that can be part of a name: a lexicon name (on the left also a given name that is
    a common word, "Hope Castellanos"), or a word rare in English."""
    if not _CAPITALIZED.fullmatch(word) or (technical_word(word) and not hyphenated_name_word(word)):
        return False
    folded = word.casefold()
    if left and folded in lexicon.english_given:  # "April Delacroix", not "Monday Castellanos"
        return not _excluded(word) or (MONTHS_DAYS.fullmatch(word) is not None and not DAYS.fullmatch(word))
    return not _excluded(word) and (lexicon.name_word(word) or _rare(word))


def _step_left(shadow: str, start: int, lexicon: NameLexicon) -> int | None:
    """The start of the name word just before ``start``, or None."""
    line_start = shadow.rfind("\n", 0, start) + 1
    quoted = _NICKNAME_BEFORE.search(shadow, max(line_start, start - 60), start)
    if (
        quoted is not None
        and _nickname(quoted.group(2), lexicon)
        and _name_word(quoted.group(1), lexicon, True)
    ):
        return quoted.start(1)
    glued = _GLUED_PARTICLE.search(shadow, max(line_start, start - 4), start)
    if glued is not None:
        return glued.start()
    match = _LEFT.search(shadow, line_start, start)
    if match is None:
        return None
    word = match.group(1)
    if word.endswith(("'s", "’s")):
        return None  # "Corporation's Eric Durr"
    if word in _LEFT_PARTICLES:
        return match.start(1)
    if (
        _INITIAL.fullmatch(word)
        or word.casefold() in PARTICLES
        or word.casefold() in _SHORT_PARTICLES
        or _name_word(word, lexicon, left=True)
    ):
        return match.start(1)
    if weekday_given_name(shadow, match.start(1), word, lexicon):
        return match.start(1)
    return None


def _step_right(shadow: str, end: int, lexicon: NameLexicon, one_word: bool) -> int | None:
    """The end of the name word just after ``end``, or None; a possessive's word ends the name."""
    if shadow[end - 2 : end] in ("'s", "’s"):
        return None
    nickname = _NICKNAME_GAP.match(shadow, end)
    if nickname is not None and _nickname(nickname.group(1) or nickname.group(2), lexicon):  # "Ngozi (Zizi)"
        after = _step_right(shadow, nickname.end() - 1, lexicon, one_word=False)
        return after if after is not None and after > nickname.end() else None
    generation = None if one_word else _GENERATION.match(shadow, end)
    if generation is not None:
        return generation.end()  # "Ferko Emil ml.", "Juan Pérez Jr."
    short = _SHORT_PARTICLE.match(shadow, end)
    if short is not None:  # "F. v.d. Meulen"
        return _step_right(shadow, short.end(), lexicon, one_word=False)
    match = _RIGHT.match(shadow, end)
    if match is None:
        return None
    word = match.group(1)
    if word.endswith(("'s", "’s")):
        word = word[:-2]
        return match.start(1) + len(word) if _name_word(word, lexicon, left=False) else None
    glottal = word[:1] in "'’ʻ" and shadow[match.end(1) : match.end(1) + 1] not in ("'", "’", '"', "”")
    if (one_word and _ROMAN.fullmatch(word)) or _name_word(
        word[1:] if glottal else word, lexicon, left=False
    ):
        return match.end(1)  # also after a glottal stop: "Tēvita ʻAhoʻia" (read "'Aho'ia"), not a quote
    if one_word and word.casefold() in lexicon.english_given and _CELL_END.match(shadow, match.end(1)):
        return match.end(1)  # a roster's "Surname Given" cell: "Achieng Mercy         standby"
    if word in _GERMAN_PARTICLES:  # "Karl-Theodor zu Guttenberg", not "Weber zu Hause"
        after = _step_right(shadow, match.end(1), lexicon, one_word=False)
        if after is None or frequent_in(shadow[match.end(1) + 1 : after], "de", _GERMAN_ZIPF):
            return None
        return after
    if word.casefold() in _RIGHT_PARTICLES:  # "Nurul Izzah binti Hassan", "Ana Da Silva",
        # "Pieter van der Berg", "Tomás Ó Briain", "Kumaravel a/l Muthusamy"
        return _step_right(shadow, match.end(1), lexicon, one_word=False)
    if word in _SURNAME_LINKS and not one_word:  # "Jordi Puig i Casals", "José Ortega y Gasset": the last
        # surname after "i" or "y" ends the name (not "Jordi Puig i Maria Vila", two people)
        after = _step_right(shadow, match.end(1), lexicon, one_word=False)
        if after is None or _step_right(shadow, after, lexicon, one_word=False) is not None:
            return None
        return after if _NAME_END.match(shadow, after) else None
    if _INITIAL.fullmatch(word + ".") and shadow.startswith(".", match.end(1)) and one_word:
        return match.end(1) + 1 if _NAME_END.match(shadow, match.end(1) + 1) else None  # "Arjun R., Data"
    return None


def _one_name_gap(shadow: str, end: int, start: int, lexicon: NameLexicon) -> bool:
    """Between two PERSON spans, one blank, or a given name or initials in brackets (not "(Finance)"):
    one name."""
    gap = shadow[end:start]
    if gap == " ":
        return True
    nickname = _NICKNAME_GAP.fullmatch(gap)
    return nickname is not None and _nickname(nickname.group(1) or nickname.group(2), lexicon)


def _nickname(word: str, lexicon: NameLexicon) -> bool:
    """Initials, or a given name of the lexicon (not "Finance")."""
    return word.endswith(".") or lexicon.given_name(word) or word.casefold() in lexicon.english_given


def _taken(start: int, end: int, others: Sequence[RecognizerResult]) -> bool:
    return any(r.start < end and start < r.end for r in others)


def extend_names(
    shadow: str, results: list[RecognizerResult], lexicon: NameLexicon
) -> list[RecognizerResult]:
    """``results`` with each PERSON span grown over the name words next to it (``shadow``: the text with
    all-caps lines title-cased, same offsets), and PERSON spans one blank apart joined. Words under a
    pattern result of another type are not taken; the NER model's places and organizations yield."""
    persons = sorted((r for r in results if r.entity_type == "PERSON"), key=lambda r: r.start)
    if not persons:
        return results
    blocking = [r for r in results if r.entity_type != "PERSON" and tier(r) < 2]
    shadow = caps_names_titled(shadow, persons, _MAX_STEPS)
    grown: list[RecognizerResult] = []
    for person in persons:
        start, end = person.start, person.end
        for _ in range(_MAX_STEPS):
            left = _step_left(shadow, start, lexicon)
            left = cell_step_left(shadow, start, end, lexicon) if left is None else left
            if left is None or _taken(left, start, blocking):
                break
            start = left
        for _ in range(_MAX_STEPS):
            right = _step_right(shadow, end, lexicon, one_word=" " not in shadow[start:end])
            right = cell_step_right(shadow, start, end, lexicon) if right is None else right
            if right is None or _taken(end, right, blocking):
                break
            end = right
        if grown and (start < grown[-1].end or _one_name_gap(shadow, grown[-1].end, start, lexicon)):
            last = grown.pop()  # "Hen Vipheak", "Robert ( Bob ) Lyle" found as two names: one name
            start, end = min(start, last.start), max(end, last.end)
        grown.append(person if (start, end) == (person.start, person.end) else copy_span(person, start, end))
    covered = [(r.start, r.end) for r in grown]
    kept = [
        r
        for r in results
        if r.entity_type != "PERSON"
        and not (tier(r) == 2 and any(s <= r.start and r.end <= e for s, e in covered))
    ]
    return kept + _split_at_slashes(shadow, grown)


def lexicon_full_name(value: str, lexicon: NameLexicon) -> bool:
    """Two to four capitalized words, particles between them ("Anneke de Vries"), that start with a given
    name of the lexicon and end with a surname of it that is no common English word ("Chase Holloway"), or
    with surnames of it joined by a hyphen ("Tomasz Wielgosz-Nowak")."""
    parts = value.split()
    named = [w for w in parts if w.casefold() not in PARTICLES or w[:1].isupper()]
    if not 2 <= len(named) <= 4 or parts[0] is not named[0] or parts[-1] is not named[-1]:
        return False
    if any(not _CAPITALIZED.fullmatch(w) or _excluded(w) for w in named):
        return False
    return named[0].casefold() in lexicon.given and _surname(named[-1], lexicon)


LEXICON_FULL_NAME = "LexiconFullName"  # an NER organization or place the lexicon reads as a person's name
_GIVEN_BEFORE = re.compile(r"([A-Z][\w'’-]+)[ \t]$")


def ner_person(text: str, result: RecognizerResult, lexicon: NameLexicon | None) -> RecognizerResult:
    """An NER organization shaped like a person's name ("Helena Carlsen") or read by the lexicon as one
    ("Anneke de Vries"), no company's ("Ferreira Logistics"), is a PERSON; hyphenated surnames also as a
    place or after a given name the model left out ("Olusegun Bankole-Fraser", "Hope" + "Vázquez-Ibarra")."""
    if tier(result) != 2 or result.entity_type not in ("ORGANIZATION", "LOCATION"):
        return result
    start, value = result.start, text[result.start : result.end]
    before = _GIVEN_BEFORE.search(text, max(0, start - 30), start)
    if lexicon is not None and "-" in value and " " not in value and before:
        start, value = before.start(1), text[before.start(1) : result.end]  # "Hope" + "Vázquez-Ibarra"
    full_name = lexicon is not None and lexicon_full_name(value, lexicon)
    if result.entity_type == "LOCATION" or start < result.start:
        shaped = bool(full_name and ("-" in value or (start == result.start and not known_place(value))))
        # One word English speakers bear as a given name, no known place and in no place's slot: "but Georgina
        # just has to", "Xavier is from Redfin" (the model's place; not "Calabria", "Persia": no such names).
        shaped = shaped or bool(
            lexicon is not None
            and result.entity_type == "LOCATION"
            and start == result.start
            and lexicon.given_name(value)
            and value.casefold() in lexicon.english_given
            and not known_place(value)
            and not place_slot(text, result.start, result.end)
        )
    else:
        shaped = full_name or person_like_organization(value, text)
    if not shaped or company_named(text, result):
        return result
    person = copy_span(result, start, result.end)
    person.entity_type = "PERSON"
    if full_name and "-" in value:  # "Jean-Baptiste Roux": the lexicon vouches for the hyphenated word
        person.recognition_metadata = {RecognizerResult.RECOGNIZER_NAME_KEY: LEXICON_FULL_NAME}
    return person


def _surname(word: str, lexicon: NameLexicon) -> bool:
    """A surname of the lexicon, or a double-barrelled one whose every part is ("Wielgosz-Nowak")."""
    parts = word.split("-")
    return lexicon.surname(word) or (len(parts) > 1 and all(p and lexicon.surname(p) for p in parts))


# Where a table's columns, a dot leader or a list's separator separate cells: two blanks or more, a run of
# dots, a middle dot, bullet or bar after a blank ("Joseph Anthonyraj · Hema"; not the "l·l" of "Paral·lel").
# A slash or plus between blanks parts names of two words or more (``_SLASH``: "Li Wei / Zhang Min"; not the
# inverted "PAPADAKIS / ARETI" of a manifest).
_COLUMN_GAP = re.compile(r"[ \t]{2,}|\t|[ \t]*\.{3,}[ \t]*|[ \t]+[·•∙‧|¦][ \t]*")
_SLASH = re.compile(r"[ \t]+[/+][ \t]+")


def split_at_column_gaps(
    text: str, results: list[RecognizerResult], lexicon: NameLexicon
) -> list[RecognizerResult]:
    """PERSON spans cut at column gaps ("Zainab Memon   Reviewed", "K. Papadopoulos      H. Levi-Stern",
    "Francisco Javier Ruiz ......"): each piece that holds a name word (or is the first) stays a name."""
    out: list[RecognizerResult] = []
    for r in results:
        value = text[r.start : r.end]
        if r.entity_type != "PERSON" or not _COLUMN_GAP.search(value):
            out.append(r)
            continue
        position = r.start
        for index, piece in enumerate(_COLUMN_GAP.split(value)):
            start = text.index(piece, position) if piece else position
            position = start + len(piece)
            bare = piece.strip(" \t.,;:")
            if not bare:
                continue
            named = any(lexicon.name_word(w.strip(".,")) for w in bare.split())
            if named or (index == 0 and not ordinary_words(bare, lexicon)):
                lead = len(piece) - len(piece.lstrip(" \t.,;:"))
                out.append(copy_span(r, start + lead, start + lead + len(bare)))
    return out


def _split_at_slashes(text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
    """PERSON spans over names of two words or more joined by a slash or plus ("Li Wei / Zhang Min"): one
    span a name."""
    out: list[RecognizerResult] = []
    for r in results:
        gaps = list(_SLASH.finditer(text, r.start, r.end)) if r.entity_type == "PERSON" else []
        bounds = [r.start] + [i for g in gaps for i in (g.start(), g.end())] + [r.end]
        pieces = list(zip(bounds[::2], bounds[1::2], strict=True))
        if not gaps or any(len(text[s:e].split()) < 2 for s, e in pieces):
            out.append(r)
            continue
        out += [copy_span(r, s, e) for s, e in pieces]
    return out


def ordinary_words(value: str, lexicon: NameLexicon, zipf: float = _ORDINARY_ZIPF) -> bool:
    """Every word of ``value`` a frequent English word that is no given name or surname people commonly
    bear: "Talent Acquisition Lead", "Campus", "Farewell", "Senior Lecturer" (not "Hope", "Mark", "Young");
    frequent: at least ``zipf`` on wordfreq's scale."""
    from wordfreq import zipf_frequency

    parts = [w.strip(".,;:'’()\"") for w in value.split()]
    parts = [w for w in parts if w]
    if not parts:
        return False
    for word in parts:
        folded = word.casefold().removesuffix("'s").removesuffix("’s")
        if not folded.isalpha() or zipf_frequency(folded, "en") < zipf:
            return False
        if lexicon.given_name(folded) or lexicon.surname(folded):
            return False
        if len(parts) == 1 and folded in lexicon.english_given:  # "Hope"; not "Talent" of a job title
            return False
    return True
