"""Inverted names in the cells of tables and lists: "Nguyen, Thi Lan", "MENSAH-BONSU, Akua".

HR spreadsheets, payroll tables and rosters write a person surname first, a comma, then the given names, as
the whole content of a cell (a CSV field in quotes, a markdown cell, a line of its own). The NER model reads
the comma as a list and finds neither part. Two signals together: the shape (a whole cell holding
"Surname, Given") and the lexicon (the first part a lexicon name, every given part a lexicon given name).
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from anonymize.gazetteer import country_names
from anonymize.name_lexicon import NameLexicon

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


class InvertedNameRecognizer(EntityRecognizer):
    """PERSON for a table or list cell that holds "Surname, Given names" (see the module doc)."""

    def __init__(self, lexicon: NameLexicon) -> None:
        super().__init__(supported_entities=["PERSON"], name=RECOGNIZER)
        self.lexicon = lexicon
        self.countries = country_names()

    def load(self) -> None:  # the lexicon is loaded by the caller
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if "PERSON" not in entities or "," not in text:
            return []
        return [
            RecognizerResult("PERSON", m.start("name"), m.end("name"), _SCORE)
            for m in _CELL.finditer(text)
            if self._inverted_name(m.group("surname"), m.group("given"))
        ]

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
