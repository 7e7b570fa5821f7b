"""The letters of every script people write names in but Latin and Greek (session 20,
``anonymize.native_letters``), by Unicode property rather than a hand list of blocks."""

from __future__ import annotations

import re

import pytest

from anonymize.native_letters import native_letter_class


@pytest.mark.parametrize(
    "word",
    ["கவிதா", "ნინო", "መቅደስ", "ចាន់ធូ", "高橋", "مريم", "নসরিন", "सीता", "Дмитрий", "Արամ", "שירה", "ﾀﾅｶ"],
)
def test_whole_words_of_other_scripts(word: str) -> None:
    """Tamil, Georgian, Ethiopic, Khmer, CJK, Arabic, Bengali, Devanagari, Cyrillic, Armenian, Hebrew,
    half-width Katakana: the vowel signs and marks of a word belong to it (it does not break apart)."""
    assert re.fullmatch(f"[{native_letter_class()}]+", word)


@pytest.mark.parametrize("text", ["β", "αβ", "café", "Øst", "ﬁ", "𝛼", "Å", "µ", "2026", "Ｊａｎｅ"])
def test_no_latin_greek_or_symbol(text: str) -> None:
    """Greek letters are symbols in science text; Latin with its marks, ligatures, letterlike and
    mathematical forms, full-width Latin and digits are no other script."""
    assert re.search(f"[{native_letter_class()}]", text) is None


def test_may_hold_native_is_false_only_where_the_class_cannot_match() -> None:
    import re

    from anonymize.native_letters import may_hold_native, native_letter_class

    native = re.compile(f"[{native_letter_class()}]")
    for text in [
        "",
        "Jane Doe",
        "Zoë Ñúñez Łukasz",
        "NF-κB αβ T cells",
        "Жакупова",
        "Karen Wong 黃嘉欣",
        "x\u03ff",
        "\u0400",
    ]:
        if not may_hold_native(text):
            assert native.search(text) is None, text
    assert may_hold_native("Жакупова") and may_hold_native("Wong 黃")
    assert not may_hold_native("Zoë Ñúñez Łukasz αβ")
