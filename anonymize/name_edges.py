"""The last word on where every name starts and ends, whatever step found it (step ``name_edges``).

The steps that find names late (word given names, aliases, handles, glued names) take in the word before or
after a name as the early ones did before ``trim_person`` cut it: "Pan Yurchenko" (a Polish "Mr") from a
given name that is an English word, "conceição quer" (Portuguese "wants") from a lower-case name. Here every
PERSON span loses its terms of address before and after (``honorifics``, ``address_terms``: "Doña
Rosario", "Tante Ingrid", "seu zé", "Ravi garu") and, typed in lower case, the function words of its line's
language at its edges (``foreign_words``); a conjunction that joins surnames starts no name ("y Ana Paula
Soares" of a list), nor a sentence adverb or an interjection ("Yesterday Oyelaran said"), nor a
transcript's answer mark ("A. Shloime is my cousin's husband": ``transcript_marks``). Then, in a line written
in another language, its function words at its edges whatever the case (``foreign_lines``: "Pour le", "la
signature de Tanguy").
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymize.address_terms import BEFORE
from anonymize.foreign_lines import foreign_lines
from anonymize.foreign_words import trim_foreign_edges
from anonymize.honorifics import after_honorific, before_trailing_title
from anonymize.name_extent import PARTICLES
from anonymize.name_lexicon import NameLexicon
from anonymize.resolution import Resolution
from anonymize.results import copy_span
from anonymize.transcript_marks import after_transcript_mark

# A title in lower case before a name in lower case: "seu zé", "tio javi", "ate joy", "dona graça".
_LOWER_TITLE = re.compile(
    rf"(?:(?i:{BEFORE}|tio|tia|tío|tía|don|doña|dona|seu|sr|sra|dr|dra)\.?|d\.)[ \t]+(?=[^\W\d_])"
)
_KEEP_FIRST = frozenset(PARTICLES)
# English sentence adverbs and interjections that open a sentence before a name and are borne by no one as a
# given name (a closed class of the grammar, not names: "Yesterday Oyelaran said", "Sorry Ngaio, the room
# is booked", "Apparently Tui has the keys"). Not "So" ("So Man Yee"), "No" (a Korean surname), "Soon",
# "Even" (a Norwegian given name: "Even Pellerud").
_LEADING_ADVERB = re.compile(
    r"(?:Yesterday|Today|Tomorrow|Tonight|Sometimes|Also|Then|Maybe|Perhaps|Sorry|Thanks|Please|Hello|Yes|"
    r"Okay|Ok|Well|Now|Still|Again|Apparently|Unfortunately|Fortunately|Luckily|Meanwhile|However|Finally|"
    r"Later|Earlier|Afterwards|Anyway|Actually|Honestly|Obviously|Clearly|Basically|Only|Just|"
    r"Hopefully|Sadly|Thankfully|Usually|Normally|Often|Never|Always|Already|Eventually|Initially|"
    r"Originally|Previously|Recently|Currently|Lately|Otherwise|Instead|Besides|Unless|Because|Although|"
    r"While|Once|Since)[ \t]*,?[ \t]+(?=[A-ZÀ-ÖØ-Þ])"
)
# A word that joins two surnames ("Ortega y Gasset", "Costa e Silva", "Puig i Casals") before a capital.
_LINK = re.compile(r"[yei][ \t]+(?=[A-ZÀ-ÖØ-Þ])")


def name_edges(state: Resolution) -> None:
    """Every PERSON span without the terms of address and foreign function words at its edges."""
    kept = [
        edged(state.text, r, state.lexicon, state.truecased) if r.entity_type == "PERSON" else r
        for r in state.results
    ]
    state.results = [r for r in kept if r is not None]
    foreign_lines(state)


def edged(
    text: str, result: RecognizerResult, lexicon: NameLexicon | None, truecased: bool = False
) -> RecognizerResult | None:
    """``result`` without the terms of address around it and, typed in lower case (``truecased``: the whole
    text was, and ``text`` has its names' capitals put back), its line's function words; None when it is
    only such words."""
    start = after_transcript_mark(text, result.start, result.end)  # "A. Shloime" of a deposition
    start = after_honorific(text, start, result.end)
    adverb = _LEADING_ADVERB.match(text, start, result.end)  # "Yesterday Oyelaran said"
    start = adverb.end() if adverb and adverb.end() < result.end else start
    link = _LINK.match(text, start, result.end)  # "y Ana Paula Soares": a conjunction starts no name
    start = link.end() if link and link.end() < result.end else start
    lower = truecased or text[start : result.end].islower()
    if lower:
        title = _LOWER_TITLE.match(text, start, result.end)
        if title and title.end() < result.end:
            start = title.end()
    end = before_trailing_title(text, start, result.end)
    if lexicon is not None and lower:
        edges = trim_foreign_edges(text, start, end, lexicon, _KEEP_FIRST)
        if edges is None:
            return None
        start, end = edges
    return result if (start, end) == (result.start, result.end) else copy_span(result, start, end)
