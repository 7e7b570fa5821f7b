"""What kind of text a span is in: scientific or technical prose, text written without capitals; and
whether the text writes a word in lower case (a common noun there)."""

from __future__ import annotations

import re

from anonymize.word_kinds import technical_word

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


def _heading_words(text: str) -> str:
    """``text`` with all-caps headings blanked (two or more all-caps words of 4+ letters: not acronyms)."""

    def blank(match: re.Match[str]) -> str:
        long_words = sum(len(w) >= 4 for w in match.group().split())
        return " " * len(match.group()) if long_words >= 2 else match.group()

    return _CAPS_RUN.sub(blank, text)


def technical_text(text: str, acronyms: bool = True) -> bool:
    """Scientific or technical prose: at least 3 gene-symbol-like or acronym tokens, 3% of the words or more
    (all-caps headings do not count). Without ``acronyms``, only symbols count: a word in capitals ("GP",
    "ADEBAYO:", a shouted "NOW??") and a token without letters ("#1", ">>") do not.

    In such text the small NER model takes protein names and acronyms for people ("Chordin", "Pol").
    """
    count = 0
    for token in _TOKEN.findall(_heading_words(text)):
        if _TECHNICAL_HINT.search(token) and "@" not in token and "://" not in token:
            core = token.strip(".,;:()[]")
            plain = _PLAIN_NUMBER.fullmatch(core) or _PERIOD.fullmatch(core)
            if not acronyms and not _SYMBOL.search(core):
                continue
            count += len(core) > 1 and not plain and technical_word(core)
    return count >= 3 and count >= 0.03 * len(_WORDISH.findall(text))


def in_lower_case(word: str, text: str) -> bool:
    """``word`` written in lower case somewhere in ``text`` (so it is a common noun there)."""
    # Not inside an e-mail address or a domain ("jane.doe@example.com").
    lower = word.lower()
    if not word[:1].isupper() or lower not in text:  # the search needs the lower-case form somewhere
        return False
    return re.search(rf"(?<![\w\-.@]){re.escape(lower)}(?![\w\-@]|\.\w)", text) is not None


def lower_case_text(text: str) -> bool:
    """Text written without capitals (chat, transcripts), where names are in lower case too."""
    letters = sum(map(str.isalpha, text))
    return sum(map(str.isupper, text)) <= 0.01 * letters
