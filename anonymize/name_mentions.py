"""Other mentions of a detected name's words in the same text, written as detected ("Ann Lee ... Lee said"),
as PERSON results (``propagate``); ``name_forms`` seeks them in the other case ("Lentini ... LENTINI")."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymize.names import plausible_person
from anonymize.person_cues import SENTENCE_START_VERBS
from anonymize.propagation import mentions_outside
from anonymize.recognizers.lower_names import everyday_word
from anonymize.text import STOP_WORDS
from anonymize.text_kinds import in_lower_case

_CAPS_TAIL = re.compile(r"(?<=\w)\w+")
_HANDLE_SPLIT = re.compile(r"\s+|_|(?<=[^\W\d_]{2})\.(?=[^\W\d_]{2})")  # "pedro.alves", "lena_achterberg"


def propagate(
    text: str, names: list[RecognizerResult], blocking: list[RecognizerResult], stop_words: frozenset[str]
) -> list[RecognizerResult]:
    """Other mentions of the words of detected ``names`` in the same text ("Ann Lee ... Lee said"), as PERSON
    results, except where a ``blocking`` result already is; a handle's parts too ("pedro.alves")."""
    candidates = {w.strip(".,;:'’") for r in names for w in _HANDLE_SPLIT.split(text[r.start : r.end])}
    candidates = {
        w
        for w in candidates
        if len(w) >= 3 and (w[0].isupper() or _ARTICLE_NAME.match(w)) and w.casefold() not in stop_words
    }
    # kept names' "Levi-Stern" too; an all-caps name's words as their title case ("MUSA" as "Musa")
    titled = {w: _CAPS_TAIL.sub(lambda m: m.group().lower(), w) if w.isupper() else w for w in candidates}
    # A name word English barely uses ("Tendai", "Kehinde", "Laleh") is the name where the text writes it in
    # lower case too (a handle, a chat line, a loan word), no common noun.
    words = {
        w
        for w in candidates
        if plausible_person(titled[w], text, True, hyphenated=True, rare_name=_rare_word)
    }
    # A word the text also uses in lower case ("Precious ... a precious few") is the name where it is
    # capitalized inside a sentence ("chatting with Precious"); at a sentence's start the capital tells
    # nothing ("Bill will reject them" beside "the bill").
    inside = {
        w
        for w in candidates - words
        if not w.isupper()
        and in_lower_case(w, text)
        and plausible_person(w, text, True, hyphenated=True, rare_name=lambda _: True)
    }
    if not words and not inside:
        return []
    taken = [(r.start, r.end) for r in [*names, *blocking]]
    found = []
    if words:
        found = mentions_outside(_whole_words(words), text, taken)
    if inside:
        found += [
            r
            for r in mentions_outside(_whole_words(inside), text, taken)
            if inside_sentence(text, r.start) or _PERSON_VERB_AFTER.match(text, r.end)
        ]
    return found


_PERSON_VERB_AFTER = re.compile(rf"[ \t]+(?:{SENTENCE_START_VERBS})\b")
_ARTICLE_NAME = re.compile(r"(?:al|el)-[A-Z]")  # "al-Zahrani's calculations" after "Khalil al-Zahrani"
_RARE_ZIPF = 3.0  # as ``filters``: "hafiz" 2.7, "dara" 3.0; "sakura" 3.3, "chase" 4.4


def _rare_word(word: str) -> bool:
    """A word English barely uses ("Tendai", "Laleh"; not "Chase", "Hope")."""
    return not everyday_word(word, _RARE_ZIPF)


def _whole_words(words: set[str]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word (not inside a hyphenated one)."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(words))) + r")(?![\w-])")


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def named_inside_sentence(text: str, start: int, end: int) -> bool:
    """The capitalized word at ``start``-``end`` reads as a name where the text also writes it as a common
    word: inside a sentence (``inside_sentence``), and the nearest words before and after it that are no stop
    words are not capitalized ("interest in Tesla since the 1990s"; not a name's or a title's run: "the United
    Methodist Church states", "the General Board of Church and Society", "of Tumor Necrosis Factor"). A
    sentence's start tells nothing here, not even before a modal ("Committees can also meet")."""
    if not inside_sentence(text, start):
        return False
    sentence_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    sentence_end = min(i for i in (text.find(".", end), text.find("\n", end), len(text)) if i >= 0)
    before = [w for w in _WORD.findall(text, sentence_start, start) if w.lower() not in STOP_WORDS]
    after = [w for w in _WORD.findall(text, end, sentence_end) if w.lower() not in STOP_WORDS]
    return not any(words and words[k][:1].isupper() for words, k in ((before, -1), (after, 0)))


def inside_sentence(text: str, start: int) -> bool:
    """A word at ``start`` follows another word of its sentence (not a line's or a sentence's start), and no
    determiner ("the Chase Manhattan statement")."""
    before = text[max(0, start - 40) : start].rstrip(" \t")
    return (
        bool(before) and (before[-1].isalnum() or before[-1] in ",;") and not _DETERMINER_END.search(before)
    )


_DETERMINER_END = re.compile(r"(?<![\w'’])(?i:the|a|an|this|that|these|those|its|their|our|his|her|my|your)$")
