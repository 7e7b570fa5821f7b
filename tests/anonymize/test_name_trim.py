"""Where a name starts and ends (``anonymize.name_trim``): titles, roles and verbs before it, titles after."""

from __future__ import annotations

import pytest

from anonymize.name_lexicon import NameLexicon
from anonymize.name_trim import trim_person
from tests.anonymize.results_at import result_at


def trimmed(text: str, value: str) -> str:
    r = trim_person(text, result_at(text, value), [], None)
    return text[r.start : r.end]


@pytest.mark.parametrize(
    ("text", "value", "name"),
    [
        ("Asked Zieliński's assistant to resend.", "Asked Zieliński", "Zieliński"),
        ("Note 1: consignee Areti Papadaki will collect.", "consignee Areti Papadaki", "Areti Papadaki"),
        ("Councillor Kovalenko, you have three minutes.", "Councillor Kovalenko", "Kovalenko"),
        ("Cllr Nazar Ivaniv: I support it.", "Cllr Nazar Ivaniv", "Nazar Ivaniv"),
        ("Thank you Obbo Tolosa.", "Obbo Tolosa", "Tolosa"),
        ("Mediated by the imam, Serigne Modou Kane.", "Serigne Modou Kane", "Modou Kane"),
        ('"Txiv Ntxawm Neng",groom,3', "Txiv Ntxawm Neng", "Neng"),
        ("FROM: ATO ABEBE GIRMA, OPS MANAGER", "ATO ABEBE GIRMA", "ABEBE GIRMA"),
        ("owner Rustem abi says the cat strained", "Rustem abi", "Rustem"),
        ("Hi Tai-man, Lam Sir,", "Lam Sir", "Lam"),
        ("Kemal Bey's office", "Kemal Bey", "Kemal"),
    ],
)
def test_titles_roles_and_verbs_are_no_part_of_the_name(text: str, value: str, name: str) -> None:
    assert trimmed(text, value) == name


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Ato Boldon won the heat.", "Ato Boldon"),  # a given name that is an Amharic title too
        ("Nana Akufo-Addo spoke.", "Nana Akufo-Addo"),
        ("Anh Thu Pham signed in.", "Anh Thu Pham"),  # a Vietnamese given name, no title
        ("Pan Wei Ming signed in.", "Pan Wei Ming"),  # a Chinese surname
        ("Pieter van Rooyen and Juan dela Cruz", "Pieter van Rooyen"),
        ("Juan dela Cruz", "dela Cruz"),  # particles start names in lower case
        ("Sir Elton John", "Elton John"),
    ],
)
def test_names_that_start_like_a_title_keep_their_words(text: str, value: str) -> None:
    assert trimmed(text, value) == value


def test_the_next_cells_label_after_a_slash_ends_the_name(lexicon: NameLexicon) -> None:
    """ "M. Öztürk / Approved: ...": the label is no part of the name; an inverted name in capitals around a
    slash is one name ("PAPADAKIS / ARETI")."""
    text = "Prepared by: M. Öztürk / Approved: H. G. Aydın"
    r = trim_person(text, result_at(text, "M. Öztürk / Approved"), [], lexicon)
    assert text[r.start : r.end] == "M. Öztürk"
    text = "AL-20421   PAPADAKIS / ARETI   household effects"
    r = trim_person(text, result_at(text, "PAPADAKIS / ARETI"), [], lexicon)
    assert text[r.start : r.end] == "PAPADAKIS / ARETI"


@pytest.mark.parametrize(
    ("text", "value", "name"),
    [
        (
            "Der Vertrag wurde von Herrn Müller-Lüdenscheidt unterschrieben.",
            "von Herrn Müller-Lüdenscheidt",
            "Müller-Lüdenscheidt",
        ),
        ("Die Unterlagen liegen bei Frau Dr. Anna Brandt.", "Frau Dr. Anna Brandt", "Anna Brandt"),
        ("La carta de Sr. Rodrigo López llegó ayer.", "de Sr. Rodrigo López", "Rodrigo López"),
        ("Een brief van Dr. Jansen over de huur.", "van Dr. Jansen", "Jansen"),
        ("Kontakt: Fru Karin Lindgren i Stockholm.", "Fru Karin Lindgren", "Karin Lindgren"),
        ("Sendt til Frk. Sofie Madsen i går.", "Frk. Sofie Madsen", "Sofie Madsen"),
        ("Approved: Sofía Ramírez / Reviewed: J. Becker", "Sofía Ramírez /", "Sofía Ramírez"),
        (
            "BINTI ZULKIFLI, Nurul Aisyah -   E   E   L",
            "BINTI ZULKIFLI, Nurul Aisyah -",
            "BINTI ZULKIFLI, Nurul Aisyah",
        ),
    ],
)
def test_a_title_after_a_preposition_and_a_separator_at_the_end_are_cut(
    text: str, value: str, name: str
) -> None:
    assert trimmed(text, value) == name


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Signed by Pieter van Rooyen today.", "Pieter van Rooyen"),  # a particle before no title
        ("Ursula von der Leyen spoke first.", "Ursula von der Leyen"),
        ("The file of Jean-Luc Picard-Smith is open.", "Jean-Luc Picard-Smith"),  # hyphens inside a name
    ],
)
def test_particles_and_hyphens_of_a_name_stay(text: str, value: str) -> None:
    assert trimmed(text, value) == value
