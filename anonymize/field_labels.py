"""Field labels before a colon that the model and the speaker-label recognizer take for people: "Tenant:",
"Vehicle:", "Witnesses:" at a line's start (a step of ``anonymize.resolve``)."""

from __future__ import annotations

import re

from anonymize.name_lexicon import NameLexicon
from anonymize.resolution import Resolution
from anonymize.results import tier

_LABEL_AFTER = re.compile(r"[ \t]*:")
_ENGLISH_ZIPF = 3.0
_LINE_START = re.compile(r"(?:^|\n)[ \t*#>-]*$")


def field_labels(state: Resolution) -> None:
    """A line's label before a colon is no name when its words are ordinary English words and no common
    names ("Tenant: ...", "Vehicle: ...", "Witnesses: ..."; not "Marisol: ..." in a chat): the model and
    the speaker-label recognizer take them for people, and the scorer's and the reader's name next to them
    runs into them."""
    lexicon = state.lexicon
    if lexicon is None:
        return
    state.results = [
        r
        for r in state.results
        if not (
            r.entity_type == "PERSON"
            and tier(r) > 0
            and _LABEL_AFTER.match(state.text, r.end)
            and _LINE_START.search(state.text, max(0, r.start - 8), r.start)
            and all(_english_word(w, lexicon) for w in state.text[r.start : r.end].split())
        )
    ]


def _english_word(word: str, lexicon: NameLexicon) -> bool:
    """A word of everyday English ("Tenant", "Witnesses", "Hope") that is no given name people commonly
    bear ("Mark", "Grace" are)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.lower(), "en") >= _ENGLISH_ZIPF and not lexicon.given_name(word)
