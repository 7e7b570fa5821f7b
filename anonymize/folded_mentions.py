"""Mentions of a found name typed without its accents or hyphens: "Đặng Thu Thảo ... dang thu thao ...
consent_dang_thu_thao.pdf", "Baek Ha-neul (haneul)", "minjun.kim ... ask me or min-jun", "Ileana
Popescu-Vlad ... IMG_popescu_front_01.jpg".

``name_mentions.propagate`` and ``name_forms`` find a name's repeats written as found, in its case or the
other; a keyboard without the letters drops the accents ("Đặng" typed "dang"), a handle or a file name drops
the hyphens and the blanks. Here a name's words are compared folded (``name_keys.fold``: case, accents,
hyphens), and only the mentions whose folding mattered are taken (the others are those steps' to find):

* **a whole name** of two words or more, in any case, its words joined by blanks, underscores or dots, in the
  name's order or with its first or last word moved to the other end ("dang thu thao", "dang_thu_thao",
  "thao dang thu" of "Đặng Thu Thảo");
* **one word** in lower case or capitals, at least ``_MIN_LETTERS`` letters, no everyday English word, stop
  word or known place, that folds to a found name's word or to a part of its hyphenated word ("haneul" of
  "Ha-neul", "popescu" of "Popescu-Vlad"); not after a determiner ("the"), not in an e-mail address or a web
  address.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from presidio_analyzer import RecognizerResult

from anonymize.filters import NOT_NAME_WORDS
from anonymize.gazetteer import drop_places, known_place
from anonymize.name_keys import fold
from anonymize.recognizers.lower_names import everyday_word
from anonymize.resolution import Resolution
from anonymize.results import rule_result, tier

FOLDED_NAME = "FoldedMention"
_SCORE = 0.6  # as a name's other mentions
_MIN_LETTERS = 4
_ENGLISH_ZIPF = 3.0  # a single word this frequent in English is no mention on folding alone ("dang", "long")
_YIELDING = frozenset(["LOCATION", "ORGANIZATION", "NRP"])
# A word: letters, hyphens inside ("min-jun"); blanks, underscores, dots and digits end it.
_WORD = re.compile(r"(?<![^\W_])[^\W\d_]+(?:-[^\W\d_]+)*(?![^\W_])")
_JOINS = (" ", "_", ".")
_DETERMINER_BEFORE = re.compile(r"(?<![\w'’])(?i:the|a|an|this|that|its|their|our|his|her|my|your)[ \t]+$")
_ADDRESS_CHUNK = re.compile(r"@|://|www\.")
_fold = fold  # cached in name_keys


def folded_mentions(state: Resolution) -> None:
    """The found names' mentions typed without their accents or hyphens (module doc) join the results; the
    NER model's places, organizations and groups there give way."""
    text = state.text
    persons = [r for r in state.results if r.entity_type == "PERSON"]
    if not persons:
        return
    names, words, written = _name_keys(text, persons)
    # A name written only in capitals is sought in lower case too ("MR. HARTMANN ... hartmann fine now"):
    # ``name_forms`` gives capitals' title case only.
    lower_written = {
        w.casefold() for r in persons for w in _raw_words(text[r.start : r.end]) if not w.isupper()
    }
    if not names and not words:
        return
    taken = [r for r in state.results if not (tier(r) == 2 and r.entity_type in _YIELDING)]
    tokens = list(_WORD.finditer(text))
    keys = [_fold(m.group()) for m in tokens]  # each word folded once (and each form once per process)
    found: list[tuple[int, int]] = []
    inside: list[RecognizerResult] = []  # a person found in part inside a whole name's run gives way to it
    for start, end in _name_runs(text, tokens, keys, names):
        if not _folding_mattered(text[start:end], written) or _in_address(text, start):
            continue
        parts = [r for r in taken if r.entity_type == "PERSON" and start <= r.start and r.end <= end]
        if not _overlaps(start, end, [r for r in taken if all(r is not p for p in parts)], found):
            found.append((start, end))
            inside += parts
    for m, key in zip(tokens, keys, strict=True):
        value = m.group()
        if key not in words or not (value.islower() or value.isupper()):
            continue
        if value.casefold() in (lower_written if value.islower() else written) or _in_address(
            text, m.start()
        ):
            continue
        if not _overlaps(m.start(), m.end(), taken, found) and _plain_word(text, m.start(), value):
            found.append(m.span())
    if not found:
        return
    new = state.admitted(
        drop_places(text, [rule_result("PERSON", s, e, _SCORE, FOLDED_NAME) for s, e in sorted(found)])
    )
    overlapped = inside + [
        r for r in state.results if tier(r) == 2 and any(n.start < r.end and r.start < n.end for n in new)
    ]
    state.results = [r for r in state.results if all(r is not o for o in overlapped)] + new


