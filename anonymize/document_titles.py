"""Terms of address no list holds, told by the document itself: "kang Ujang" and "kang asep", "bu Nur'aini"
and "Bu Ratna" (Sundanese and Indonesian), "(Interpreter Goldfarb confirms ...)" beside "Yiddish
interpreter", a deposition's answer line "A. Chaya." beside its "Q." lines.

The lists of ``address_terms`` cannot hold every language's terms of address, ranks and roles, and the NER
model takes the word before a name into the name ("kang asep", "Interpreter Goldfarb"): the span misses the
name by a word, and the word becomes part of the pseudonym's key. Five signals a document gives, each cut
from the start of a PERSON span (the span keeps a name word after it):

* **a lower-case word before several different names** (``lower_titles``): a word of two to six
  letters, written in lower case before a capitalized name at least once, stands in the document before two
  different names (each a lexicon name or a word of a found person); no particle of a name ("van", "de",
  "bin"), no stop word, no frequent English word ("to", "with", "and", "cc" and "vs" are no name's start
  either way). A name's own words are written in one case; a lower-case word before capitals is no part of
  it. So are capitals no one bears as a name (the lexicon holds no "NO", "CEO") before two different names
  in title case, outside a line mostly in capitals: a nurse's rank "NO Selasi Kpodo ... NO Kpodo".
* **a role the document writes as a common noun** (``_role_word``): a capitalized English word of six
  letters or more before a name, that the same document also writes in lower case ("Yiddish interpreter ...
  (Interpreter Goldfarb"); not a given name ("Forest Whitaker", "Chance Okonkwo" beside "chance pls call"),
  a sentence's first word, or a word the document writes in lower case only in an address ("an.nguyen@").
* **a transcript's answer label**: "A." opening a line of a document whose other lines open with "Q."
  (``transcript_marks``, which ``name_edges`` applies again at the end).
* **a capitalized word before two different names, one of them a given name the document writes at the start
  of another person's full name without the word** (``given_titles``, session 28): "Mana Rosária", "Mana
  Teresinha" beside "Contact: Rosária Ximenes Pinto" (a Tetum "elder sister"). Not an English given name of
  the lexicon ("Sarah Thomas", "Sarah James" beside "Thomas Müller"), a particle, a stop word, nor a word
  that is a name's inner word elsewhere ("Dube Sipho" beside "Lwazi Dube"); a word before one name only is
  no title, whatever the document's other names ("Ji-woo Kim" beside "Kim Min-jun", "Kenji Tanaka" beside
  "Tanaka Hiroshi": names written in both orders), nor a word before an initial ("Horváth Anna" beside
  "Horváth A." and "A. Ionescu": a surname written first).
* **a roster's rank or position column** (``roster_columns.column_ranks``, session 28): "Cadet Wiremu",
  "FO Dashti" under a crew list whose "Rank" or "POS" column holds "Cadet" and "FO"; a PERSON span of such
  words only ("Cadet" alone, run out of its cell) is dropped.

Not "Mr Big" (nothing is cut after a known title: ``honorifics``' work), not a street, a saint or a
mountain (those are no PERSON spans), not "NO 2" (no name after it), not a capitalized word or capitals the
lexicon holds before names ("Nguyen Van Thanh", "LI Wei", "WANG Fang": a name's first word or a roster's
surname).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_analyzer import RecognizerResult

from anonymize.name_lexicon import NameLexicon
from anonymize.normalize import NAME_PARTICLES
from anonymize.resolution import Resolution
from anonymize.results import copy_span
from anonymize.roster_columns import column_ranks
from anonymize.text import STOP_WORDS
from anonymize.transcript_marks import after_transcript_mark
from anonymize.word_kinds import english_zipf

_MIN_NAMES = 2
_MIN_LETTERS = 2  # a name word, not an initial
_TITLE_ZIPF = 4.0  # "kang" 3.6, "teh" 3.0, "bu" 3.5; "with", "and", "from" far above
_ROLE_ZIPF = 3.0  # "interpreter" 3.5, "chaplain" 3.0
_ROLE_LETTERS = 6  # shorter capitalized words before a name are surnames first too ("Park Ji-sung", "Song")
# Particles and conjunctions of names the normalizer does not list ("Siti binti Ahmad", "Ortega y Gasset").
_PARTICLES = NAME_PARTICLES | frozenset(
    ["binti", "bte", "bt", "y", "e", "i", "zu", "ter", "ten", "te", "af", "av"]
)
# A word, a blank, and the next word (looked at, not taken: every word is a candidate title).
_PAIR = re.compile(r"(?<![\w'’.@/-])([^\W\d_]{2,6})[ \t]+(?=([^\W\d_][\w'’-]*))")
_SENTENCE_START = re.compile(r"(?:[.!?:][ \t]+|\n[ \t]*)$")


def document_titles(state: Resolution) -> None:
    """PERSON spans without the document's own terms of address at their start (module doc)."""
    if state.lexicon is None:
        return
    persons = [r for r in state.results if r.entity_type == "PERSON"]
    if not persons:
        return
    ranks = column_ranks(state.text)  # a roster's ranks: "Cadet Wiremu", and "Cadet" alone is no name
    titles = (
        lower_titles(state.text, persons, state.lexicon)
        | ranks
        | given_titles(state.text, persons, state.lexicon)
    )
    state.results = [
        _trimmed(state.text, r, titles, state.lexicon) if r.entity_type == "PERSON" else r
        for r in state.results
        if r.entity_type != "PERSON" or not _only_ranks(state.text[r.start : r.end], ranks)
    ]


