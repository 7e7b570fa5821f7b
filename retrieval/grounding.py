"""Grounding checks of a generated answer against the sources it cites (no model needed).

A small model asked to answer "from the sources only" still answers when the sources are about the right topic
but do not state the answer: it either makes the claim up (words found in no source) or lifts a sentence of a
neighbouring passage that does not address the question. ``support`` measures the first: the share of the
answer's own content words (those not already in the question) that the cited sources contain. ``coverage``
measures the second: the share of the question's content words found in the source sentence that best supports
the answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from anonymize.text import GENERIC_WORDS, SENTENCE, TERM_TOKEN, stem
from retrieval.answer_slot import slot_filler

_UNSEEN = re.compile(r"<[A-Z_]+_NEW\d+>")
# How questions are framed rather than what they ask about ("What type of ...", "What year did ...", "What was
# it called?"): a source states the answer without these words.
_FRAMING_WORDS = """
    type types kind kinds name named names call called calls term word happen happened happens begin began
    start started main example often long old time times year years amount approximately number percentage
    refer referred first last
"""


_FRAMING = frozenset(stem(word) for word in _FRAMING_WORDS.split())
# A filler of the question's words is the answer only in a sentence holding this share of the question's terms
# (the share the relevance gate asks of a chunk, ``[retrieval] min_coverage``).
FILLER_COVERAGE = 0.5
# A number written out is the same term as its digits: a source's "four times" supports an answer's "4" and a
# source's "4 times" an answer's "four" (models copy numbers as digits where sources spell them out).
_UNITS = """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty
"""
_TENS = "thirty forty fifty sixty seventy eighty ninety"
_NUMBER_WORDS = {word: str(value) for value, word in enumerate(_UNITS.split())} | {
    word: str(10 * tens) for tens, word in enumerate(_TENS.split(), 3)
}


def key_terms(text: str) -> set[str]:
    """Stems of the content words (3+ letters, not generic), numbers (also written out, from three to twenty
    and in tens: "four" is "4") and placeholders of ``text``."""
    terms = set()
    for token in TERM_TOKEN.findall(re.sub(r"\[\d+\]", " ", text)):
        if token.startswith("<") or token[0].isdigit():
            terms.add(token.rstrip(".,:"))
        elif token.lower() in GENERIC_WORDS:
            continue  # "one", "two": too often no number ("one of them")
        elif token.lower() in _NUMBER_WORDS:
            terms.add(_NUMBER_WORDS[token.lower()])
        elif len(token) >= 3:
            terms.add(stem(token))
    return terms


def spelled_numbers(text: str) -> set[str]:
    """The digits of every number ``text`` writes out, "one" and "two" included: a source's "two" supports an
    answer's "2"."""
    return {_NUMBER_WORDS[word] for word in re.findall(r"[a-z]+", text.lower()) if word in _NUMBER_WORDS}


@dataclass
class Grounding:
    support: float | None  # share of the answer's new terms found in the sources; None: no new term at all
    coverage: float  # share of the question's terms found in the best-supporting source sentence
    unsupported: list[str]  # the answer's new terms no source contains
    best_sentence: str


def source_terms(text: str) -> set[str]:
    """The terms a source holds: its key terms and the digits of the numbers it writes out (a source's "four"
    holds an answer's "4")."""
    return key_terms(text) | spelled_numbers(text)


def support(answer: str, question: str, sources: Iterable[str]) -> tuple[float | None, list[str]]:
    """(share of the answer's terms not in the question that the sources contain, the missing ones). An
    answer that holds no such term but names something in place of the question word ("Tesla designed the
    lamps Tesla Electric installed" for "Who designed the lamps Tesla Electric installed?") is measured on
    those words when a source sentence states them (``stated_filler``); None: it restates the question."""
    sources = list(sources)
    new = key_terms(answer) - key_terms(question) or stated_filler(answer, question, sources)
    if not new:
        return None, []
    available: set[str] = set()
    for text in sources:
        available |= source_terms(text)
    missing = sorted(new - available)
    return round(1 - len(missing) / len(new), 4), missing


def stated_filler(answer: str, question: str, sources: Iterable[str]) -> set[str]:
    """The terms of what ``answer`` puts in place of the question word (retrieval.answer_slot), when one
    sentence of ``sources`` holds them with at least half of the question's terms ("... illumination systems
    designed by Tesla"); else none: words of the question put in its place, which no source states in that
    role, are no answer."""
    filler = key_terms(slot_filler(answer, question))
    if not filler:
        return set()
    for text in sources:
        for match in SENTENCE.finditer(text):
            sentence = match.group(0)
            if filler <= source_terms(sentence) and coverage(question, sentence) >= FILLER_COVERAGE:
                return filler
    return set()


def best_sentence(answer: str, sources: Iterable[str]) -> str:
    """The source sentence sharing the most terms with the answer ('' when none shares any)."""
    wanted = key_terms(answer)
    best, best_overlap = "", 0
    for text in sources:
        for match in SENTENCE.finditer(text):
            overlap = len(wanted & key_terms(match.group(0)))
            if overlap > best_overlap:
                best, best_overlap = match.group(0).strip(), overlap
    return best


def question_terms(question: str) -> set[str]:
    """The terms a source must hold to address ``question``: its key terms less the framing words and the
    unseen surrogates (``<PERSON_NEW1>``: a value no document holds, so no source can contain it)."""
    return {t for t in key_terms(question) if t not in _FRAMING and not _UNSEEN.fullmatch(t)}


def _covered(asked: set[str], text: str) -> float:
    """Share of the terms ``asked`` that ``text`` contains (1.0 when there is none to look for)."""
    if not asked:
        return 1.0
    return round(len(asked & key_terms(text)) / len(asked), 4)


def coverage(question: str, sentence: str) -> float:
    """Share of the question's terms that ``sentence`` contains (1.0 for a question with no term)."""
    return _covered(question_terms(question), sentence)


def question_coverage(question: str, texts: Iterable[str]) -> float:
    """The largest share of the question's terms that one of ``texts`` contains (0.0 when there is none).

    A retrieved chunk about the right topic but not the asked fact typically lacks the question's specific
    terms: the name, the number, the event. Requiring half of them in one of the top 4 was chosen on XQuAD
    with the gold passage held out (figures: docs/evaluation.md, "Answers and generation").
    """
    asked = question_terms(question)
    return max((_covered(asked, text) for text in texts), default=0.0)


def check(answer: str, question: str, sources: Sequence[str]) -> Grounding:
    """Support of ``answer`` in the cited ``sources``; the question's coverage by the supporting sentence."""
    share, missing = support(answer, question, sources)
    sentence = best_sentence(answer, sources)
    return Grounding(
        support=share, coverage=coverage(question, sentence), unsupported=missing, best_sentence=sentence
    )
