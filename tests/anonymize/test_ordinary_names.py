"""Spans of ordinary English words are no names, except after an honorific or a role title
(anonymize/ordinary_names.py), on hand-made results and the name lexicon."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from anonymize.name_lexicon import NameLexicon
from anonymize.ordinary_names import drop_ordinary_words
from anonymize.recognizers.name_evidence import SITUATED
from tests.anonymize.results_at import result_at


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


def test_a_given_name_and_a_surname_that_are_english_words_in_a_persons_slot(lexicon: NameLexicon) -> None:
    """Session 17: "Walter Little" is two frequent English words; after a role ("centre Walter Little"),
    before ", who", or where the evidence recognizer read a table's structure, it is a name. The same words
    in no such slot stay ordinary words (a cocktail's name)."""
    text = 'Tries from centre Walter Little. Walter Little , who scored. Order a "Walter Little" cocktail.'
    results = [person(text, "Walter Little", nth) for nth in (0, 1, 2)]
    kept = [r.start for r in drop_ordinary_words(text, results, lexicon)]
    assert kept == [results[0].start, results[1].start]
    sheet = "13 - Walter Little , 12 - Frank Bunce"
    situated = result_at(sheet, "Walter Little", "PERSON", "NameEvidenceRecognizer")
    situated.recognition_metadata[SITUATED] = True
    assert drop_ordinary_words(sheet, [situated], lexicon) == [situated]
    situated.recognition_metadata[SITUATED] = False
    assert drop_ordinary_words(sheet, [situated], lexicon) == []


def test_a_found_persons_given_name_in_lower_case_is_that_person(lexicon: NameLexicon) -> None:
    """Issue 19 (session 26): "Chance Okonkwo" found, the lower-case recognizer's "chance pls call" in the
    same document is that person, not the word; the word alone, or the lower-case recognizer's word where
    the document names no such person, or another recognizer's lower-case word, is still dropped."""
    text = "Refund for Chance Okonkwo approved. chance pls call Mrs Ben-David today."
    results = [person(text, "Chance Okonkwo"), result_at(text, "chance", "PERSON", "LowerCaseNameRecognizer")]
    kept = [text[r.start : r.end] for r in drop_ordinary_words(text, results, lexicon)]
    assert kept == ["Chance Okonkwo", "chance"]
    plain = "Refund approved. chance pls call Mrs Ben-David today."
    lone = [result_at(plain, "chance", "PERSON", "LowerCaseNameRecognizer")]
    assert drop_ordinary_words(plain, lone, lexicon) == []
    other = [person(text, "Chance Okonkwo"), person(text, "chance")]
    assert [text[r.start : r.end] for r in drop_ordinary_words(text, other, lexicon)] == ["Chance Okonkwo"]
    # A span of ordinary words only names no one: "Good Chance" found would vouch for nothing.
    words_only = "Good Chance Limited closed. chance pls call them."
    found = [
        person(words_only, "Good Chance"),
        result_at(words_only, "chance", "PERSON", "LowerCaseNameRecognizer"),
    ]
    assert drop_ordinary_words(words_only, found, lexicon) == []
