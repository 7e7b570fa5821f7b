"""A second draft when the first is refused: the model asked again on the two sentence windows of the
retrieved chunks that hold the most of the question's terms (each best sentence with the one before and after
it in its chunk), judged exactly like the first draft.

Why (issue 23, docs/evaluation.md "Session 18"): most answerable questions refused after a draft hold a wrong,
empty or degenerate first draft ("[1] [1] [1] ...", a copy of the question, a list number before the fact,
the fact of a nearby sentence) made on passage selection's ~192 tokens, where the answer's sentence is often
one among many or not shown at all. Two windows hold the gold answer about as often as the whole selection on
answered questions and more often on the refused ones, in a third of the tokens. The second draft costs time
only on refusals; the prompt's fixed part (system rules) is the same, so only the windows are evaluated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from retrieval.answer_types import Answer
from retrieval.grounding import question_coverage
from retrieval.judge import Calibration
from retrieval.judge_tokens import DraftSignal, stream_draft, watch_for
from retrieval.llm import ChatModel, Message
from retrieval.passages import excerpt, sentences_of, term_scores
from retrieval.prompt import REFUSAL
from retrieval.prompt_numbering import VaultStream, numbered_messages
from retrieval.retriever import RetrievedChunk

WINDOWS = 2  # best sentences, each shown with its neighbours
REACH = 1  # neighbours on each side, within the same chunk
# The second draft's bar. A second try at the first's threshold gives an unanswerable question's draft a
# second chance to cross it: on dev (199 questions, session 18) 1 of 14 unanswerable second drafts did, at
# 0.565, and a wrong answer at 0.581, against 0.904 and 0.925 for the two right ones. It must clear the
# stricter threshold session 13 found on the dev drafts with "refusal accuracy >= 0.9 first"
# (eval.rag_calibration's choose_threshold; 0.55 was kept for first drafts: docs/evaluation.md, sessions 13
# and 18).
SECOND_THRESHOLD = 0.6187


def stricter(calibration: Calibration) -> Calibration:
    """``calibration`` with its threshold raised to ``SECOND_THRESHOLD`` (kept when already higher)."""
    return replace(calibration, threshold=max(calibration.threshold, SECOND_THRESHOLD))


def windows(
    question: str, chunks: Sequence[RetrievedChunk], count: int = WINDOWS, reach: int = REACH
) -> list[RetrievedChunk | None]:
    """``chunks`` cut to the ``count`` sentences with the highest IDF-weighted share of the question's terms
    (``retrieval.passages.term_scores``; ties to the earlier chunk and sentence) and ``reach`` sentences on
    each side of them in the same chunk; ``[n]`` keeps its number, a chunk with nothing kept is None."""
    sentences = [s for i, c in enumerate(chunks) for s in sentences_of(c.text, i)]
    if not sentences:
        return [None for _ in chunks]
    scores = term_scores(question, sentences)
    best = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))[:count]
    kept = {
        j
        for b in best
        for j in range(b - reach, b + reach + 1)
        if 0 <= j < len(sentences) and sentences[j].chunk == sentences[b].chunk
    }
    shown: list[RetrievedChunk | None] = []
    for index, chunk in enumerate(chunks):
        mine = [sentences[j] for j in sorted(kept) if sentences[j].chunk == index]
        shown.append(replace(chunk, text=excerpt(chunk.text, mine)) if mine else None)
    return shown


@dataclass(frozen=True)
class Redraft:
    """The second draft (vault surrogates), its token signal for the judge, the messages it answered and the
    passages as shown (``shown[i]`` is ``[i + 1]``)."""

    text: str
    signal: DraftSignal | None
    messages: list[Message]
    shown: list[RetrievedChunk | None]

    def shown_texts(self) -> list[str | None]:
        return [c.text if c is not None else None for c in self.shown]


def redraft(
    model: ChatModel,
    question: str,
    chunks: Sequence[RetrievedChunk],
    number_afresh: bool = True,
    answer_coverage: float = 1.0,
    refusal_penalty: float = 0.0,
) -> Redraft:
    """The draft of ``question`` on ``windows`` of ``chunks``: the same prompt as the first draft's, the
    refusal's first token penalized by the same rule (a shown window holding ``answer_coverage`` of the
    question's terms), the same watch of the draft's tokens for the judge."""
    shown = windows(question, chunks)
    numbering, messages = numbered_messages(question, shown, number_afresh)
    covered = question_coverage(question, [c.text for c in shown if c is not None])
    watch = watch_for(model, REFUSAL, refusal_penalty if covered >= answer_coverage else 0.0)
    back = VaultStream(numbering)
    pieces = [back.feed(piece) for piece in stream_draft(model, messages, watch)]
    pieces.append(back.flush())
    signal = watch.signal() if watch is not None else None
    return Redraft("".join(pieces).strip(), signal, messages, shown)


def settled(refused: Answer, second: str, answer: Answer) -> Answer:
    """The answer after a second draft (text ``second``, checked as ``answer``): ``answer`` when nothing
    withheld it, its checks naming both drafts; else the first refusal as it was, the second in its checks."""
    tried = {"draft": second, "refused": answer.refused, "reason": answer.checks.get("reason", "")}
    tried["confidence"] = answer.checks.get("confidence")
    if answer.refused:
        refused.checks = {**refused.checks, "second_draft": tried}
        return refused
    withheld = bool(refused.checks.get("withheld"))
    answer.checks.update(second_draft=tried, first_draft={"withheld": withheld, "answer": refused.answer})
    return answer
