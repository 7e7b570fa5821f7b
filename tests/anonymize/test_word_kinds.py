"""What a capitalized word is when it is not a name: technical symbols, scientific common words."""

from __future__ import annotations

import pytest

from anonymize.word_kinds import common_word, technical_word


@pytest.mark.parametrize("word", ["ORF74", "RNA", "CsA", "SiO2", "nsP4", "PAR-2", "Ldlr(-/-", "NFkB"])
def test_technical_words(word: str) -> None:
    assert technical_word(word)


@pytest.mark.parametrize(
    "word", ["Jane", "McDonald", "O'Brien", "PhD", "MD", "DeRose", "Jóhannsdóttir", "N'Diaye", "ʻAhoʻia"]
)
def test_name_words_are_not_technical(word: str) -> None:
    assert not technical_word(word)


@pytest.mark.parametrize("word", ["Aβ", "Qβ", "TNF-α", "IFN-γ"])
def test_greek_letters_in_latin_words_are_technical(word: str) -> None:
    assert technical_word(word)


def test_greek_names_are_not_technical() -> None:
    assert not technical_word("Γιώργος")


def test_common_words() -> None:
    assert common_word("Regulatory") and common_word("Retrospective") and common_word("Crohn's") is False
    assert common_word("Microglia") and not common_word("Christine")
