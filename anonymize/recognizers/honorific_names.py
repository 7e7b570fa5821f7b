"""Names by the honorific joined to them or by a booking's shape, which the NER model reads as one token.

* **A Japanese, Korean or Hindi honorific joined by a hyphen** ("booked through Kobayashi-san",
  "Suzuki-san's passport", "Min-jun-ssi", "Sharma-ji"): the capitalized word before it is a name; the
  honorific is no part of it.
* **A booking's name** (airline and hotel reservations, passenger lists): "SURNAME/GIVEN" in capitals before
  a title ("SUZUKI/HIROSHI MR", "TANAKA/MEI MS", "DE LA CRUZ/MARIA MRS"); the title is no part of it. Without
  the title the shape is too often something else ("TCP/IP", "AND/OR", "N/A").
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

RECOGNIZER = "HonorificNameRecognizer"
_SCORE = 0.9  # a slot that only a name fills, as the name cues' results

_NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿā-ž]+"
# "Kobayashi-san", "Min-jun-ssi" (a hyphenated given name), not inside a longer hyphenated word.
_JOINED = re.compile(
    rf"(?<![\w'’-])({_NAME_WORD}(?:-[a-zß-öø-ÿā-ž]+|-{_NAME_WORD})?)"
    r"-(?:san|sama|kun|chan|ssi|nim|sensei|senpai|dono|ji|jee)(?![\w-])"
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
        return [
            RecognizerResult(
                "PERSON",
                start,
                end,
                _SCORE,
                recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: RECOGNIZER},
            )
            for start, end in found
        ]
