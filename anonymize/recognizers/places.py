"""Places by the words around them: after "grew up in", inside the name of a bridge, a club or a street; and
countries by their names."""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from anonymize.gazetteer import country_names, country_spans, place_names
from anonymize.name_lexicon import NameLexicon
from anonymize.recognizers.lower_names import everyday_word
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


CAPITALS_PLACE = "CapitalsPlaceRecognizer"
# A run of words in capitals ("BERLIN 1996-08-30", "SOCCER - ISRAEL BEAT BULGARIA", "OFFICE: SAN DIEGO").
_WORD = re.compile(r"(?<![\w'’.-])[^\W\d_][\w'’.-]*")
_LABEL_AFTER = re.compile(r"[ \t]*:")
_CITY_WORD_ZIPF = 4.8  # "reading" 5.1, "nice" 5.4, "sale" 5.0; "chicago" 4.8, "berlin" 4.4
_CAPITALS_SCORE = 0.5
_MAX_PLACE_WORDS = 4


class CapitalsPlaceRecognizer(EntityRecognizer):
    """A large city's, a country's or a US state's name written in capitals ("BERLIN 1996-08-30", "MADE IN
    GERMANY"): the NER model reads capitals poorly and the country recognizer needs a capitalized word alone.
    Not a label ("MOBILE:"), nor a city named by an everyday English word ("READING", "NICE"), nor where the
    model reads a person, nor next to a name of the ``lexicon`` ("GEORGIA BELL", "JORDAN ELLIS": a person's
    name in capitals)."""

    def __init__(self, lexicon: NameLexicon | None = None) -> None:
        super().__init__(supported_entities=["LOCATION"], name=CAPITALS_PLACE)
        self._lexicon = lexicon

    def load(self) -> None:  # the gazetteer is loaded on first use
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if "LOCATION" not in entities:
            return []
        entities_ = getattr(nlp_artifacts, "entities", None) or []
        return [
            RecognizerResult("LOCATION", start, end, _CAPITALS_SCORE)
            for run in _capitals_runs(text)
            for start, end in self._places_in_run(text, run)
            if not any(
                e.start_char < end and start < e.end_char and e.label_ in _NER_PERSON for e in entities_
            )
        ]

    def _places_in_run(self, text: str, words: list[re.Match[str]]) -> list[tuple[int, int]]:
        """The places a run of words in capitals names, longest first at each word. In a line of ordinary
        text, capitals around a place's name make a longer name in capitals ("ARIAKE JAPAN Co.Ltd.", "TOKYO
        ROPE MFG"): there only the whole run can be the place."""
        if len(words) > 1 and _lower_case_line(text, words[0].start()):
            end = words[0].start() + len(text[words[0].start() : words[-1].end()].rstrip("."))
            return [(words[0].start(), end)] if _capitals_place(text, words[0].start(), end) else []
        spans, i = [], 0
        while i < len(words):
            for j in range(min(len(words), i + _MAX_PLACE_WORDS) - 1, i - 1, -1):
                start = words[i].start()
                end = start + len(text[start : words[j].end()].rstrip("."))  # a sentence's full stop
                if _capitals_place(text, start, end) and not self._name_beside(words, i, j):
                    spans.append((start, end))
                    i = j
                    break
            i += 1
        return spans

    def _name_beside(self, words: list[re.Match[str]], i: int, j: int) -> bool:
        """The word before ``words[i]`` or after ``words[j]`` in the run is a given name or a surname."""
        beside = [words[k].group() for k in (i - 1, j + 1) if 0 <= k < len(words)]
        return self._lexicon is not None and any(self._lexicon.name_word(w.strip(".'’-")) for w in beside)


def _capitals_runs(text: str) -> list[list[re.Match[str]]]:
    """Runs of words in capitals (two letters or more, any alphabet) with blanks between them."""
    runs: list[list[re.Match[str]]] = []
    for word in _WORD.finditer(text):
        if not (word.group().isupper() and len(word.group()) > 1):
            continue
        if runs and not text[runs[-1][-1].end() : word.start()].strip(" \t"):
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


def _lower_case_line(text: str, position: int) -> bool:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return any(ch.islower() for ch in text[start : end if end >= 0 else len(text)])


def _capitals_place(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` names a country, or a large city or US state that is no everyday English word,
    and is no label."""
    if _LABEL_AFTER.match(text, end):
        return False
    name = " ".join(text[start:end].split()).casefold()
    if name in country_names():
        return True
    return name in place_names() and not (" " not in name and everyday_word(name, _CITY_WORD_ZIPF))
