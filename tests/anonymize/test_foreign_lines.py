"""Names read in a line written in another language (``anonymize.foreign_lines``): the line's function words
are no part of a name, nor a name alone; names of the line stay found."""

from __future__ import annotations

import pytest

from anonymize.detector import PiiDetector
from anonymize.foreign_lines import foreign_edges
from anonymize.name_lexicon import NameLexicon


def _persons(detector: PiiDetector, text: str) -> list[str]:
    return [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"]


@pytest.mark.parametrize(
    ("text", "names", "clear"),
    [
        (
            "Dressé par nous, Goulven Riou, adjoint au maire. Pour le livret de famille, M. Kervella doit "
            "encore nous apporter l'acte.",
            ["Goulven Riou", "Kervella"],
            ["Pour le", "nous"],
        ),
        (
            "ne vous inquiétez pas, la signature de Tanguy est valable. Nous avons gardé l'adresse de "
            "Gwendal.",
            ["Tanguy", "Gwendal"],
            ["de Tanguy", "de Gwendal"],
        ),
        (
            "Une version bilingue est possible pour Charles de Gaulle et Maëlle Le Goff.",
            ["Charles de Gaulle", "Maëlle Le Goff"],
            ["Une"],
        ),
        (
            "Ana Paula Soares y Juan de la Cruz llegaron con Teresa Blanco a la reunión.",
            ["Ana Paula Soares", "Juan de la Cruz", "Blanco"],
            [],
        ),
        (
            "Die Unterlagen hat Frau Oyelaran schon an Herrn Nakashima-Berg geschickt, aber nicht an uns.",
            ["Oyelaran", "Nakashima-Berg"],
            [],
        ),
        (
            "O relatório foi enviado pela Thandiwe Mokoena e pelo Lwazi Dube ontem à noite.",
            ["Thandiwe Mokoena", "Lwazi Dube"],
            [],
        ),
    ],
)
def test_names_of_a_foreign_line_without_its_function_words(
    detector: PiiDetector, text: str, names: list[str], clear: list[str]
) -> None:
    found = _persons(detector, text)
    for name in names:
        assert any(name in f for f in found), (name, found)
    for word in clear:
        assert word not in found, (word, found)


def test_an_english_line_is_left_as_it_is(lexicon: NameLexicon) -> None:
    text = "The report is from De Silva and Une Moana, who met us in Lyon."
    start = text.index("Une Moana")
    assert foreign_edges(text, start, start + len("Une Moana"), lexicon) == (start, start + len("Une Moana"))


def test_a_particle_leads_a_name_but_follows_a_noun_as_a_preposition(lexicon: NameLexicon) -> None:
    text = "Nous avons reçu la lettre de Tanguy et celle de M. de Villepin pour le dossier."
    start = text.index("de Tanguy")
    assert foreign_edges(text, start, start + len("de Tanguy"), lexicon) == (
        start + 3,
        start + len("de Tanguy"),
    )
    start = text.index("de Villepin")
    assert foreign_edges(text, start, start + len("de Villepin"), lexicon) == (
        start,
        start + len("de Villepin"),
    )


def test_only_function_words_are_no_name(lexicon: NameLexicon) -> None:
    text = "Pour le livret de famille, il faut encore nous apporter l'acte de naissance."
    assert foreign_edges(text, 0, len("Pour le"), lexicon) is None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Nous avons reçu la lettre de M. Diallo et de Mme Lefèvre hier matin.", ["Diallo", "Lefèvre"]),
        (
            "Le dossier de M. Traoré est complet, mais M. Okonkwo doit signer la page deux.",
            ["Traoré", "Okonkwo"],
        ),
        ("Bonjour, je suis M. Nguyen, le voisin de M. Haddad au troisième étage.", ["Nguyen", "Haddad"]),
        ("La succession est suivie par Me Rakotomalala, notaire à Tananarive.", ["Rakotomalala"]),
    ],
)
def test_a_french_short_title_is_no_initial(detector: PiiDetector, text: str, names: list[str]) -> None:
    """Session 28: "M." before a name in a French line is "Monsieur" ("Me", Maître), no initial."""
    found = _persons(detector, text)
    for name in names:
        assert name in found, (name, found)
    assert not any(f.startswith(("M. ", "Me ")) for f in found), found


def test_an_initial_in_an_english_line_stays(detector: PiiDetector) -> None:
    text = "M. Kowalczyk called about the invoice; please ring her back before noon."
    assert "M. Kowalczyk" in _persons(detector, text)
