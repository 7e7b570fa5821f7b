"""Where in the shown passages a draft's answer sits, and whether that place addresses the question: two of
the judge's features, computed after the last token from the passages the model was shown (no model call).

- ``fact_sentence``: the share of the question's terms in a shown sentence that holds every term of the
  draft's leading fact (its text up to the first marker or sentence end, leading markers skipped); 0.0 when
  no single sentence states the fact. A claim stitched from two places ("The Los Angeles Clippers are a team
  belonging to Major League Soccer") or stated by a sentence about something else scores low.
- ``answer_sentence``: the IDF-weighted share of the question's terms (``retrieval.passages.term_scores``,
  IDF over the shown sentences) in the shown sentence holding most of the leading fact's new terms (those not
  in the question); 0.0 when no sentence holds any. An answer lifted from a neighbouring sentence that does
  not address the question scores low.

Both are general QA signals (the answer sits next to the question's terms), not tied to a data set. Figures:
docs/evaluation.md, "Session 13 (issue 23)".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from retrieval.grounding import coverage, key_terms, source_terms
from retrieval.passages import Sentence, sentences_of, term_scores

# The fact an answer states first ends at its first marker or at the end of its first sentence.
_FACT_END = re.compile(r"\[\d+\]|(?<=\S)[.!?](?=\s|$)")
_LEADING_MARKERS = re.compile(r"^(?:\s*\[\d+\])+\s*")
# Passage selection joins the kept sentences of a chunk with " … " (retrieval.passages.GAP): a gap ends one.
_GAP = re.compile(r" … |… | …")


@dataclass(frozen=True)
class AnswerPlace:
    fact_sentence: float
    answer_sentence: float

    def to_json(self) -> dict[str, float]:
        return asdict(self)


def leading_fact(draft: str) -> str:
    """The draft's text up to its first citation marker or the end of its first sentence, leading markers
    skipped ("[1] 1964 [1]" -> "1964")."""
    text = _LEADING_MARKERS.sub("", draft.strip())
    end = _FACT_END.search(text)
    return (text[: end.start()] if end else text).strip()


def shown_sentences(passages: Sequence[str | None]) -> list[Sentence]:
    """The sentences of the passages shown to the model (None: a source left out), cut at selection gaps."""
    out: list[Sentence] = []
    for index, text in enumerate(passages):
        if text is not None:
            out.extend(sentences_of(_GAP.sub("\n", text), index))
    return out


def answer_place(question: str, passages: Sequence[str | None], draft: str) -> AnswerPlace:
    """``fact_sentence`` and ``answer_sentence`` of ``draft`` (see the module's doc) for ``question`` (as
    asked, in pseudonym space) over the ``passages`` the model was shown."""
    sentences = shown_sentences(passages)
    fact = key_terms(leading_fact(draft))
    if not fact or not sentences:
        return AnswerPlace(0.0, 0.0)
    held = [source_terms(s.text) for s in sentences]
    stating = [s for s, terms in zip(sentences, held, strict=True) if fact <= terms]
    fact_sentence = max((coverage(question, s.text) for s in stating), default=0.0)
    new = fact - key_terms(question)
    shares = [len(new & terms) / len(new) if new else 0.0 for terms in held]
    top = max(shares)
    if top == 0:
        return AnswerPlace(round(fact_sentence, 4), 0.0)
    weights = term_scores(question, sentences)
    answer_sentence = max(w for w, share in zip(weights, shares, strict=True) if share == top)
    return AnswerPlace(round(fact_sentence, 4), round(answer_sentence, 4))
