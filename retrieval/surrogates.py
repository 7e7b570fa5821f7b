"""How pseudonyms (``<PERSON_12>``, a question's unseen ``<PERSON_NEW1>``) reach the BM25 leg.

Surrogates appear identically in documents and questions, so BM25 keeps each as one exact token
(``person12``): it matches the same value and nothing else; an unseen value's ``personnew1`` matches nothing
(not every "person"). The embedding model reads surrogates as written: leaving them out gained dense
retrieval a little and hybrid almost nothing on SciFact train, and would change the vectors of existing
indexes; writing the type's word ("person") gained nothing (figures: docs/evaluation.md, "Figures behind
design choices in the code").
"""

from __future__ import annotations

import re

SURROGATE = re.compile(r"<([A-Z][A-Z_]*?)_(NEW)?(\d+)>")


def sparse_text(text: str) -> str:
    """``<PERSON_12>`` -> `` person12 ``, ``<PERSON_NEW1>`` -> `` personnew1 `` (one token each)."""
    return SURROGATE.sub(
        lambda m: f" {m.group(1).replace('_', '').lower()}{(m.group(2) or '').lower()}{m.group(3)} ", text
    )
