"""Places by the words around them: after "grew up in", inside the name of a bridge, a club or a street; and
countries by their names."""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from anonymize.gazetteer import country_spans
from anonymize.recognizers.name_cues import NOT_A_NAME
from anonymize.text import STOP_WORDS

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


COUNTRY = "CountryNameRecognizer"


class CountryNameRecognizer(EntityRecognizer):
    """A country's name, capitalized ("Monaco was super fun", "from Burkina Faso"): the small NER model
    misses many or calls them organizations. Not where the model reads a person ("Jordan said"), next to
    another capitalized word ("Jordan Price", "Georgia Bell": a name), nor inside a longer entity of the
    model ("Bank of Japan")."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["LOCATION"], name=COUNTRY)

    def load(self) -> None:  # the country list is loaded on first use
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if "LOCATION" not in entities:
            return []
        found: list[RecognizerResult] = []
        entities_ = getattr(nlp_artifacts, "entities", None) or []
        for start, end in country_spans(text):
            if _CAPITALIZED_AFTER.match(text, end):
                continue
            before = _CAPITALIZED_BEFORE.search(text, max(0, start - 40), start)
            if before and before.group(1).casefold() not in STOP_WORDS:  # "Jordan" of "Ms Jordan"
                continue
            overlapping = [e for e in entities_ if e.start_char < end and start < e.end_char]
            if any(e.label_ in _NER_PERSON or e.end_char - e.start_char > end - start for e in overlapping):
                continue
            found.append(RecognizerResult("LOCATION", start, end, _COUNTRY_SCORE))
        return found


_COUNTRY_SCORE = 0.6
_CAPITALIZED_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ \t]$")
_NER_PERSON = ("PERSON", "PER")
_CAPITALIZED_AFTER = re.compile(r"[ \t][A-Z]")
