"""What kind of text a span is in: scientific or technical prose, text written without capitals; and
whether the text writes a word in lower case (a common noun there)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from anonymize.word_kinds import SCIENCE_SUFFIX, common_word, technical_word

_TOKEN = re.compile(r"\S+")
_WORDISH = re.compile(r"\S*[^\W\d_]\S*")
# Tokens worth a closer look: a letter next to a digit, two capitals in a row, a capital after a small letter,
# or a formula character.
_TECHNICAL_HINT = re.compile(r"[^\W\d_]\d|\d[^\W\d_]|[A-Z][A-Z]|[a-z][A-Z]|[^\w\s.,;:'’\"!?-]")
_PLAIN_NUMBER = re.compile(r"[\d.,:/\-–—+()%$€£]+")
_CAPS_RUN = re.compile(
    r"(?<!\S)[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]*[A-ZÀ-ÖØ-Þ](?:[ \t]+[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]*[A-ZÀ-ÖØ-Þ])+(?!\S)"
)
# A symbol's mark, beyond capitals: a letter beside a digit, a capital after a small letter, a formula's sign
# after a letter, a call's or an index's bracket glued to a word ("IL-6", "p53", "CD4+", "mRNA", "Aβ",
# "parse(row)", "row['Name']").
_SYMBOL = re.compile(r"[^\W\d_]\d|\d[^\W\d_]|[a-z][A-Z]|[^\W\d_][+=/µ%(\[]|[α-ω]")
_PERIOD = re.compile(r"\d{4}[-–—](?:\d{2,4}|[a-z]+)")  # a period in a CV: "2015–2019", "2021–present"
# Latinate derivations that scientific prose writes in lower case ("expression", "activity", "significant",
# "regulated", "variance"), checked on words of 7+ letters.
_LATINATE = re.compile(
    r"(?:tions?|sions?|it(?:y|ies)|ives?|ous|al|ics?|ases?|at(?:ed|ing)|ences?|ances?|isms?|osis|ular|ogy|"
    r"oids?|i[sz]ed)$"
)
# Share of the words that are such lower-case words in a scientific abstract: 1% of SciFact's abstracts
# have fewer than 8.5%, 1% of the business documents (memos, rosters, tables, e-mails) more than 6%.
_SCIENCE_SHARE = 0.07
_EDGE_PUNCTUATION = ".,;:!?\"'()[]"
# A sentence's first word, capitalized for its place: at the start of the text or of a paragraph, or after a
# sentence's end, before a lower-case word, in a sentence with no label's colon ("Deletions of p18 ...";
# not "Reception notes: ...").
_SENTENCE_START = re.compile(
    r"(?:\A|\n[ \t]*\n|[.!?][ \t]+)([A-Z][a-z]+)(?=[ \t]+[a-z][^:\n]*?[.!?](?:\s|\Z))"
)
# A token of source code: a call or an index ("parse(row):", "row['Name']"), an assignment or a comparison
# ("name=name,", "=", "=="), an arrow, a scope, a brace, or a keyword that starts a statement.
_CODE_TOKEN = re.compile(
    r"\w[(\[]|\w=\w|^[=!<>+\-*/]?=+$|->|=>|::|[{}]|;$|^(?:def|return|import|elif|lambda|const|var|let|void|fn|func)$"
)
_CODE_SHARE = 0.15  # of the tokens


def _heading_words(text: str) -> str:
    """``text`` with all-caps headings blanked (two or more all-caps words of 4+ letters: not acronyms)."""

    def blank(match: re.Match[str]) -> str:
        long_words = sum(len(w) >= 4 for w in match.group().split())
        return " " * len(match.group()) if long_words >= 2 else match.group()

    return _CAPS_RUN.sub(blank, text)


def science_prose(text: str) -> bool:
    """Prose in a science's vocabulary: 7% of the words or more are lower-case Latinate derivations or
    scientific and clinical common words ("expression", "significantly", "cohort", "kinase"), a sentence's
    first word read in lower case ("Deletions of ..."). A memo, a roster, a table or an e-mail writes
    names, codes and plain words instead."""
    # Each token's share depends on its characters alone (and on its being a sentence's first word, which
    # always starts a token): counted once per distinct token.
    tokens = Counter(_TOKEN.findall(text))
    firsts: Counter[str] = Counter()
    for m in _SENTENCE_START.finditer(text):
        if first_token := _TOKEN.match(text, m.start(1)):
            tokens[first_token.group()] -= 1
            firsts[first_token.group()] += 1
    words = science = 0
    for counts, first in ((tokens, False), (firsts, True)):
        for token, n in counts.items():
            word, science_word = _science_token(token, first)
            words += n * word
            science += n * science_word
    return words > 0 and science >= _SCIENCE_SHARE * words


@lru_cache(maxsize=32_768)
def _science_token(token: str, first: bool) -> tuple[bool, bool]:
    """(a word, a word of a science's vocabulary) for ``science_prose`` (``first``: a sentence's first)."""
    if not _WORDISH.fullmatch(token):
        return False, False
    core = token.strip(_EDGE_PUNCTUATION)
    if first:
        core = core.lower()
    if not (core.isalpha() and core.islower()):
        return True, False
    long_word = len(core) >= 7 and _LATINATE.search(core) is not None
    suffix = len(core) >= 6 and SCIENCE_SUFFIX.search(core) is not None
    return True, long_word or common_word(core) or suffix


def technical_text(text: str, acronyms: bool = True) -> bool:
    """Scientific or technical prose: at least 3 gene-symbol-like or acronym tokens, 3% of the words or more
    (all-caps headings do not count), in a science's vocabulary (``science_prose``) or in source code
    (``source_code``): record ids, codes and names in capitals make no business document technical.
    Without ``acronyms``, only symbols count: a word in capitals ("GP", "ADEBAYO:", a shouted "NOW??") and a
    token without letters ("#1", ">>") do not.

    In such text the small NER model takes protein names and acronyms for people ("Chordin", "Pol").
    """
    return coded_text(text, acronyms) and (science_prose(text) or source_code(text))


def technical_readings(text: str) -> tuple[bool, bool]:
    """``technical_text(text, acronyms=False)`` and ``technical_text(text)`` together, reading the text's
    vocabulary once: a symbol counts among the acronyms too, so the first implies the second."""
    coded = coded_text(text)
    if not coded or not (science_prose(text) or source_code(text)):
        return False, False
    return coded_text(text, acronyms=False), True


def source_code(text: str) -> bool:
    """Source code: 15% of the tokens or more are calls, indexes, assignments, braces or statement keywords
    ("def parse(row):", "name = row['Name']")."""
    tokens = Counter(_TOKEN.findall(text))
    total = sum(tokens.values())
    return total > 0 and sum(n for t, n in tokens.items() if _CODE_TOKEN.search(t)) >= _CODE_SHARE * total


def coded_text(text: str, acronyms: bool = True) -> bool:
    """At least 3 gene-symbol-like, acronym or code tokens (record ids, codes), 3% of the words or more
    (all-caps headings do not count): scientific prose, or a business document with codes and ids. Without
    ``acronyms``, only symbols count (``technical_text``)."""
    count = 0
    for token, n in Counter(_TOKEN.findall(_heading_words(text))).items():  # each distinct token once
        if _TECHNICAL_HINT.search(token) and "@" not in token and "://" not in token:
            core = token.strip(".,;:()[]")
            plain = _PLAIN_NUMBER.fullmatch(core) or _PERIOD.fullmatch(core)
            if not acronyms and not _SYMBOL.search(core):
                continue
            count += n * (len(core) > 1 and not plain and technical_word(core))
    return count >= 3 and count >= 0.03 * len(_WORDISH.findall(text))


def in_lower_case(word: str, text: str) -> bool:
    """``word`` written in lower case somewhere in ``text`` (so it is a common noun there)."""
    # Not inside an e-mail address or a domain ("jane.doe@example.com").
    lower = word.lower()
    if not word[:1].isupper() or lower not in text:  # the search needs the lower-case form somewhere
        return False
    return _lower_word(lower).search(text) is not None


@lru_cache(maxsize=4096)
def _lower_word(lower: str) -> re.Pattern[str]:
    """``lower`` as a word of its own, compiled once (not inside an e-mail address or a domain)."""
    return re.compile(rf"(?<![\w\-.@]){re.escape(lower)}(?![\w\-@]|\.\w)")


def lower_case_text(text: str) -> bool:
    """Text written without capitals (chat, transcripts), where names are in lower case too."""
    letters = sum(map(str.isalpha, text))
    return sum(map(str.isupper, text)) <= 0.01 * letters
