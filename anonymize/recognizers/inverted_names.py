"""Inverted names in the cells of tables and lists: "Nguyen, Thi Lan", "MENSAH-BONSU, Akua".

HR spreadsheets, payroll tables and rosters write a person surname first, a comma, then the given names, as
the whole content of a cell (a CSV field in quotes, a markdown cell, a line of its own). The NER model reads
the comma as a list and finds neither part. Two signals together: the shape (a whole cell holding
"Surname, Given") and the lexicon (the first part a lexicon name, every given part a lexicon given name).

Exports (session 18): an expense or payroll export's CSV field without quotes ("EX-0411,Chikwanha,
Farai,OPS-2": commas with no blank after them, two or more on the line), a markdown or tab-separated cell, a
fixed-width column (two blanks or more on a side). The cell is the strong signal there, so the lexicon needs
only the given name ("| Ngata, Aroha |"), with one surname word after its particles ("van Rooyen,
Marietjie"), capitalized alike, no half a frequent English word ("Cheers, Tev", "Kimani, Office Manager") and
neither a place ("Lilongwe, Malawi"). Not a cell: a salutation ("MAIREAD, ANGUS,"), two people addressed
("Rasa, Līga — please try again"), a list in a sentence ("Hannah Berg, Sipho Mthembu").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import RecognizerResult

from anonymize.gazetteer import country_names, known_place
from anonymize.name_lexicon import NameLexicon
from anonymize.normalize import NAME_PARTICLES
from anonymize.recognizers.lexicon_persons import LexiconPersonRecognizer
from anonymize.recognizers.lower_names import everyday_word
from anonymize.results import rule_result
from anonymize.text import COMPANY_WORD, STOP_WORDS, words
from anonymize.word_kinds import organization_word

RECOGNIZER = "InvertedNameRecognizer"
_SCORE = 0.9  # above the NER model's 0.85, like the other name evidence

_U = "A-ZÀ-ÖØ-ÞĀ-ſƀ-ɏḀ-ỿ"
_L = "a-zß-öø-ÿā-žƀ-ɏḀ-ỿ"
# A name word in title case or all caps, with hyphens: "O'Connor-Vasquez", "AL-HASHIMI".
_WORD = rf"[{_U}](?:[{_L}{_U}]|['’-](?=[{_U}{_L}]))+"
_SURNAME = rf"(?:(?:van|von|de|der|den|da|di|del|dos|du|la|le|al|el|bin|ibn)[ \t-]+)*{_WORD}"
_GIVEN = rf"{_WORD}(?:[ \t]+{_WORD}){{0,2}}"
# The cell: after a quote, a pipe, a tab or the line's start; before the closing quote, pipe, tab or line end.
_CELL = re.compile(
    rf"(?:(?<=\")|(?<=\|)|(?<=\t)|(?<=^))[ \t]*(?P<name>(?P<surname>{_SURNAME}),[ \t]+(?P<given>{_GIVEN}))"
    rf"[ \t]*(?=\"|\||\t|$)",
    re.MULTILINE,
)

# An export's pair: one surname after its particles, one or two given names, letters of any script (its cell:
# ``export_cell``; its shape: ``_export_shaped``).
_ANY_WORD = r"[^\W\d_](?:[\w'’]|-(?=[^\W\d_]))*"
_EXPORT_PAIR = re.compile(
    rf"(?<![\w'’-])(?P<surname>(?:{_ANY_WORD} ){{0,3}}{_ANY_WORD}), "
    rf"(?P<given>{_ANY_WORD}(?: {_ANY_WORD})?)(?![\w'’-])"
)
_CSV_COMMA = re.compile(r",(?=[^\s,])|,(?=,)")
# A ;-separated export's separator (European spreadsheets write ";" where a comma is the decimal mark):
# no blank after it, as in "C-02;Catrileo Millaqueo, Juana;sopaipillas;28-02-2027" (prose puts a blank).
_SEMICOLON = re.compile(r";(?=[^\s;])|;(?=;)")


# The surname in capitals, the given names in title case, in either order, anywhere in a line of ordinary
# text: "GUAN Weiming", "KING, Rosalind", "Chidi OKAFOR" (a convention of rosters, forms and formal
# documents that marks the surname; the capitals are one signal, the lexicon the other).
_CAPS = rf"[{_U}](?:[{_U}]|['’-](?=[{_U}]))+"
_CAPS_SURNAME = rf"(?:(?:VAN|VON|DE|DER|DEN|DA|DI|DEL|DOS|DU|LA|LE|AL|EL|BIN|IBN)[ \t-]+)*{_CAPS}"
_TITLE_WORD = rf"[{_U}][{_L}]+(?:-[{_U}][{_L}]+)?"
_TITLE_GIVEN = rf"{_TITLE_WORD}(?:[ \t]{_TITLE_WORD}){{0,2}}"
_CAPITALS_SURNAME = re.compile(
    rf"(?<![\w'’.-])(?:(?P<surname>{_CAPS_SURNAME}),?[ \t](?P<given>{_TITLE_GIVEN})|"
    rf"(?P<given2>{_TITLE_GIVEN})[ \t](?P<surname2>{_CAPS_SURNAME}))(?![\w'’-])"
)
# Capitals before or after a name that are no surname: titles, header words, a degree after a name.
_NOT_SURNAMES = words(
    "mr mrs ms mx dr prof sir attn cc bcc re fw fwd from to ceo cfo cto coo md dvm phd dds jr sr esq rn"
)
# A company's form or an ampersand right after ("LM Ericsson AB", "LG Balakrishnan & Bros Ltd"), or "the"
# before ("The Puma VCT"): a company's name.
_COMPANY_AROUND = re.compile(rf"[ \t]*(?:&|(?:{_TITLE_WORD}[ \t]+)?{COMPANY_WORD.pattern})", re.I)
_DETERMINER_BEFORE = re.compile(r"(?i:\bthe)[ \t]+$")
_VOWEL = re.compile(r"[aeiouy]")
# The given names beside the capitals are no frequent English word: a structured abstract's "MEASURES
# Hazard", "PURPOSE White", "Mutant KRAS" are a heading and a term ("Ingrid" 3.25, "Hazard" 3.98).
_GIVEN_ZIPF = 3.5


class InvertedNameRecognizer(LexiconPersonRecognizer):
    """PERSON for a table or list cell that holds "Surname, Given names" (see the module doc)."""

    def __init__(self, lexicon: NameLexicon) -> None:
        super().__init__(lexicon, RECOGNIZER)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if "PERSON" not in entities:
            return []
        found = [
            RecognizerResult("PERSON", m.start("name"), m.end("name"), _SCORE)
            for m in (_CELL.finditer(text) if "," in text else ())
            if self._inverted_name(m.group("surname"), m.group("given"))
        ]
        return found + [
            RecognizerResult("PERSON", m.start(), m.end(), _SCORE)
            for m in _CAPITALS_SURNAME.finditer(text)
            if self._capitals_surname(
                m.group("surname") or m.group("surname2"), m.group("given") or m.group("given2")
            )
            and (m.group("surname") or len(m.group("surname2").split()[-1]) > 2)  # "Vitka SZ": a region code
            and not _COMPANY_AROUND.match(text, m.end())
            and not _DETERMINER_BEFORE.search(text, max(0, m.start() - 5), m.start())
            and not any(r.start < m.end() and m.start() < r.end for r in found)
        ]

    def _capitals_surname(self, surname: str, given: str) -> bool:
        """A surname in capitals the lexicon holds (common words too: "KING", "BISHOP"), next to given names
        the lexicon holds, at least one no frequent English word; no country, title or header word."""
        core = surname.split()[-1].casefold()
        words = [w.casefold() for w in given.split()]
        if core in _NOT_SURNAMES or core in self.countries or given.casefold() in self.countries:
            return False
        if COMPANY_WORD.fullmatch(core) or any(organization_word(w) or w in STOP_WORDS for w in words):
            return False  # "Ruch SA", "Olsen Energy ASA"
        return (
            len(core) > 1
            and bool(_VOWEL.search(core))  # "WT Teff", "JNK Pathways": an acronym
            and core in self.lexicon.surnames
            and all(w in self.lexicon.given and not everyday_word(w, _GIVEN_ZIPF) for w in words)
            and any(self.lexicon.given_name(w) for w in words)
        )

    def _inverted_name(self, surname: str, given: str) -> bool:
        """A lexicon surname, then lexicon given names, none a country ("Paris, France" is a place)."""
        if given.casefold() in self.countries or surname.casefold() in self.countries:
            return False
        core = surname.split()[-1]
        bare = re.sub(r"^(?i:al-|el-|o['’]|d['’])", "", core)
        return (self.lexicon.name_word(core) or self.lexicon.name_word(bare)) and all(
            self.lexicon.given_name(word) or (len(word) > 1 and self.lexicon.name_word(word))
            for word in given.split()
        )


def export_cell(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is all of a cell: of a markdown table (pipes), a tab-separated or fixed-width row
    (tabs, or two blanks or more on one side and the line's edge or two blanks on the other), or a CSV row
    (commas, or semicolons, with no blank after them, two or more on the line)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before, after = text[line_start:start], text[end : len(text) if line_end < 0 else line_end]
    left, right = before.rstrip(" \t"), after.lstrip(" \t")
    if left.endswith("|") and right.startswith("|"):
        return True
    tabbed = "\t" in before + after
    if tabbed and (not left or before.endswith("\t")) and (not right or after.startswith("\t")):
        return True
    if (not left or before.endswith("  ")) and (not right or after.startswith("  ")) and (left or right):
        return True
    if len(_SEMICOLON.findall(before + after)) >= 2 and (not before or before.endswith(";")):
        return not after or _SEMICOLON.match(after) is not None
    csv = len(_CSV_COMMA.findall(before + after)) >= 2
    return csv and (not before or before.endswith(",")) and (not after or _CSV_COMMA.match(after) is not None)


EXPORT_NAME = "InvertedNameExportCell"
_EXPORT_SCORE = 0.6


def export_names(
    text: str, results: Sequence[RecognizerResult], lexicon: NameLexicon
) -> list[RecognizerResult]:
    """PERSON results for an export cell's "Surname, Given" (the module's doc), a post-processing step: a
    half already found as a person is evidence too ("| Tamatea, Hēmi |" beside a found "Tamatea")."""
    persons = [r for r in results if r.entity_type == "PERSON"]
    countries = country_names()
    found = []
    for match in _EXPORT_PAIR.finditer(text) if ", " in text else ():
        start, end = match.span()
        surname, given = match.group("surname"), match.group("given")
        if not export_cell(text, start, end) or not _export_shaped(surname, given, lexicon):
            continue
        if any(known_place(v) or v.casefold() in countries for v in (surname, given, match.group(0))):
            continue
        seen = any(r.start < end and start < r.end for r in persons)
        if seen or given.split()[0].casefold() in lexicon.given:
            found.append(rule_result("PERSON", start, end, _EXPORT_SCORE, EXPORT_NAME))
    return found


def _export_shaped(surname: str, given: str, lexicon: NameLexicon) -> bool:
    """Every word capitalized, all in capitals or none ("ÖZTÜRK, KEMAL", "Nkosi, Thandiwe"), the words before
    the surname particles ("van Rooyen") or one more surname, a double surname of Spanish, Portuguese or
    Mapuche names ("Catrileo Millaqueo, Juana", "Souza da Silva, Ana"), no word a frequent English word
    ("Cheers, Tev", "Head Office, Nairobi")."""
    before, core, names = surname.split()[:-1], surname.split()[-1], given.split()
    caps = all(w.isupper() for w in [*before, core, *names] if len(w) > 1)
    surnames = [w for w in before if w.casefold() not in NAME_PARTICLES]
    if len(surnames) > 1 or not all(_capitalized(w, caps) for w in [*surnames, core, *names]):
        return False
    if surnames and {w.casefold() for w in names} & {w.casefold() for w in [*surnames, core]}:
        return False  # two people of one family in a cell: "Licán Catrileo, Nahuel Catrileo"
    return not any(lexicon.ordinary_word(w.lower()) for w in [*surnames, core, *names])


def _capitalized(word: str, caps: bool) -> bool:
    return word.isupper() if caps else (word[:1].isupper() and not word.isupper()) or len(word) == 1
