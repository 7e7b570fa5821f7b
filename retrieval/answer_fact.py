"""The fact first: a draft that opens by restating the question ("The Commission has a monopoly on initiating
legislation [1].") is shown as the fact, then that sentence as its context ("The Commission [1]. The
Commission has a monopoly on initiating legislation."). The fact is what the first sentence adds to the
question: the sentence without its longest opening and closing runs of the question's words (and function
words). Nothing changes unless those runs hold at least two of the question's content words and what is left
is short and new. A sentence made only of the question's words is shown after what it puts in place of the
question word, when it puts a name or a phrase there (retrieval.answer_slot: "Tesla [1]. Tesla designed the
lamps that Tesla Electric installed.")."""

from __future__ import annotations

import re

from anonymize.text import stem
from retrieval.answer_slot import slot_filler

_MARKER = re.compile(r"\s*\[\d+\]")
_END = re.compile(r"[.!?](?=\s|$)")
_EDGE = "\"'()[],;:.!? "
_FUNCTION_WORDS = """a an the is was are were be been being of in on at to by for from as and or that which
    it its this these those there their has have had do does did what who whom whose when where why how with
    into than"""
_FUNCTION = frozenset(_FUNCTION_WORDS.split())
MAX_FACT_WORDS = 12
# Where the fact was read is no part of it: "The sources state that special efforts must be made ..." and
# "According to the documents, ..." open with the source, not the fact (the prompt calls them sources).
_FRAMING = re.compile(
    r"^(?:according to (?:the |these )?(?:sources?|documents?),\s*"
    r"|(?:the |these )?(?:sources?|documents?) "
    r"(?:states?|indicates?|says?|shows?|mentions?|suggests?) that\s+)"
    r"(?=\S)",
    re.I,
)


def _key(token: str) -> str:
    word = token.strip(_EDGE).lower()
    return stem(word) if word else ""


def _restates(token: str, asked: set[str]) -> bool:
    key = _key(token)
    return not key or key in asked or token.strip(_EDGE).lower() in _FUNCTION


_FORWARD_WORDS = """my your his her its our their a an the of in on at to by for from as and or with into than
    very fully partly mostly nearly almost about around over under up per each every some any no not"""
_FORWARD = frozenset(_FORWARD_WORDS.split())


def _binds_forward(token: str) -> bool:
    """A word that needs what follows it: a determiner, a possessive, a preposition, a conjunction, a degree
    adverb ("fully paid"; a capitalized "Italy" is none)."""
    word = token.strip(_EDGE)
    return word.lower() in _FORWARD or (word.islower() and word.endswith("ly") and len(word) > 4)


def fact_first(text: str, question: str) -> str:
    """``text`` with the fact its first sentence adds to ``question`` put first (see the module's doc); an
    opening that names the sources instead of the fact is dropped."""
    if framing := _FRAMING.match(text):
        rest = text[framing.end() :]
        text = rest[0].upper() + rest[1:]
    end = _END.search(text)
    head, tail = (text[: end.start()], text[end.end() :]) if end else (text, "")
    markers = "".join(m.group(0) for m in _MARKER.finditer(head)).strip()
    sentence = _MARKER.sub("", head).strip()
    tokens = sentence.split()
    asked = {_key(t) for t in question.split()} - {""}
    start = 0
    while start < len(tokens) and _restates(tokens[start], asked):
        start += 1
    if start and tokens[start - 1].lower() in ("the", "a", "an"):
        start -= 1  # "The Commission", not "Commission"
    stop = len(tokens)
    while stop > start and _restates(tokens[stop - 1], asked):
        stop -= 1
    if stop < len(tokens) and stop > start and _binds_forward(tokens[stop - 1]):
        stop = len(tokens)  # "16 weeks of fully [paid parental leave]": the cut would leave a dangling word
    fact = " ".join(tokens[start:stop]).strip(" ,;:")
    if not fact:  # the whole sentence restates the question: its fact is what stands in the question word
        return _filler_first(text, sentence, markers, tail, question)
    if fact.count("(") > fact.count(")"):  # "1795 (Vol" of "... in 1795 (Vol. 1, Vol. 2).": cut at the "("
        fact = fact[: fact.rfind("(")].rstrip(" ,;:")
    restated = {
        _key(t)
        for t in tokens[:start] + tokens[stop:]
        if _key(t) in asked and t.strip(_EDGE).lower() not in _FUNCTION
    }
    if not fact or len(restated) < 2 or stop - start > MAX_FACT_WORDS or stop - start == len(tokens):
        return text
    fact = fact[0].upper() + fact[1:]
    lead = f"{fact} {markers}".strip() if markers else fact
    return f"{lead}. {sentence}.{tail}".rstrip()


def _filler_first(text: str, sentence: str, markers: str, tail: str, question: str) -> str:
    """A sentence made of the question's words, one of them in place of its question word ("Tesla designed
    the lamps that Tesla Electric installed."): that one first (retrieval.answer_slot); else ``text``."""
    filler = slot_filler(sentence, question)
    if not filler or len(filler.split()) > MAX_FACT_WORDS:
        return text
    filler = filler[0].upper() + filler[1:]
    lead = f"{filler} {markers}".strip() if markers else filler
    return f"{lead}. {sentence}.{tail}".rstrip()
