"""A draft that repeats the prompt's rules is no answer. Small models sometimes copy an instruction ("Give the
answer first, copied word for word from the source ...") when they do not find the fact; such a draft is
never shown as an answer: while the streamed words could still be the rules' words they are held back, and a
draft mostly made of runs of the rules' words is treated as no answer (the closest passage is shown)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.prompt import ANSWER_HEAD, JUDGE_INSTRUCTION, SYSTEM_PROMPT

RUN = 3  # words in a row shared with the rules (and absent from the sources) count as copied
ECHO_SHARE = 0.5  # a draft with at least this share of its words copied from the rules is an echo
HOLD_WORDS = 4  # the stream's first words held back while they follow the rules word for word
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_MARKER = re.compile(r"\[\d+\]")


def words(text: str) -> list[str]:
    """Lower-case words, citation markers left out."""
    return _WORD.findall(_MARKER.sub(" ", text.lower()))


RULES = (SYSTEM_PROMPT, ANSWER_HEAD, JUDGE_INSTRUCTION)
_RULE_WORDS = [words(rule) for rule in RULES]


def _runs(sequence: Sequence[str]) -> set[tuple[str, ...]]:
    return {tuple(sequence[i : i + RUN]) for i in range(len(sequence) - RUN + 1)}


_RULE_RUNS = set().union(*(_runs(w) for w in _RULE_WORDS))


def echo_share(text: str, sources: Sequence[str] = ()) -> float:
    """The share of ``text``'s words that lie in a run of ``RUN`` words found in the rules but in none of
    ``sources`` (the question and the passages the model saw: copying those is answering)."""
    said = words(text)
    if not said:
        return 0.0
    own = _RULE_RUNS - set().union(*(_runs(words(s)) for s in sources)) if sources else _RULE_RUNS
    copied = [False] * len(said)
    for i in range(len(said) - RUN + 1):
        if tuple(said[i : i + RUN]) in own:
            copied[i : i + RUN] = [True] * RUN
    return sum(copied) / len(said)


def echoes_rules(text: str, sources: Sequence[str] = ()) -> bool:
    """Whether the draft is mostly the rules' own words (see ``echo_share``)."""
    return echo_share(text, sources) >= ECHO_SHARE


def _could_follow_rules(said: list[str], partial: str) -> bool:
    """Whether the words so far (``partial``: the last one, unfinished) appear in a row in the rules."""
    n = len(said)
    for rule in _RULE_WORDS:
        for start in range(len(rule) - n + 1):
            if rule[start : start + n] != said:
                continue
            if not partial or (start + n < len(rule) and rule[start + n].startswith(partial)):
                return True
    return False


class EchoHold:
    """What of a streamed draft to show: its opening is held while it could be the rules' words (a real
    answer is released at its first word the rules do not continue with, usually the first); after
    ``HOLD_WORDS`` words that follow the rules, nothing more is shown (``shown`` stays False: the checked
    answer is sent whole)."""

    def __init__(self) -> None:
        self._held = ""
        self.shown = False
        self.echoing = False

    def feed(self, piece: str) -> str:
        if self.shown:
            return piece
        self._held += piece
        if self.echoing:
            return ""
        said = words(self._held)
        finished = bool(self._held) and not self._held[-1].isalnum()
        partial = "" if finished or not said else said.pop()
        if not said and not partial:
            return ""  # nothing but spaces and punctuation so far
        if _could_follow_rules(said, partial):
            self.echoing = len(said) >= HOLD_WORDS
            return ""
        self.shown = True
        return self._held
