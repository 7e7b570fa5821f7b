"""Names of languages where the text speaks of a language: "Languages: Tamil, English, Hindi", "speaks
Amharic", "the Kurdish version prevails", "Mongolian names are given with ...", "translation from
Kazakh/Russian".

The NER model and the name rules take a capitalized language's name for a person (many are surnames or given
names in the name lexicon too: "Hindi", "Persian", "Kazakh"). A language's name alone is no person where a
word for language or speech, or another language's name, stands right next to it; elsewhere it may be one
("Tamil was late", "Ido Levi").
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# A word for a language or its use right after the name: "Kurdish version", "Hindi speakers".
_CUE_AFTER = re.compile(
    r"[ \t]*(?:-[ \t]*)?(?i:languages?|versions?|names?|translations?|speakers?|speaking|dialects?|alphabet|"
    r"script)\b"
)
# Speech or a label right before it: "speaks Amharic", "Languages: Persian", "translated from Hindi".
_CUE_BEFORE = re.compile(
    r"(?<![\w'’])(?i:speaks?|spoke|spoken|speaking|languages?|translated[ \t]+(?:from|into)|"
    r"translation[ \t]+(?:from|into))[ \t]*:?[ \t]*$"
)
# A neighbour in a list of languages: "Tamil, English, Hindi", "Kazakh/Russian", "Amharic and Tigrinya".
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)(?:[ \t]*[,/;][ \t]*|[ \t]+(?:and|or|&)[ \t]+)$")
_WORD_AFTER = re.compile(r"(?:[ \t]*[,/;][ \t]*|[ \t]+(?:and|or|&)[ \t]+)([^\W\d_][\w'’-]*)")


def _fold(word: str) -> str:
    """``word`` casefolded without its accents ("Sámi" and "Sami" meet)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def language_words() -> frozenset[str]:
    """The English names of the languages of ISO 639-1 (pycountry), folded; of a name of several words also
    its last word ("Northern Sami": "sami", "Scottish Gaelic": "gaelic"); empty when pycountry is missing."""
    try:
        import pycountry
    except ImportError:
        return frozenset()
    found: set[str] = set()
    for language in pycountry.languages:
        if not hasattr(language, "alpha_2"):
            continue
        for name in re.split(r"[;,]", re.sub(r"\([^)]*\)", "", language.name)):
            parts = name.split()
            if parts:
                found.add(_fold(" ".join(parts)))
                found.add(_fold(parts[-1]))
    return frozenset(found)


def language_name(word: str) -> bool:
    """``word`` is the English name of a language ("Hindi", "Sámi", "Kazakh")."""
    return _fold(word.strip(".,;:'’\"()")) in language_words()


def spoken_language(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is one word, a language's name, and the words around it speak of a language: a
    word for a language or speech right after or before it, or another language's name next to it in a list;
    or it is a language's name and the word "Language"."""
    value = text[start:end]
    parts = value.split()
    if len(parts) == 2 and parts[1].casefold() in ("language", "languages"):  # "Kazakh Language (C1)"
        return language_name(parts[0])
    if len(parts) != 1 or not language_name(value):
        return False
    if _CUE_AFTER.match(text, end) or _CUE_BEFORE.search(text, max(0, start - 30), start):
        return True
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    after = _WORD_AFTER.match(text, end)
    return any(m is not None and language_name(m.group(1)) for m in (before, after))
