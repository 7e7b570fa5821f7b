"""Genes, proteins, cell types and eponyms a text uses as terms (``anonymize.term_words``)."""

from __future__ import annotations

from anonymize.term_words import used_as_term


def test_a_word_before_a_noun_of_biology_is_a_term() -> None:
    """SciFact: "Nanog", "Kupffer", "Notch" were persons at every mention."""
    text = "Nanog expression fell. Kupffer cells and Notch-signaling; Nanog binds Oct4."
    assert used_as_term(text, "Nanog") and used_as_term(text, "Kupffer") and used_as_term(text, "Notch")


def test_a_person_before_other_words_stays_a_name() -> None:
    """The insider's tries: a person's disease, a trial, a study, a word inside a longer one, other case."""
    text = "Jane's disease grew. The Simpson trial, a Smith study; Janecells; Ann EXPRESSION; Bo's cells."
    assert not any(used_as_term(text, w) for w in ("Jane", "Simpson", "Smith", "Ann", "Bo", "Jane Roe"))
