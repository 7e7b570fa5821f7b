"""Names written in capitals inside a line of ordinary text, which the NER model and the title-cased reading
of all-caps lines (``name_evidence.title_caps``) both miss:

* **a surname in capitals before the given name** (the East Asian order, as many business documents write
  it): "HAN Sung-ho", "WANG Xiaoming", "KIM Min-jun (Seoul)": the capitals a lexicon surname, the given name
  a lexicon given name or a romanized two-syllable one ("Sung-ho", "Xiao-ming");
* **the same order in title case, with a romanized given name** ("Park Soo-min", "Hwang In-ho"): a surname
  of the lexicon of at most five letters, then two syllables of at most four letters joined by a hyphen;
  the other name rules drop "Park" as a place's word;
* **a whole name in capitals**: "Contact the editor, EILIDH CAMPBELL, on ...": two or three words in
  capitals, the first a lexicon given name, the others lexicon surnames or words English does not know
  ("GRACE NAMUGGA"), none an everyday English word in capitals (no "MAY DAY", "GRACE PERIOD").

The lexicon and the shape are two signals, as for ``name_evidence``. The surname-first shape is read in
lines with lower case only (lines all in capitals are left to that recognizer, which reads them title-cased);
a whole name in capitals in any line, where that recognizer's lexicon lacks the surname ("BARAKA MWAKALINGA").
No known city ("MONTE CARLO"), nothing joined to a longer run of capitalized words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from presidio_analyzer import RecognizerResult

from anonymize.gazetteer import country_names, known_place
from anonymize.name_lexicon import NameLexicon
from anonymize.recognizers.lexicon_persons import LexiconPersonRecognizer
from anonymize.text import STOP_WORDS
from anonymize.word_kinds import english_zipf, organization_word

RECOGNIZER = "CapsInLineRecognizer"
_SCORE = 0.9
_EVERYDAY_ZIPF = 5.0  # a word this frequent in English, in capitals, is more often the word ("DATE", "MAY")
_RARE_ZIPF = 1.5  # a word English does not know
_SYLLABLE = 4  # "Sung", "yeon"

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LOWER = "a-zß-öø-ÿā-ž"
_CAPS = rf"[{_UPPER}][{_UPPER}'’]+(?:-[{_UPPER}]{{2,}})?"
_TITLED = rf"[{_UPPER}][{_LOWER}]+"
# "HAN Sung-ho", "WANG Xiaoming", "LEE Seo-yeon"
_SURNAME_FIRST = re.compile(rf"(?<![\w'’-])({_CAPS}) ({_TITLED}(?:-[{_LOWER}]+)?)(?![\w'’-])")
# "Park Soo-min", "Hwang In-ho": a short surname, then a romanized given name of two short syllables; not
# an English compound's tail ("Car Park Drop-off", "Hall Set-up", "the Park Co-op").
_SHORT_SURNAME_FIRST = re.compile(
    rf"(?<![\w'’-])([{_UPPER}][{_LOWER}]{{1,4}}) ([{_UPPER}][{_LOWER}]{{0,3}}-"
    rf"(?!(?:off|up|in|out|on|over|down|by|back|away|op|do|to)(?![\w'’-]))[{_LOWER}]{{1,4}})(?![\w'’-])"
)
_CAPS_END = r"(?:(?![\w'’-])|(?=['’]s\b))"  # a possessive may follow: "read BISI ADEWALE's handover"
# "EILIDH CAMPBELL", "GRACE NAMUGGA", "ABEBE GIRMA"
_ALL_CAPS = re.compile(rf"(?<![\w'’-])({_CAPS}(?: {_CAPS}){{1,2}}){_CAPS_END}")
# One word in capitals: "escalate to MAKHARADZE in Batumi", "1 ÇOLLAKU; 2 Hoxha"
_ONE_CAPS = re.compile(rf"(?<![\w'’(-])({_CAPS}){_CAPS_END}(?![ \t]*[:/&+])")  # not an acronym's "(CHARLS)"
_ONE_MIN = 6  # letters of a name alone in capitals: shorter ones are acronyms as often
# A place's preposition before one word in capitals: "Celebrating its 10th year in AAPAJÄRVI" is a place.
_PLACE_BEFORE = re.compile(r"(?<![\w'’])(?i:in|at|near|via|into|outside|around|across|throughout)[ \t]+$")
# A comma and a country after it: "Theotokopoulou Str., HARSTAD, Norway".
_COMMA_WORDS = re.compile(r"[ \t]*,[ \t]*([^\W\d_]+(?:[ \t]+[^\W\d_]+){0,3})")
# A roster's "SURNAME / GIVEN" cell: "PAPADAKIS / ARETI"
_SLASHED = re.compile(rf"(?<![\w'’/-])({_CAPS}) / ({_CAPS})(?![\w'’/-])")
# A surname in capitals after a title in capitals, in a line of ordinary text: "guest MR. HARTMANN altitude"
_TITLED_CAPS = re.compile(rf"(?<![\w'’.-])(?:MR|MRS|MS|MISS|DR|PROF)\.?[ \t]+({_CAPS}){_CAPS_END}")
# A capitalized word right after or before the span, on its line: the span is part of a longer name, most
# often a company's ("LM Ericsson AB", "SOLUCIONES ANDINAS S.A.C.", "YILDIZ TEKSTİL SANAYİ").
_CAPITAL_AFTER = re.compile(r"[ \t]+[^\W\d_]")
_CAPITAL_BEFORE = re.compile(r"[^\W\d_][\w.'’&-]*[ \t]+$")
_LOWER_LETTERS = 3
# A code or a company joined to the span: "FID UCIT/SHS", "LG Balakrishnan & Bros Ltd" (not a telex's
# spaced separator: "OPS DESK / BARAKA MWAKASEGE").
_JOINED_AFTER = re.compile(r"/|[ \t]*[&+]")
_JOINED_BEFORE = re.compile(r"(?:/|[&+][ \t]*)$")
# A company's legal form or trade word, also glued to the word before it as generated data writes them
# ("OKAMOTO INDUSTRIESINC.", "MITSUBISHI PENCIL COMPANYLIMITED").
_COMPANY_TAIL = re.compile(
    r"(?i:inc|ltd|llc|plc|limited|corp|corporation|company|co|gmbh|holdings|industries|group|bros)\.?$"
)


class CapsInLineRecognizer(LexiconPersonRecognizer):
    """PERSON spans in capitals inside ordinary lines (see the module doc)."""

    def __init__(self, lexicon: NameLexicon) -> None:
        super().__init__(lexicon, RECOGNIZER)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if "PERSON" not in entities:
            return []
        spans = [m.span() for m in _SURNAME_FIRST.finditer(text) if self._surname_first(m, text)]
        spans += [m.span() for m in _ALL_CAPS.finditer(text) if self._whole_name(m.group(), text, m.start())]
        # no city ("MONTE CARLO 1996-08-30", a news dateline) and no word joined to the span
        spans += [m.span() for m in _ONE_CAPS.finditer(text) if self._one_word(m.group(), text, m.start())]
        spans = [(s, e) for s, e in spans if _alone(text, s, e) and not known_place(text[s:e])]
        # a table's cell ("AL-20423   VLACHOS IOANNIS   animal feed", "PAPADAKIS / ARETI"), a title's surname
        cells = [m.span() for m in _ALL_CAPS.finditer(text) if self._surname_then_given(m, text)]
        cells += [m.span() for m in _SLASHED.finditer(text) if self._slashed(m, text)]
        cells += [m.span(1) for m in _TITLED_CAPS.finditer(text) if self._titled(m, text)]
        spans += [c for c in cells if c not in spans and not known_place(text[c[0] : c[1]])]
        # after a role's title too: "Team Leader Park Soo-min"
        spans += [
            m.span()
            for m in _SHORT_SURNAME_FIRST.finditer(text)
            if self.lexicon.surname(m.group(1))
            and not _capital_after(text, m.end())
            and not _JOINED_AFTER.match(text, m.end())
        ]
        return [
            RecognizerResult(
                "PERSON",
                s,
                e,
                _SCORE,
                recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: RECOGNIZER},
            )
            for s, e in spans
        ]

    def _surname_first(self, match: re.Match[str], text: str) -> bool:
        surname, given = match.group(1), match.group(2)
        if not _ordinary_line(text, match.start()) or not self._name_in_caps(surname, self.lexicon.surname):
            return False
        if "-" in given:  # a romanized given name of two short syllables: "Sung-ho", "Seo-yeon"
            return all(len(p) <= _SYLLABLE for p in given.split("-"))
        return self.lexicon.given_name(given) and given.casefold() not in self.lexicon.english_given

    def _one_word(self, word: str, text: str, start: int) -> bool:
        """A name alone in capitals in a line of ordinary text: a lexicon name of ``_ONE_MIN`` letters or more
        that English does not know, not after a place's preposition ("escalate to MAKHARADZE"; not "NOTICE",
        "SURNAME", "in AAPAJÄRVI", "HARSTAD, Norway")."""
        return (
            len(word) >= _ONE_MIN
            and word.isalpha()
            and _ordinary_line(text, start)
            and self.lexicon.name_word(word)
            and _zipf(word) < _RARE_ZIPF
            and not _PLACE_BEFORE.search(text, max(0, start - 12), start)
            and not _country_after(text, start + len(word))
        )

    def _slashed(self, match: re.Match[str], text: str) -> bool:
        """A table's cell in a line of ordinary text: surname, slash, given name ("PAPADAKIS / ARETI")."""
        surname, given = match.group(1), match.group(2)
        return (
            _ordinary_line(text, match.start())
            and _cell(text, *match.span())
            and self._name_in_caps(surname, self.lexicon.surname)
            and surname.casefold() not in self.lexicon.english_given
            and self._name_in_caps(given, self.lexicon.given_name)
        )

    def _titled(self, match: re.Match[str], text: str) -> bool:
        """A title's surname in capitals, in a line of ordinary text: a lexicon name or a word English does
        not know, no everyday word ("MR. HARTMANN"; not "DR. NO", "MR. PRESIDENT")."""
        word = match.group(1)
        return _ordinary_line(text, match.start()) and (
            self._name_in_caps(word, self.lexicon.surname)
            or self._name_in_caps(word, self.lexicon.given_name)
            or (_zipf(word) < _RARE_ZIPF and word.casefold() not in STOP_WORDS)
        )

    def _whole_name(self, value: str, text: str, start: int) -> bool:
        parts = value.split()
        # In a line all in capitals only for a surname the lexicon lacks ("BARAKA MWAKALINGA"): the evidence
        # recognizer reads the rest, title-cased, with its other signals ("MONTE CARLO 1996-08-30").
        unknown = _ordinary_line(text, start) or any(
            _zipf(p) < _RARE_ZIPF and not self.lexicon.surname(p) for p in parts[1:]
        )
        return (
            unknown
            and all(self._name_in_caps(p, self.lexicon.given_name) for p in parts[0].split("-"))
            and all(self._surname_or_unknown(p) for p in parts[1:])
        )

    def _surname_then_given(self, match: re.Match[str], text: str) -> bool:
        """A table's cell of a line of ordinary text that is a lexicon surname, then
        lexicon given names, none an English speaker's given name ("VLACHOS IOANNIS"; not "HOPE SUMMER")."""
        parts = match.group().split()
        return (
            _ordinary_line(text, match.start())
            and _cell(text, *match.span())
            and self._name_in_caps(parts[0], self.lexicon.surname)
            and parts[0].casefold() not in self.lexicon.english_given
            and all(
                self._name_in_caps(p, self.lexicon.given_name)
                and p.casefold() not in self.lexicon.english_given
                for p in parts[1:]
            )
        )

    def _surname_or_unknown(self, word: str) -> bool:
        """A surname of the lexicon, or a word English does not know ("NAMUGGA"), after a given name; each
        part of a double-barrelled one ("DLAMINI-KHUMALO")."""
        return all(
            self._name_in_caps(p, self.lexicon.surname) or _zipf(p) < _RARE_ZIPF for p in word.split("-")
        )

    def _name_in_caps(self, word: str, known: Callable[[str], bool]) -> bool:
        """``word`` in capitals is a name ``known`` (a lexicon test) knows and no everyday word, stop word or
        country."""
        folded = word.casefold()
        return (
            known(word)
            and folded not in STOP_WORDS
            and folded not in self.countries
            and _zipf(word) < _EVERYDAY_ZIPF
        )


