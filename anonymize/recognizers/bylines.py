"""Authors in a byline: names that each carry a footnote mark to their affiliation ("Tenzin Norbu Lhamo¹*,
Pema Tsering¹, Dawa Dolma², H. L. van der Veen⁵").

Papers, reports and press releases list their authors this way; the NER model reads some of them and misses
rare names of many origins in a row of commas. Two or more names of two words or more (initials count), each
followed at once by superscript digits (and maybe "*", "†", "‡") and then a comma, a semicolon, "and" or the
line's end, are persons. A chemical charge ("Ca²⁺ and Mg²⁺") is one word with a sign after its digits.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult

from anonymize.name_patterns import NAME_WORD

_SUPERSCRIPT = "¹²³⁰⁴⁵⁶⁷⁸⁹"
_INITIAL = r"[A-Z]\.(?:-?[A-Z]\.)?"
_PARTICLE = r"(?:van|von|de|der|den|da|di|del|della|la|le|du|dos|das|bin|binti|al|el|ter|ten)"
_PART = rf"(?:{NAME_WORD}|{_INITIAL}|{_PARTICLE}(?=[ \t](?:[A-Z]|{_PARTICLE}\b)))"
# A name of two to six parts, the last a name word, right before its mark; then a list's separator.
_AUTHOR = re.compile(
    rf"(?<![\w.])((?:{_PART})(?:[ \t]{_PART}){{0,4}}[ \t]{NAME_WORD})"
    rf"[{_SUPERSCRIPT}]+(?:[,{_SUPERSCRIPT}]*[{_SUPERSCRIPT}])?[*†‡§]*"
    rf"(?=[ \t]*(?:[,;]|and\b|&|$))",
    re.MULTILINE,
)
_SCORE = 0.9  # above the model's reading that takes the mark in ("Jiang Wei²") and absorbs the name
RECOGNIZER = "BylineRecognizer"  # a name by its slot, as the filters read it


class BylineRecognizer(EntityRecognizer):
    """Authors of a byline: two or more names, each with a superscript footnote mark."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], name=RECOGNIZER)

    def load(self) -> None:  # nothing to load
        return None

    def analyze(self, text: str, entities: list[str], nlp_artifacts: object = None) -> list[RecognizerResult]:
        if "PERSON" not in entities or not any(c in text for c in _SUPERSCRIPT):
            return []
        authors = [m for m in _AUTHOR.finditer(text) if not _ordinary(m.group(1))]
        if len(authors) < 2:
            return []
        return [RecognizerResult("PERSON", m.start(1), m.end(1), _SCORE) for m in authors]


_ORDINARY_ZIPF = 4.0  # "cost" 5.2, "sales" 4.9, "net" 4.6; "wei" 3.4, "jiang" 3.3, "pema" 1.9


def _ordinary(value: str) -> bool:
    """Every name word of ``value`` a frequent English word ("Total Cost²", "Net Sales³"): no author."""
    from wordfreq import zipf_frequency

    named = [w for w in value.split() if not re.fullmatch(_INITIAL, w) and not re.fullmatch(_PARTICLE, w)]
    return all(zipf_frequency(w, "en") >= _ORDINARY_ZIPF for w in named)
