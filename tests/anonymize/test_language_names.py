"""Names of languages where the text speaks of a language (``anonymize.language_names``)."""

from __future__ import annotations

from anonymize.language_names import language_name, spoken_language


def _spoken(text: str, value: str) -> bool:
    start = text.index(value)
    return spoken_language(text, start, start + len(value))


def test_language_names_with_and_without_accents() -> None:
    assert language_name("Hindi") and language_name("Sámi") and language_name("Gaelic")
    assert not language_name("Agnieszka") and not language_name("Selvan")


def test_a_language_beside_a_word_for_language_or_another_language() -> None:
    assert _spoken("Languages: Tamil, English, Hindi", "Hindi")
    assert _spoken("translation from Kazakh/Russian", "Kazakh")
    assert _spoken("Mongolian names are given with the patronymic first", "Mongolian")
    assert _spoken("Tigist speaks Amharic", "Amharic")
    assert _spoken("LAN1102  Kazakh Language (C1)", "Kazakh Language")


def test_a_language_name_borne_by_a_person_elsewhere() -> None:
    """The insider's tries: the word as a name, in a list of people, or after "met"."""
    assert not _spoken("Tamil was late again.", "Tamil")
    assert not _spoken("We met Ido, Anna and Tom.", "Ido")
    assert not _spoken("Tamil Selvan wrote.", "Tamil Selvan")
