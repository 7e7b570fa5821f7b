"""What a draft puts where the question asks: the words of an answer that restates the question with a name or
a phrase in place of its question word ("Who designed the lamps that Tesla Electric installed?" -> "Tesla
designed the lamps that Tesla Electric installed.": "Tesla"; "What rainforest covers the Amazon basin?" ->
"The Amazon rainforest covers the Amazon basin.": "The Amazon rainforest").

Such an answer holds no term the question lacks (the question names the company after the person, the basin
after the forest), so a check that reads only the answer's new terms takes it for a restatement of the
question (retrieval.grounding.support). Its claim is the filler: the terms its sources must hold.

The filler is read from a word-level alignment of the question and the answer (stems; citation markers left
out): the answer's run that replaces the question's run holding the question word, when that run names
something. A draft that only reorders the question ("The Normans' main enemy in Italy was the Byzantine
Empire and Armenia." for "Who was the Normans' main enemy in Italy, the Byzantine Empire and Armenia?") or
puts a pronoun there ("He also describes the distillation ..." for "Who wrote about the distillation ...?")
has none."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from anonymize.text import GENERIC_WORDS, TERM_TOKEN, stem

_MARKER = re.compile(r"\[\d+\]")
_QUESTION_WORDS = frozenset({"who", "whom", "whose", "what", "which", "where", "when"})
# A question word asking for a kind ("What rainforest", "Which party"): the kind follows the answer's filler.
_KIND_ASKED = frozenset({"what", "which"})


def _key(word: str) -> str:
    if word.startswith("<") or word[0].isdigit():
        return word
    return stem(word.lower().removesuffix("'s"))


def _names_something(words: list[str]) -> bool:
    """A placeholder, a number or a content word (3+ letters, not generic) among ``words``."""
    return any(
        w.startswith("<") or w[0].isdigit() or (len(w) >= 3 and w.lower() not in GENERIC_WORDS) for w in words
    )


def slot_filler(answer: str, question: str) -> str:
    """The answer's words in place of the question word (see the module's doc), '' when it puts nothing
    there; with the noun a "what"/"which" asks the kind of when the answer repeats it right after."""
    asked = TERM_TOKEN.findall(question)
    said = TERM_TOKEN.findall(_MARKER.sub(" ", answer))
    if not asked or not said:
        return ""
    matcher = SequenceMatcher(None, [_key(w) for w in asked], [_key(w) for w in said], autojunk=False)
    for tag, q_start, q_end, a_start, a_end in matcher.get_opcodes():
        replaced = [w.lower() for w in asked[q_start:q_end]]
        if tag != "replace" or not _QUESTION_WORDS & set(replaced):
            continue  # only what stands where the question word stood
        words = said[a_start:a_end]
        if not _names_something(words):
            return ""  # a pronoun or a verb in its place
        kind = replaced[-1] in _KIND_ASKED and q_end < len(asked) and a_end < len(said)
        if kind and _key(asked[q_end]) == _key(said[a_end]):  # "What rainforest" -> "The Amazon rainforest"
            words = [*words, said[a_end]]
        return " ".join(words)
    return ""
