"""How far a known name reaches beyond the document it was found in.

Within its document every mention of a detected name is replaced, its parts alone included ("Priya" after
"Priya Raman"). Across documents (the vault's values propagated into a new document, the sweeps of an
ingestion job, a question) the full name still is, in any case ("PRIYA RAMAN"), but a *word alone* stands for
the person only when it can: a one-word name or name part that is an everyday English word ("Western" of a
"Western Blot" taken for a person, "Human", "Cell", "Association") or a scientific word ("Potentiated")
does not replace that word in every other document. It did, and a single false person in one abstract
became a surrogate in a hundred others (session 21: "T-cell" in 89 SciFact abstracts, "Western" in 62).

A word reaches other documents alone when it is a given name or surname of the lexicon (any origin, not a
frequent English word unless a common name in an English-speaking country: "Young", "Brown"), a given name
common in an English-speaking country even if an English word ("Hope", "Grace", "Memory"), or a word rare in
English ("Tigist", "Bekele", "Arno"), and not a scientific common word. A one-token name joined by hyphens
reaches when every part but particles is a capitalized word and one of them reaches ("Epstein-Barr",
"al-Saadani"; not "T-cell", "Long-term", "Krüppel-like"); handles always do ("ines.q", "j_smith").

What this costs, measured (docs/detection.md, "Reach of a known name"): a name part that is an everyday word
and no common given name ("Bold" of the Mongolian "Bold Tsend", "Summer" as a surname) found in one document
and written alone, undetected, in another stays in clear there; the full name, and the word within its own
document, are still replaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from anonymize.name_lexicon import NameLexicon
from anonymize.word_kinds import common_word, english_zipf

EVERYDAY_ZIPF = 3.0  # wordfreq's Zipf frequency from which an English word is an everyday word
PARTICLES = frozenset(  # a name's small words, in any case: "van der", "Van Der"
    ("al", "el", "ul", "ur", "ud", "bin", "bint", "ibn", "ben", "abu", "abd", "da", "de", "di", "do", "du")
    + ("dos", "das", "van", "von", "der", "den", "ter", "le", "la", "mac", "mc")
)
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")


@dataclass(frozen=True)
class NameReach:
    """Decides which one-word known names stand alone for their person in other documents."""

    lexicon: NameLexicon

    def word(self, word: str) -> bool:
        """``word`` (a one-word name or a name part) may be replaced alone in another document."""
        if common_word(word):
            return False
        return (
            self.lexicon.name_word(word)
            or word.casefold() in self.lexicon.english_given  # "Hope", "Grace", "Memory": given names
            or _zipf(word) < EVERYDAY_ZIPF
        )

    def token(self, value: str) -> bool:
        """A one-token value may be replaced in another document, unless it is words joined by hyphens that
        are no name: a part of one letter or a lower-case part beside a capitalized one ("T-cell",
        "Long-term", "Krüppel-like"). Hyphenated names reach when one of their capitalized parts does
        ("Epstein-Barr", "al-Saadani"); handles and other tokens always ("ines.q", "j_smith", "O'Brien")."""
        if not _HYPHENATED.fullmatch(value) or value.islower():
            return True
        named = [p for p in value.split("-") if p.casefold() not in PARTICLES]
        return (
            hyphenated_name(value)
            and bool(named)
            and all(len(p) > 1 for p in named)
            and any(self.word(p) for p in named)
        )


def hyphenated_name(word: str) -> bool:
    """Words joined by hyphens shaped as a name: every part but particles capitalized ("Bekele-Alemu",
    "al-Amin"; not "Long-term", "T-cell")."""
    return all(p[:1].isupper() or p.casefold() in PARTICLES for p in word.split("-"))


def _zipf(word: str) -> float:
    return english_zipf(word.casefold())