def _name_keys(text: str, persons: list[RecognizerResult]) -> tuple[set[tuple[str, ...]], set[str], set[str]]:
    """The folded word sequences of the names of two words or more (and their rotations), the folded single
    words worth seeking (and the parts of hyphenated ones), and every name word as written, casefolded."""
    names: set[tuple[str, ...]] = set()
    words: set[str] = set()
    written: set[str] = set()
    for r in persons:
        raw = _raw_words(text[r.start : r.end])
        keys = tuple(k for k in (_fold(w) for w in raw) if k)
        written |= {w.casefold() for w in raw}
        if len(keys) >= 2:
            names |= {keys, keys[1:] + keys[:1], keys[-1:] + keys[:-1]}
        for w in raw:
            for piece in {w, *w.split("-")}:
                key = _fold(piece)
                if len(key) >= _MIN_LETTERS and key.isalpha() and not everyday_word(key, _ENGLISH_ZIPF):
                    words.add(key)
    return names, words, written


def _raw_words(value: str) -> list[str]:
    return [w for w in re.split(r"[\s._,;:()<>/]+", value) if w]


def _name_runs(
    text: str, tokens: list[re.Match[str]], keys: list[str], names: set[tuple[str, ...]]
) -> Iterator[tuple[int, int]]:
    """Runs of ``tokens`` (folded: ``keys``) joined by one blank, underscore or dot each whose folded words
    are one of ``names``."""
    if not names:
        return
    lengths = sorted({len(n) for n in names}, reverse=True)
    firsts = {n[0] for n in names}
    index = 0
    while index < len(tokens):
        if keys[index] in firsts:  # a run can only start at a name's first word
            for size in lengths:
                run = tokens[index : index + size]
                joined = len(run) == size and all(
                    text[a.end() : b.start()] in _JOINS for a, b in zip(run, run[1:], strict=False)
                )
                if joined and tuple(keys[index : index + size]) in names:
                    yield run[0].start(), run[-1].end()
                    index += size - 1
                    break
        index += 1


def _folding_mattered(value: str, written: set[str]) -> bool:
    """Some word of ``value`` is written otherwise than the found name's words (accents, hyphens, joiners):
    a repeat written as found is ``name_mentions``' and ``name_forms``' to find ("dang_thu_thao" beside
    "dang thu thao" is not)."""
    return "_" in value or "." in value or any(w.casefold() not in written for w in value.split(" "))


def _plain_word(text: str, start: int, value: str) -> bool:
    """A single word that may be a name's mention: no stop word, known place, everyday English word, nor
    after a determiner."""
    return (
        value.casefold() not in NOT_NAME_WORDS
        and not everyday_word(value, _ENGLISH_ZIPF)
        and not known_place(value)
        and not known_place(value.title())
        and not _DETERMINER_BEFORE.search(text, max(0, start - 8), start)
    )


def _in_address(text: str, at: int) -> bool:
    """``at`` is inside an e-mail or web address (its blank-delimited chunk has an "@", "://" or "www.")."""
    start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at), text.rfind("\t", 0, at)) + 1
    end = len(text)
    for blank in (" ", "\n", "\t"):
        k = text.find(blank, at)
        if 0 <= k < end:
            end = k
    return bool(_ADDRESS_CHUNK.search(text, start, end))


def _overlaps(start: int, end: int, taken: list[RecognizerResult], found: list[tuple[int, int]]) -> bool:
    return any(r.start < end and start < r.end for r in taken) or any(s < end and start < e for s, e in found)
