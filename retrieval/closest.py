"""Citations built from retrieved chunks, and the closest passage shown instead of a bare refusal.

When the model itself says the sources do not answer (and no second draft does better), the employee is shown
the passage closest to the question with its citation ("The documents do not state this directly; the
closest passage is [1]"), as for an answer the checks withheld: the documents were searched and shown, and the
nearest one is more use than "I don't know". The answer stays a refusal (``refused``; the evaluation counts it
so); its checks say the model refused (``model_refused``)."""

from __future__ import annotations

from collections.abc import Sequence

from retrieval.answer_types import Answer, Citation
from retrieval.citing import closest_source
from retrieval.passage_support import supporting_span
from retrieval.prompt import CLOSEST
from retrieval.retriever import RetrievedChunk


def citation_of(chunk: RetrievedChunk, n: int, origin: str, supported: str) -> Citation:
    """``chunk`` cited as [n]; ``origin`` says how it came to be cited (``Citation.origin``); the highlight
    is the chunk's span that best supports ``supported`` (the answer, or the question for the closest one)."""
    return Citation(
        n=n,
        doc_id=chunk.doc_id,
        source=chunk.source,
        chunk_id=chunk.chunk_id,
        text=chunk.text,
        title=chunk.title,
        page=chunk.page,
        score=round(chunk.score, 4),
        inferred=origin != "model",
        flagged=bool(chunk.injection),
        highlight=supporting_span(supported, chunk.text),
        section=chunk.section,
        origin=origin,
    )


def closest_instead(answer: Answer, asked: str, chunks: Sequence[RetrievedChunk]) -> Answer:
    """A refusal with no citation, from the model's own words: the passage of ``chunks`` closest to ``asked``
    cited as [1] in its place (module doc). Anything else (an answer, a withheld draft already showing the
    closest passage, no chunks shown) is returned as it is."""
    if not answer.refused or answer.citations or not chunks:
        return answer
    chunk = chunks[closest_source(asked, chunks) - 1]
    answer.answer = answer.answer_pseudonymized = CLOSEST.format(n=1)
    answer.citations = [citation_of(chunk, 1, "closest", asked)]
    answer.checks = {**answer.checks, "model_refused": True, "draft_sources": []}
    return answer
