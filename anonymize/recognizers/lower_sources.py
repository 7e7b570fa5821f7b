"""Two more sources for the lower-case name recognizer (``lower_names``):

* **the document's own capitals**: a word the document writes elsewhere in title case inside a sentence, as a
  name ("... Chance Okonkwo (Hartley & Co) ..." then "chance pls call"; "Then Femi or Blessing" then "femi /
  blessing: confirm"): a given name of the lexicon, or any word right before a surname of the lexicon in
  title case. Such a word is a name in lower case in a person's slot, though English uses it too ("chance",
  "blessing"): it stands for the lexicon's point, and the everyday word's extra slot is not asked;
* **runs of capitals**: words typed in capitals, three or more in a row on a line ("ANE: NOT ME, GAVE IT TO
  XABI", "REGARDS ABEBE / MERON"), are read in lower case, where the lower-case slots tell a name from a
  shouted word ("gave it to xabi", "regards abebe / meron"); a name is taken inside such a run only.
"""

from __future__ import annotations

import re

from anonymize.caps_names import same_length_lower
from anonymize.name_lexicon import NameLexicon
from anonymize.recognizers.lower_slots import CALENDAR_WORDS
from anonymize.text import STOP_WORDS
from anonymize.word_kinds import english_zipf

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LOWER = "a-zß-öø-ÿā-ž"
_MIN_LETTERS = 3
_RARE_SURNAME_ZIPF = 3.0
# A word in title case after a letter and a blank, or a comma (inside a sentence, not at its start), and the
# title-case word after it, if any: "Kind regards, Chance", "for Ate Joy", "2026, Chance Okonkwo".
_TITLED_INSIDE = re.compile(
    rf"(?:(?<=[^\W\d_])|(?<=[^\W_],))[ \t]([{_UPPER}][{_LOWER}]{{2,}})(?![\w'’-])"
    rf"(?:[ \t]([{_UPPER}][{_LOWER}]+)(?![\w-]))?"
)
_CAPS_WORD = rf"[{_UPPER}][{_UPPER}'’-]*"
# Three words in capitals or more, with blanks and punctuation between them on one line.
_CAPS_RUN = re.compile(rf"(?<![\w'’-]){_CAPS_WORD}(?:[^\w\n]+{_CAPS_WORD}(?![\w'’-])){{2,}}")
_MIN_RUN_LETTERS = 12  # "GAVE IT TO XABI"; not an acronym list ("HR / IT / QA")


def titled_names(text: str, lexicon: NameLexicon) -> frozenset[str]:
    """The lower-case forms of the words ``text`` writes in title case inside a sentence as names: a given
    name of the lexicon (an English speaker's too), or a word before a title-case surname of the lexicon rare
    in English."""
    found = set()
    for match in _TITLED_INSIDE.finditer(text):
        word, after = match.group(1), match.group(2)
        key = word.casefold()
        if key in STOP_WORDS or key in CALENDAR_WORDS or len(key) < _MIN_LETTERS:
            continue
        if (
            lexicon.given_name(word)
            or key in lexicon.english_given
            or (after and lexicon.surname(after) and english_zipf(after.casefold()) < _RARE_SURNAME_ZIPF)
        ):
            found.add(key)
            if after:  # the pair too: "Maria Fe Dizon" then "met maria fe"
                found.add(f"{key} {after.casefold()}")
    return frozenset(found)


_NEXT_WORD = re.compile(r" ([^\W\d_]+)(?![\w'’-])")


def with_titled_pair(text: str, start: int, end: int, titled: frozenset[str]) -> tuple[int, int]:
    """``(start, end)`` grown over the next word when the document writes both in title case as a name's
    first two words ("Maria Fe Dizon": "maria" grows to "maria fe")."""
    match = _NEXT_WORD.match(text, end)
    if match and f"{text[start:end]} {match.group(1)}".casefold() in titled:
        return start, match.end(1)
    return start, end


def caps_lowered(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """``text``'s runs of capitals in lower case, all else blanked but the line breaks (same offsets: the
    recognizer reads the runs alone, cheaply), and the runs; None without a run."""
    runs = [
        m.span()
        for m in _CAPS_RUN.finditer(text)
        if sum(ch.isalpha() for ch in m.group()) >= _MIN_RUN_LETTERS
    ]
    if not runs:
        return None
    chars = [ch if ch == "\n" else " " for ch in text]
    for start, end in runs:
        chars[start:end] = same_length_lower(text[start:end])
    return "".join(chars), runs


def inside(spans: list[tuple[int, int]], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that lie inside one of ``runs``."""
    return [(s, e) for s, e in spans if any(rs <= s and e <= re_ for rs, re_ in runs)]
