"""Names read in a line written in another language (``foreign_lines``, the end of step ``name_edges``).

spaCy's English model reads a French, Spanish or Portuguese line's capitalized and function words as names:
"Pour le livret", "devant nous ont comparu", "Une version bilingue", "Ele tem consulta", "la signature de
Tanguy" (the preposition taken in). The line's language is told by the stop words among its other words in
lower case (``foreign_words.line_language``; initials and names say nothing of it). A PERSON span there
loses the words of that language at its edges: its stop words (also where a name lexicon holds them: the
lexicon holds "nous", "pour" and "une" as surnames somewhere) and its frequent words no lexicon holds
(``foreign_words.foreign_word``), never an initial. It is dropped when nothing is left, or when what is
left of a capitalized run is a word in lower case ("Bom dia") or one word of that language alone
(``foreign_cells``: "Acta de la reunión"). A particle stays where it leads a name
("Charles de Gaulle", "M. de Villepin"); after a word in lower case it is a preposition ("l'adresse de
Gwendal", "cliente da Conceição Figueiró"). A French line's "M." before a name is "Monsieur", no initial
("M. Kervella doit encore ..." -> "Kervella"; ``_SHORT_TITLES``).
"""

from __future__ import annotations

import re

from anonymize.foreign_cells import foreign_cell
from anonymize.foreign_words import foreign_word, line_language, line_words_around, stop_words
from anonymize.name_extent import PARTICLES
from anonymize.name_lexicon import NameLexicon
from anonymize.resolution import Resolution
from anonymize.results import copy_span

_MIN_LETTERS = 2
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# The word right before a span, in lower case: "l'adresse de Gwendal", "la signature de Tanguy".
# A language's short titles before a name that would read as an initial in English ("M. Kervella" for
# Monsieur, "MM. Traoré et Diallo", "Me Dubois" for Maître): cut in a line written in that language only.
_SHORT_TITLES = {
    "fr": re.compile(r"(?:MM?\.|Me|Mgr)[ \t]+(?=(?:(?:de|du|des|d['’]|le|la)[ \t]*)?[A-ZÀ-ÖØ-Þ])")
}
_LOWER_WORD_BEFORE = re.compile(r"(?<![\w'’.-])[a-zà-öø-ÿ][\w'’-]*[ \t]+$")


def foreign_lines(state: Resolution) -> None:
    """Every PERSON span without its line's function words at its edges, when the line is in another
    language than English; None when only such words are left."""
    if state.lexicon is None:
        return
    kept = []
    for r in state.results:
        if r.entity_type != "PERSON":
            kept.append(r)
            continue
        edges = foreign_edges(state.text, r.start, r.end, state.lexicon)
        if edges is None:
            continue
        kept.append(r if edges == (r.start, r.end) else copy_span(r, *edges))
    state.results = kept


def foreign_edges(text: str, start: int, end: int, lexicon: NameLexicon) -> tuple[int, int] | None:
    """``text[start:end]`` without the words of its line's language at its edges (function words, frequent
    words no lexicon holds); None when nothing else is left; unchanged in an English line. The language is
    told by the line's other words in lower case: initials and names say nothing of it."""
    inside = list(_WORD.finditer(text, start, end))
    if not inside:
        return start, end
    line_start = text.rfind("\n", 0, start) + 1
    context = line_words_around(text, start, end)
    language = line_language([w for w in context if w.islower() and len(w) >= _MIN_LETTERS])
    if language is None:
        return start, end
    stops = stop_words().get(language, frozenset())
    words = len(inside)
    while inside and _foreign(inside[-1].group(), language, stops, lexicon):
        inside.pop()
    if not inside:
        return None
    new_end = end if len(inside) == words else inside[-1].end()
    words = len(inside)
    preposition = _LOWER_WORD_BEFORE.search(text, line_start, start) is not None
    while len(inside) > 1 and (
        inside[0].group() in PARTICLES
        and preposition
        or inside[0].group() not in PARTICLES
        and _foreign(inside[0].group(), language, stops, lexicon)
    ):
        inside.pop(0)
    new_start = start if len(inside) == words else inside[0].start()
    title = _SHORT_TITLES.get(language)
    cut = title.match(text, new_start, new_end) if title else None
    if cut and cut.end() < new_end:  # "M. Kervella doit encore": Monsieur, no initial, in a French line
        new_start = cut.end()
    rest = text[new_start:new_end]
    if (new_start, new_end) != (start, end) and rest.islower() and not text[start:end].islower():
        return None  # "Ele tem consulta", "Bom dia": what is left of a capitalized run is a word
    if (new_start, new_end) != (start, end) and foreign_cell(text, new_start, new_end, lexicon):
        return None  # "Acta de la reunión": what is left is a word of the line's language alone
    return new_start, new_end


def _foreign(word: str, language: str, stops: frozenset[str], lexicon: NameLexicon) -> bool:
    """``word`` is a function word of ``language``, or a frequent word of it that no lexicon name is; never
    an initial."""
    folded = word.casefold()
    if len(folded) < _MIN_LETTERS:
        return False
    return folded in stops or foreign_word(word, language, lexicon)
