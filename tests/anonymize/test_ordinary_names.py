"""Spans of ordinary English words are no names, except after an honorific or a role title
(anonymize/ordinary_names.py), on hand-made results and the name lexicon."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from anonymize import name_lexicon
from anonymize.name_lexicon import NameLexicon
from anonymize.ordinary_names import drop_ordinary_words
from tests.anonymize.results_at import result_at


@pytest.fixture(scope="module")
def lexicon() -> NameLexicon:
    return name_lexicon.load()


def person(text: str, value: str, nth: int = 0) -> RecognizerResult:
    return result_at(text, value, "PERSON", "SpacyRecognizer", nth)


def test_a_famous_surname_after_a_role_title_is_a_name_at_every_mention(lexicon: NameLexicon) -> None:
    """Issue 19 (detector 40): wordfreq knows "Disraeli" and "Richelieu" from the texts that name them, and no
    lexicon holds them, so they passed for ordinary words and were dropped. After a role title they are
    names ("Prime Minister Disraeli", "Cardinal Richelieu"), and so are their other mentions."""
    text = (
        "Prime Minister Disraeli met Cardinal Richelieu's envoy. Disraeli 's cabinet agreed. "
        "The Campus reopened."
    )
    results = [person(text, "Disraeli"), person(text, "Richelieu"), person(text, "Disraeli", nth=1)]
    results.append(person(text, "Campus"))
    kept = [text[r.start : r.end] for r in drop_ordinary_words(text, results, lexicon)]
    assert kept == ["Disraeli", "Richelieu", "Disraeli"]
    # Without a title, the same words are still taken for ordinary words.
    plain = "Disraeli 's cabinet agreed with Richelieu."
    assert drop_ordinary_words(plain, [person(plain, "Disraeli"), person(plain, "Richelieu")], lexicon) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Deputy Principal: Ana", "Principal"),
        ("the former Campus", "Campus"),
        ("Captain Little said", "Little"),
    ],
)
def test_a_frequent_noun_after_a_title_or_a_word_after_a_qualifier_stays_dropped(
    text: str, word: str, lexicon: NameLexicon
) -> None:
    """ "Principal" after "Deputy" is an office, "former" is no title, and "Little" is a frequent word."""
    assert drop_ordinary_words(text, [person(text, word)], lexicon) == []
