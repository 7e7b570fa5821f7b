"""One word of another language's text read as a person: a table's header or cell, a label, a month
("| Fecha | Firma |", "Precio: USD 2.45", "Tomada por", "Objet : Extrait d'acte", "le vingt-six juin").

The NER model calls a capitalized word of Spanish, Portuguese or French a person where nothing else is
known of it, and a table's cell or a label's place adds a second signal. Such a word is no person when the
language of its line (``foreign_words.line_language``: stop words; for a line with too few, a table's row,
its paragraph's or the text around, told by more of their words) is not English and the word is one the
lexicon holds as a name that no country speaking that language ranks high (``foreign_in`` pairs: "Hora" in
Spanish, "Juin" in French; not "Paz", "Luz" or "Rosa" in Spanish), or a function word or frequent word of
that language that no lexicon holds ("Invitados", "Objet"). A name the lexicon holds is never taken for a
function word ("Jane" is Albanian "are"). After a title ("Sra. Paz", "Dona Amélia") the word is a name.
"""

from __future__ import annotations

import re

from anonymize.foreign_words import foreign_word, line_language, stop_words
from anonymize.honorifics import after_title
from anonymize.name_lexicon import NameLexicon

_ONE_WORD = re.compile(r"[^\W\d_]{3,}")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_MIN_HITS_AROUND = 4  # function words that tell the language of a paragraph or of the text around
_AROUND_CHARS = 1_500  # how far a paragraph, or the text around, is read either way for its language


def foreign_cell(text: str, start: int, end: int, lexicon: NameLexicon | None) -> bool:
    """``text[start:end]`` is one word of its line's language (not English) that is no name there: a word
    the lexicon holds as a name that no country speaking it ranks high, or a function word or frequent word
    of it that no lexicon holds (see the module doc)."""
    value = text[start:end]
    if lexicon is None or not _ONE_WORD.fullmatch(value) or after_title(text, start):
        return False
    folded = value.casefold()
    if (folded in lexicon.given or folded in lexicon.surnames) and folded not in lexicon.words_of_languages:
        return False  # a name that is no frequent word of a language it ranks low in: "Mensah", "Paz", "Jane"
    language = _language_around(text, start, end)
    return language is not None and foreign_word(folded, language, lexicon, names_too=True)


def _language_around(text: str, start: int, end: int) -> str | None:
    """The language of the line of ``text[start:end]``, else, told by more of their words, of the lines of
    its paragraph or of the text around it (a table's header and cells have few function words; None:
    English or not told)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    language = line_language(_words(text, line_start, line_end))
    if language is not None:
        return language
    top, bottom = max(0, start - _AROUND_CHARS), min(len(text), end + _AROUND_CHARS)
    paragraph_top = text.rfind("\n\n", top, start)
    paragraph_bottom = text.find("\n\n", end, bottom)
    paragraph = (
        top if paragraph_top < 0 else paragraph_top,
        bottom if paragraph_bottom < 0 else paragraph_bottom,
    )
    for low, high in (paragraph, (top, bottom)):
        words = [w.casefold() for w in _words(text, low, high)]
        language = line_language(words)
        if language is not None:
            stops, english = stop_words()[language], stop_words().get("en", frozenset())
            hits = sum(w in stops for w in words)
            return (
                language
                if hits >= _MIN_HITS_AROUND and hits >= 2 * sum(w in english for w in words)
                else None
            )
    return None


def _words(text: str, start: int, end: int) -> list[str]:
    return [m.group() for m in _WORD.finditer(text, start, end)]
