"""Field labels before a colon that the model and the speaker-label recognizer take for people: "Tenant:",
"Vehicle:", "Witnesses:", "Requester:" at a line's start (a step of ``anonymize.resolve``)."""

from __future__ import annotations

import re

from anonymize.label_words import label_word
from anonymize.resolution import Resolution
from anonymize.results import tier

_LABEL_AFTER = re.compile(r"[ \t]*:")
_LINE_START = re.compile(r"(?:^|\n)[ \t*#>-]*$")


def field_labels(state: Resolution) -> None:
    """A line's label before a colon is no name when its words are ordinary English words and no common
    names ("Tenant: ...", "Vehicle: ...", "Witnesses: ..."; not "Marisol: ..." in a chat), or a form's agent
    noun ("Requester: ...", ``label_words``): the model and the speaker-label recognizer take them for
    people, and the scorer's and the reader's name next to them runs into them."""
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
            and all(label_word(w, lexicon) for w in state.text[r.start : r.end].split())
        )
    ]
