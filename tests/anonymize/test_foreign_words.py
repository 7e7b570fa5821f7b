"""The language of a line by its stop words, and its function words at a lower-case name's edges
(``anonymize.foreign_words``)."""

from __future__ import annotations

import pytest

from anonymize.foreign_words import foreign_word, line_language
from anonymize.name_lexicon import NameLexicon


@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("a d. conceição quer o reembolso em conta", "pt"),
        ("sag bitte jürgen dass er morgen kommt", "de"),
        ("dis à mamadou que je pars demain", "fr"),
        ("which tan? tan wei jie or the auditor", None),  # English
        ("ok", None),  # too few words to tell
    ],
)
def test_a_lines_language(line: str, language: str | None) -> None:
    assert line_language(line.split()) == language


def test_function_and_frequent_words_but_no_names_nor_initials(lexicon: NameLexicon) -> None:
    assert foreign_word("quer", "pt", lexicon) and foreign_word("dass", "de", lexicon)
    assert foreign_word("amanhã", "pt", lexicon)  # frequent, no name
    assert not foreign_word("conceição", "pt", lexicon) and not foreign_word("jürgen", "de", lexicon)
    assert not foreign_word("f", "pt", lexicon)  # an initial
    assert not foreign_word("shvan", "pt", lexicon)


@pytest.mark.parametrize(
    "line",
    [
        "a d. conceição quer o reembolso para amanhã",
        "sag bitte jürgen dass er kommt und die",
        "de la de la the and of",
        "ok pasang ji see you",
        "",
    ],
)
def test_line_language_by_word_index_reads_as_each_list_in_turn(line: str) -> None:
    from anonymize.foreign_words import stop_words

    lists = stop_words()
    folded = [w.casefold() for w in line.split()]
    english = sum(w in lists.get("en", frozenset()) for w in folded)
    best, hits = None, 0
    for code, stops in lists.items():
        count = sum(w in stops for w in folded) if code != "en" else 0
        if count > hits:
            best, hits = code, count
    assert line_language(line.split()) == (best if hits >= 2 and hits > english else None)
