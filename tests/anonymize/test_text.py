"""The shared text helpers: sentences, stop words, stems, company forms."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from anonymize.text import (
    COMPANY_FORM_AHEAD,
    COMPANY_FORM_SUFFIX,
    COMPANY_WORD,
    FUNCTION_WORDS,
    GENERIC_WORDS,
    SENTENCE,
    SENTENCE_START,
    STOP_WORDS,
    split_sentences,
    stem,
    words,
)


def test_a_passage_sentence_keeps_versions_and_abbreviations_inside() -> None:
    text = "Use v4.1 of the tool. It works, e.g.x too! Does it?\nNew line"
    assert [m.group(0).strip() for m in SENTENCE.finditer(text)] == [
        "Use v4.1 of the tool.",
        "It works, e.g.x too!",
        "Does it?",
        "New line",
    ]


def test_sentence_start_matches_after_an_end_or_a_line_break_only() -> None:
    pattern = re.compile(rf"{SENTENCE_START}(Ann)")
    assert [m.start(1) for m in pattern.finditer("Ann came. Ann left.\nAnn! Joanne")] == [0, 10, 20]


def test_chunk_sentences_join_short_fragments_and_cap_the_count() -> None:
    text = (
        "The first sentence is long enough to stand. Short one. Another sentence that stands alone.\n\nEnd."
    )
    assert split_sentences(text) == [
        "The first sentence is long enough to stand. Short one.",
        "Another sentence that stands alone. End.",
    ]
    many = " ".join(f"Sentence number {i} is long enough." for i in range(20))
    parts = split_sentences(many, max_sentences=5)
    assert len(parts) == 5 and parts[-1].endswith("number 19 is long enough.")
    assert split_sentences("   \n\n  ") == []


def test_stop_word_lists_nest() -> None:
    assert FUNCTION_WORDS < GENERIC_WORDS
    assert {"the", "which", "because"} <= STOP_WORDS
    assert "source" in GENERIC_WORDS and "source" not in FUNCTION_WORDS
    assert words(" a  b\nc ") == frozenset({"a", "b", "c"})


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("teachers", "teacher"),
        ("decided", "decid"),
        ("decides", "decid"),
        ("<PERSON_1>", "<PERSON_1>"),
        ("42", "42"),
    ],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_company_forms_read_three_ways() -> None:
    suffix = re.compile(rf"\b{COMPANY_FORM_SUFFIX}\b")
    assert suffix.search("RAIZNEXT CORPORATION") and suffix.search("Facebank Group")
    assert not suffix.search("Acme Bank")
    ahead = re.compile(COMPANY_FORM_AHEAD)
    assert ahead.search("Merchants Trust plc") and ahead.search("Volvo AB")
    assert not ahead.search("Facebank Group")
    assert COMPANY_WORD.search("ACME bank") and COMPANY_WORD.search("Siemens ag")
    assert not COMPANY_WORD.search("Incognito")


def test_spacy_is_loaded_only_for_the_stop_words() -> None:
    code = (
        "import sys; import anonymize.text as t; assert 'spacy' not in sys.modules; "
        "n = len(t.STOP_WORDS); assert 'spacy' in sys.modules and n > 300 and t.STOP_WORDS is t.STOP_WORDS"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[2])


def test_plain_characters_keep_every_offset() -> None:
    from anonymize.text import plain_characters

    text = "Tunde\u00a0Bakare\u200b, Ｎｇｏｚｉ\u202fＯｋａｆｏｒ：\ufeff 12\u2007345"
    plain = plain_characters(text)
    assert len(plain) == len(text)
    assert plain == "Tunde Bakare , Ngozi Okafor:  12 345"
    assert plain_characters("Ünal Şahin 김민준") == "Ünal Şahin 김민준"
