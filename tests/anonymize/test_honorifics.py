"""Honorifics and greetings of many languages before a name (``anonymize.honorifics``)."""

from __future__ import annotations

import pytest

from anonymize.honorifics import after_honorific, after_title, before_trailing_title, honorific_only


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("Tan Sri Yusof Hashim", "Yusof Hashim"),
        ("Dato' Lim Chee Keong", "Lim Chee Keong"),
        ("Datuk Seri Anwar Ibrahim", "Anwar Ibrahim"),
        ("Puan Sri Noraini", "Noraini"),
        ("Hei Jukka-Pekka", "Jukka-Pekka"),
        ("Hola, Lupita", "Lupita"),
        ("Liebe Annegret Vogt", "Annegret Vogt"),
        ("Sra. María José Quispe", "María José Quispe"),
        ("TAN SRI YUSOF HASHIM", "YUSOF HASHIM"),
        ("Amai Gumbo", "Gumbo"),
        ("Mukoma Farai", "Farai"),
        ("Xaltî Gulê", "Gulê"),
        ("W/ro Almaz Tadesse", "Almaz Tadesse"),
        ("Ato Abebe Kassa", "Abebe Kassa"),
        ("ATO ABEBE GIRMA", "ABEBE GIRMA"),
        ("Ate Joy", "Joy"),
        # Session 28: Portuguese and Spanish grandparents and uncles, as the other kinship titles
        ("Avó Benedita", "Benedita"),
        ("Avô Joaquim Teixeira", "Joaquim Teixeira"),
        ("Tía Guadalupe", "Guadalupe"),
        ("Abuelita Rosaura Quispe", "Rosaura Quispe"),
    ],
)
def test_the_name_starts_after_the_honorific(value: str, name: str) -> None:
    assert value[after_honorific(value, 0, len(value)) :] == name


@pytest.mark.parametrize(
    "value",
    # Given names that are titles or greetings elsewhere stay in the name: Ato Boldon, Ola Nordmann, Cara
    # Delevingne, Cher Lloyd; "Tan" alone is a surname (Tan Wei Jie); nothing is left of a title alone.
    [
        "Ato Boldon",
        "Ola Nordmann",
        "Cara Delevingne",
        "Cher Lloyd",
        "Tan Wei Jie",
        "Tan Sri",
        "Sri Mulyani",
        "Moin Khan",
        "Beste Kaya joined in May",  # a Turkish given name, not a Dutch salutation
        "Nana Akufo-Addo",
        "Don Johnson",
        "Anh Thu Pham",
        "Bibi Netanyahu",
    ],
)
def test_names_that_start_like_a_title_keep_their_first_word(value: str) -> None:
    end = len(" ".join(value.split()[:2]))  # the name the rules found: its first two words
    assert after_honorific(value, 0, end) == 0


def test_a_greeting_inside_a_sentence_is_a_given_name() -> None:
    text = "Hei Jukka-Pekka,\nthanks to Hei Lun, the crane is fixed."
    assert after_honorific(text, 0, len("Hei Jukka-Pekka")) == len("Hei ")
    start = text.index("Hei Lun")
    assert after_honorific(text, start, start + len("Hei Lun")) == start


def test_an_honorific_alone_is_no_person() -> None:
    assert (
        honorific_only("Sra.")
        and honorific_only("Tan Sri")
        and honorific_only("MR")
        and honorific_only("Dato'")
    )
    assert not honorific_only("Srinivasan") and not honorific_only("Pak Agus") and not honorific_only("Sri")


def test_a_title_before_a_name() -> None:
    text = "key customers: Pak Agus at the plant; Dato' Lim signs; ask Mr. Okello; PAK1 and Pak kinases"
    assert after_title(text, text.index("Agus"))
    assert after_title(text, text.index("Lim"))
    assert after_title(text, text.index("Okello"))
    assert not after_title(text, text.index("and"))  # "PAK1" in capitals is a gene's symbol
    assert not after_title("the p21-activated kinase PAK Inhibitor", 30)


def test_a_title_after_the_name_ends_it() -> None:
    """Turkish, Tatar, South Asian and Hong Kong titles after a name ("Rustem abi", "Lam Sir")."""
    for value, name in (("Rustem abi", "Rustem"), ("Lam Sir", "Lam"), ("Kemal Bey", "Kemal"), ("Sir", "Sir")):
        assert value[: before_trailing_title(value, 0, len(value))] == name


def test_a_title_that_is_a_given_name_too_by_the_documents_other_mentions() -> None:
    """ "Pan Yurchenko" after "Mr Yurchenko", "Lok Chanthou" after "SOK Chanthou": a title; "Ato Boldon"
    beside "Boldon said", "Selvi Murugan" beside "Raj Murugan", "Don Johnson" beside "Mr Johnson": names."""
    cases = [
        ("The head, Mr Yurchenko, is away. Pan Yurchenko sent his deputy.", "Pan Yurchenko", "Yurchenko"),
        ("Supervisor: SOK Chanthou | approved by Lok Chanthou.", "Lok Chanthou", "Chanthou"),
        ("Ato Boldon won. Boldon said so. The Boldon camp.", "Ato Boldon", "Ato Boldon"),
        ("his daughter, Selvi Murugan and Raj Murugan", "Selvi Murugan", "Selvi Murugan"),
        ("Don Johnson and Mr Johnson", "Don Johnson", "Don Johnson"),
    ]
    for text, value, name in cases:
        start = text.index(value)
        end = start + len(value)
        assert text[after_honorific(text, start, end) : end] == name


@pytest.mark.parametrize(
    "value", ["Ing", "Ing.", "el Ing", "La Sra", "la Sra.", "Mgr.", "MUDr.", "Lic", "Ir."]
)
def test_an_academic_title_alone_or_after_an_article_is_no_person(value: str) -> None:
    assert honorific_only(value)


@pytest.mark.parametrize("value", ["Ingrid", "Inga", "Lico", "Irma", "el Sayed", "La Salle", "Magda"])
def test_names_that_start_like_a_title_are_persons(value: str) -> None:
    assert not honorific_only(value)