def lower_titles(text: str, persons: Sequence[RecognizerResult], lexicon: NameLexicon) -> frozenset[str]:
    """The casefolded words that are terms of address in ``text``: written in lower case before a capitalized
    name at least once, before two different names in all (module doc)."""
    known = {w.casefold() for r in persons for w in re.findall(r"[^\W\d_][\w'’-]*", text[r.start : r.end])}
    names: dict[str, set[str]] = {}
    lowered: set[str] = set()
    capitals: set[str] = set()
    for match in _PAIR.finditer(text):
        word, name = match.group(1), match.group(2)
        folded = word.casefold()
        if (
            folded in _PARTICLES
            or (word.islower() and folded in STOP_WORDS)
            or not (word.islower() or word.isupper())
        ):
            continue
        if not (lexicon.name_word(name) or name.casefold() in known) or name.casefold() == folded:
            continue
        names.setdefault(folded, set()).add(name.casefold())
        if word.islower() and name[0].isupper():
            lowered.add(folded)
        elif (
            word.isupper() and name.istitle() and not lexicon.name_word(word) and not _caps_line(text, match)
        ):
            capitals.add(folded)  # a rank's letters no one bears as a name: "NO Kpodo", "CEO Ama Owusu"
    return frozenset(w for w in lowered if len(names[w]) >= _MIN_NAMES and english_zipf(w) < _TITLE_ZIPF) | {
        w for w in capitals if len(names[w]) >= _MIN_NAMES
    }


def given_titles(text: str, persons: Sequence[RecognizerResult], lexicon: NameLexicon) -> frozenset[str]:
    """The casefolded capitalized words that stand before two different names, one of them a given name the
    document also writes at the start of another person's full name without the word ("Mana Rosária",
    "Mana Teresinha" beside "Contact: Rosária Ximenes Pinto"; module doc)."""
    values = [_words(text[r.start : r.end]) for r in persons]
    full_starts: dict[str, list[int]] = {}
    for r, words in zip(persons, values, strict=True):
        if len(words) >= 2:
            full_starts.setdefault(words[0].casefold(), []).append(r.start)
    inner = {w.casefold() for words in values for w in (words[1:] if len(words) > 1 else words)}
    names: dict[str, set[str]] = {}
    told: set[str] = set()
    surnames: set[str] = set()
    for words in values:
        if len(words) < 2 or not (words[0].istitle() and words[1].istitle()):
            continue
        title, name = words[0].casefold(), words[1].casefold()
        if title in _PARTICLES or title in lexicon.english_given or title in inner or title in STOP_WORDS:
            continue
        if len(name) < _MIN_LETTERS:  # "Horváth A.": a surname before an initial, written surname first
            surnames.add(title)
        names.setdefault(title, set()).add(name)
        if len(words) == 2 and any(
            not re.search(rf"\b{re.escape(words[0])}[ \t]+$", text[max(0, start - 30) : start])
            for start in full_starts.get(name, [])
        ):
            told.add(title)
    return frozenset(t for t in told - surnames if len(names[t]) >= _MIN_NAMES)


def _words(value: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w'’-]*", value)


def _only_ranks(value: str, ranks: frozenset[str]) -> bool:
    words = re.findall(r"[^\W_]+", value)
    return bool(ranks) and bool(words) and all(w.casefold() in ranks for w in words)


def _caps_line(text: str, match: re.Match[str]) -> bool:
    """The word stands in a line mostly in capitals (a heading, a roster's row of surnames)."""
    start, end = text.rfind("\n", 0, match.start()) + 1, text.find("\n", match.end())
    letters = [c for c in text[start : end if end >= 0 else len(text)] if c.isalpha()]
    return sum(c.isupper() for c in letters) * 2 > len(letters)


def _trimmed(
    text: str,
    result: RecognizerResult,
    titles: frozenset[str],
    lexicon: NameLexicon,
) -> RecognizerResult:
    start = after_transcript_mark(text, result.start, result.end)
    while True:
        match = re.match(r"([^\W\d_]+)[ \t]+(?=[^\W\d_])", text[start : result.end])
        if match is None or start + match.end() >= result.end:
            break
        word = match.group(1)
        if word.casefold() in titles or _role_word(text, start, word, lexicon):
            start += match.end()
            continue
        break
    return result if start == result.start else copy_span(result, start, result.end)


def _role_word(text: str, start: int, word: str, lexicon: NameLexicon) -> bool:
    """``word`` at ``start`` is a role the document writes as a common noun too (module doc)."""
    if len(word) < _ROLE_LETTERS or not word.istitle():
        return False
    if not text[max(0, start - 20) : start].strip() or _SENTENCE_START.search(
        text, max(0, start - 20), start
    ):
        return False
    folded = word.casefold()
    if folded in lexicon.given or english_zipf(folded) < _ROLE_ZIPF:
        return False  # "Chance Okonkwo" beside "chance pls call"
    # As a word of prose, not of an address or a handle ("an.nguyen@...", "an-nguyen").
    return re.search(rf"(?<![\w'’.@/_-]){re.escape(folded)}(?![\w'’@_-]|\.\w)", text) is not None