def _ordinary_line(text: str, at: int) -> bool:
    """The line around ``at`` has lower-case words: it is no all-caps line."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return sum(ch.islower() for ch in text[start : end if end >= 0 else len(text)]) >= _LOWER_LETTERS


def _alone(text: str, start: int, end: int) -> bool:
    """No capitalized word, code or company joins the span at ``start``-``end`` on its line, before or after
    it, and no word of it ends in a company's form or is an organization's word."""
    before = _CAPITAL_BEFORE.search(text, max(0, start - 40), start)
    if _JOINED_AFTER.match(text, end) or _JOINED_BEFORE.search(text, max(0, start - 3), start):
        return False
    if any(_COMPANY_TAIL.search(w) or organization_word(w) for w in text[start:end].split()):
        return False
    return not _capital_after(text, end) and not (before and before.group()[:1].isupper())


def _country_after(text: str, end: int) -> bool:
    """A comma and a country's name follow ``end`` ("HARSTAD, Norway", "KUTAISI, Georgia")."""
    match = _COMMA_WORDS.match(text, end)
    if match is None:
        return False
    words = match.group(1).split()
    countries = country_names()
    return any(" ".join(words[:k]).casefold() in countries for k in range(1, len(words) + 1))


_CELL_BEFORE = re.compile(r"(?:^|[ \t]{2}|\t|[|,;:][ \t]*)$", re.M)
_CELL_AFTER = re.compile(r"(?:$|[ \t]{2}|\t|[ \t]*[|,;(])", re.M)


def _cell(text: str, start: int, end: int) -> bool:
    """``start``-``end`` is all of a table's cell: a line's start, a column gap, a tab, a bar, a comma or a
    colon before it, and the like after it."""
    return bool(_CELL_BEFORE.search(text, max(0, start - 3), start) and _CELL_AFTER.match(text, end))


def _capital_after(text: str, end: int) -> bool:
    """A capitalized word follows ``end`` on its line."""
    after = _CAPITAL_AFTER.match(text, end)
    return bool(after and after.group()[-1:].isupper())


def _zipf(word: str) -> float:
    return english_zipf(word.casefold())
