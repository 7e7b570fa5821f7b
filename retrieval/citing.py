"""The draft's citations: which numbers point at a source, re-pointed when another source holds the answer;
the source closest to a question; whether the draft is a refusal."""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.grounding import coverage, support
from retrieval.prompt import REFUSAL
from retrieval.retriever import RetrievedChunk

_CITATION = re.compile(r"\[(\d+)\]")
REPOINT_BELOW = 0.5  # a citation whose source holds less than this share of the answer's terms is re-pointed
_REFUSAL_PHRASES = re.compile(
    r"\b(i don'?t know|do(es)? not (say|contain|mention|provide|specify|include)"
    r"|not (mentioned|stated|specified|provided|found|available) in|no information"
    r"|cannot (find|answer|determine)|unable to (find|answer|determine))",
    re.I,
)


def is_refusal(text: str) -> bool:
    """The model said the sources do not answer (in the prescribed words or in its own)."""
    return text.startswith(REFUSAL[:12]) or bool(_REFUSAL_PHRASES.search(text[:200]))


def cited_numbers(text: str, available: int) -> tuple[list[int], list[int]]:
    """Citation numbers in ``text`` that point at a source, and those that do not."""
    seen = list(dict.fromkeys(int(m) for m in _CITATION.findall(text)))
    return [n for n in seen if 1 <= n <= available], [n for n in seen if not 1 <= n <= available]


def repoint(
    text: str, question: str, chunks: Sequence[RetrievedChunk], cited: list[int]
) -> tuple[str, list[int]]:
    """Citations that hold: when the cited sources barely contain the answer's terms but another retrieved
    source does, the citation moves there (the [n] in the text too); a cited source that contains none of the
    answer's terms is dropped while another cited source supports it."""
    if not cited:
        return text, cited
    own = {n: support(text, question, [chunks[n - 1].text])[0] for n in cited}
    together, _ = support(text, question, [chunks[n - 1].text for n in cited])
    if together is None:
        return text, cited
    if together < REPOINT_BELOW:
        scores = [(support(text, question, [c.text])[0] or 0.0, -i) for i, c in enumerate(chunks)]
        best, neg_index = max(scores)
        if best >= REPOINT_BELOW and best > together:
            target = -neg_index + 1
            for n in cited:
                text = text.replace(f"[{n}]", f"[{target}]")
            return re.sub(rf"(\[{target}\])(\s*\[{target}\])+", r"\1", text), [target]
        return text, cited
    kept = [n for n in cited if own[n]]
    for n in set(cited) - set(kept):
        text = re.sub(rf"\s*\[{n}\]", "", re.sub(rf"\[{n}\]\s*(?=\[)", "", text))
    return text, kept


def closest_source(question: str, chunks: Sequence[RetrievedChunk]) -> int:
    """The 1-based source holding the largest share of the question's terms (the first on a tie)."""
    shares = [(coverage(question, c.text), -i) for i, c in enumerate(chunks)]
    return -max(shares)[1] + 1
