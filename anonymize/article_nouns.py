"""Common nouns of another language after its article, read as a name by the NER
model or the name rules: German nouns are capitalized ("Der Vertrag wurde unterschrieben", "an die Firma",
"Das Angebot gilt"), and so is any word at a sentence's start ("El Contrato", "Il Direttore").

The line's language is told by its stop words (``foreign_words.line_language``: not English). A span is such
a noun when an article of that language (``_ARTICLES``) leads it or stands right before it, and every other
word is a word of that language at least ``_NOUN_ZIPF`` frequent (wordfreq) that no name lexicon holds:
"Vertrag", not "Müller" (a surname too: "Der Müller hat angerufen" is a name after a colloquial article,
which is cut), nor "Bedrossian" ("Der Bedrossian", an Armenian surname), "Vries" or "Salle" ("De Vries",
"La Salle").
"""

from __future__ import annotations

import re

from anonymize.foreign_words import frequent_in, line_language
from anonymize.name_lexicon import NameLexicon
from anonymize.text import words

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_NOUN_ZIPF = 3.0
_MAX_WORDS = 2
# The first word of a span and the blanks after it, a capitalized word next.
_FIRST = re.compile(r"([^\W\d_]+)[ \t]+(?=[A-ZÀ-ÖØ-Þ])")
# The word right before a span, on its line.
_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_]+)[ \t]+$")
# Words that start surnames too, capitalized ("De Vries", "Van Dijk", "La Salle", "El Amrani", "Dos Santos"):
# never cut from a name as an article but in German lines (``name_extent.PARTICLES``, which filters cannot
# import).
PARTICLES = words(
    "van von de der den da di del della dos das du la le les ten ter al el ben bin abu do des lo"
)


# Articles (and a preposition joined to one) of the languages that write them before a capitalized noun:
# every German noun, any noun at a sentence's start or in a heading. Only in a line of that language.
_ARTICLES = {
    "de": words("der die das dem den des ein eine einem einen einer eines im am zum zur vom beim"),
    "nl": words("de het een"),
    "es": words("el la los las un una del al"),
    "pt": words("o a os as um uma do da dos das no na"),
    "it": words("il lo la i gli le un una uno del della"),
    "fr": words("le la les un une du des au aux"),
}
_ANY_ARTICLE = frozenset().union(*_ARTICLES.values())


def _article(word: str, language: str | None) -> bool:
    return language is not None and word.casefold() in _ARTICLES.get(language, frozenset())


def _language(text: str, at: int) -> str | None:
    """The language of the line of ``text`` at ``at`` (None: English or not told)."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    return line_language([m.group() for m in _WORD.finditer(text, line_start, line_end)])


def _leading_stop_word(text: str, start: int, end: int) -> tuple[int, str | None]:
    """Where ``text[start:end]`` goes on after a capitalized article of its line's language that leads it
    before a capitalized word ("Der Vertrag"), and that language; ``start`` and None when none does."""
    first = _FIRST.match(text, start, end)
    if first is None or not first.group(1)[:1].isupper() or first.group(1).casefold() not in _ANY_ARTICLE:
        return start, None
    language = _language(text, start)
    if not _article(first.group(1), language):
        return start, None
    return first.end(), language


def article_and_noun(text: str, start: int, end: int, lexicon: NameLexicon | None) -> bool:
    """``text[start:end]`` is a common word of the line's language after its article, none a name the
    lexicon holds ("Der Vertrag wurde ... unterschrieben", "Das Angebot gilt", "an die Rechnung"): no name."""
    rest, language = _leading_stop_word(text, start, end)
    if language is None:
        before = _BEFORE.search(text, max(0, start - 30), start)
        if before is None or before.group(1).casefold() not in _ANY_ARTICLE:
            return False
        language = _language(text, start)
        if language is None or not _article(before.group(1), language):
            return False
    parts = text[rest:end].split()
    return 0 < len(parts) <= _MAX_WORDS and all(_common_word(w, language, lexicon) for w in parts)


def article_before_name(text: str, start: int, end: int, lexicon: NameLexicon | None) -> int:
    """Where the name in ``text[start:end]`` starts after a capitalized article of its line's language
    ("Der Müller hat angerufen": at "Müller"); ``start`` when none leads it, or when it is a particle ("De
    Vries")."""
    rest, language = _leading_stop_word(text, start, end)
    if language is None or (language != "de" and text[start:rest].strip().casefold() in PARTICLES):
        return start  # German names start with no capitalized "Der"; Dutch ones with "De"
    return start if article_and_noun(text, start, end, lexicon) else rest


def _common_word(word: str, language: str, lexicon: NameLexicon | None) -> bool:
    folded = word.strip(".,;:!?").casefold()
    if not folded or (lexicon is not None and (folded in lexicon.given or folded in lexicon.surnames)):
        return False
    return frequent_in(folded, language, _NOUN_ZIPF)
