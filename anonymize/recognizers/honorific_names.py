"""Names by the honorific joined to them or by a booking's shape, which the NER model reads as one token.

* **A Japanese, Korean or Hindi honorific joined by a hyphen** ("booked through Kobayashi-san",
  "Suzuki-san's passport", "Min-jun-ssi", "Sharma-ji"): the capitalized word before it is a name; the
  honorific is no part of it. In lower case or in capitals ("ask sharma-ji", "SUZUKI-SAN ARRIVES") the word
  must be a lexicon given name or surname that is no stop word (``SuffixedNameRecognizer``: "fc-san", a
  storage network, and "IP-SAN" stay codes).
* **A booking's name** (airline and hotel reservations, passenger lists): "SURNAME/GIVEN" in capitals before
  a title ("SUZUKI/HIROSHI MR", "TANAKA/MEI MS", "DE LA CRUZ/MARIA MRS"); the title is no part of it. Without
  the title the shape is too often something else ("TCP/IP", "AND/OR", "N/A").
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from anonymize.name_lexicon import NameLexicon
from anonymize.recognizers.lexicon_persons import LexiconPersonRecognizer
from anonymize.results import rule_result
from anonymize.text import STOP_WORDS

RECOGNIZER = "HonorificNameRecognizer"
SUFFIXED = "SuffixedNameRecognizer"
_SCORE = 0.9  # a slot that only a name fills, as the name cues' results

_NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿā-ž]+"
# "Kobayashi-san", "Min-jun-ssi" (a hyphenated given name), not inside a longer hyphenated word.
_HONORIFICS = r"(?:san|sama|kun|chan|ssi|nim|sensei|senpai|dono|ji|jee)"
_JOINED = re.compile(rf"(?<![\w'’-])({_NAME_WORD}(?:-[a-zß-öø-ÿā-ž]+|-{_NAME_WORD})?)-{_HONORIFICS}(?![\w-])")
# The same typed in lower case or in capitals: "sharma-ji", "min-jun-ssi", "SUZUKI-SAN" (one case throughout).
_LOWER = "a-zß-öø-ÿā-ž"
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_ONE_CASE_JOINED = re.compile(
    rf"(?<![\w'’-])([{_LOWER}]{{2,}}(?:-[{_LOWER}]{{2,}})?)-{_HONORIFICS}(?![\w-])|"
    rf"(?<![\w'’-])([{_UPPER}]{{2,}}(?:-[{_UPPER}]{{2,}})?)-(?i:{_HONORIFICS})(?![\w-])"
)
_CAPS_WORD = r"[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+"
_BOOKING = re.compile(
    rf"(?<![\w/'’-])({_CAPS_WORD}(?:[ \t]{_CAPS_WORD}){{0,2}}/{_CAPS_WORD}(?:[ \t]{_CAPS_WORD}){{0,2}}?)"
    r"[ \t]+(?:MR|MRS|MS|MISS|MSTR|MX|DR|PROF)(?![\w/])"
)


class HonorificNameRecognizer(EntityRecognizer):
    """PERSON spans by a joined honorific or a booking's shape (see the module doc)."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], name=RECOGNIZER)

    def load(self) -> None:  # patterns only
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if "PERSON" not in entities:
            return []
        found = [(m.start(1), m.end(1)) for m in _JOINED.finditer(text)]
        found += [(m.start(1), m.end(1)) for m in _BOOKING.finditer(text)]
        return [rule_result("PERSON", start, end, _SCORE, RECOGNIZER) for start, end in found]


class SuffixedNameRecognizer(LexiconPersonRecognizer):
    """PERSON spans by a joined honorific in lower case or in capitals ("sharma-ji", "TANAKA-SAN"): the word
    before it a lexicon given name or surname (every part of a hyphenated given name: "min-jun-ssi")."""

    def __init__(self, lexicon: NameLexicon) -> None:
        super().__init__(lexicon, SUFFIXED)

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if "PERSON" not in entities or "-" not in text:
            return []
        found = []
        for match in _ONE_CASE_JOINED.finditer(text):
            group = 1 if match.group(1) else 2
            if self._name(match.group(group)):
                found.append(match.span(group))
        return [rule_result("PERSON", start, end, _SCORE, SUFFIXED) for start, end in found]

    def _name(self, value: str) -> bool:
        """``value`` a given name or surname of the lexicon, or a hyphenated given name whose parts are."""
        key = value.casefold()
        if key in STOP_WORDS or key in self.countries:
            return False
        if self.lexicon.given_name(key) or self.lexicon.surname(key):
            return True
        parts = key.split("-")
        return len(parts) > 1 and all(self.lexicon.given_name(p) for p in parts)
