"""A name that fills a cell grows over the short words at the cell's edges (``anonymize.name_cells`` through
``name_extent.extend_names``), on hand-made results."""

from __future__ import annotations

import pytest

from anonymize.name_extent import extend_names
from anonymize.name_lexicon import NameLexicon
from tests.anonymize.results_at import result_at


def _grown(text: str, found: str, lexicon: NameLexicon) -> list[str]:
    results = extend_names(text, [result_at(text, found, "PERSON", "SpacyRecognizer")], lexicon)
    return [text[r.start : r.end] for r in results if r.entity_type == "PERSON"]


@pytest.mark.parametrize(
    ("text", "found", "whole"),
    [
        # A surname in capitals before the given names, form style.
        (
            "Student:        ZHAKUPOVA Aigerim Serikovna\nBorn: 2003",
            "Aigerim Serikovna",
            "ZHAKUPOVA Aigerim Serikovna",
        ),
        ("Employee: DE LA CRUZ Maria Teresa\nDept: Finance", "Maria Teresa", "DE LA CRUZ Maria Teresa"),
        ("Applicant\tOKONKWO Chiamaka\tLagos", "Chiamaka", "OKONKWO Chiamaka"),
        # An initial without its period, alone in its cell with the surname.
        ("Delivered to:   A Moosa\nSigned:  K Naidoo", "Moosa", "A Moosa"),
        ("| 4 | J Kowalczyk | night |", "Kowalczyk", "J Kowalczyk"),
        # A short surname that is a stop word, at the edge of a name that fills its cell.
        ('"Ka Zoua Her",bride,1,yes', "Ka Zoua", "Ka Zoua Her"),
        ("Panel: Lo Hoi Yan, So Man Yee, Ho Wing Sze.", "Man Yee", "So Man Yee"),
        ("Guests: Mai Nou Her; Tou Lor", "Mai Nou", "Mai Nou Her"),
    ],
)
def test_a_name_grows_to_its_cells_edges(text: str, found: str, whole: str, lexicon: NameLexicon) -> None:
    assert _grown(text, found, lexicon) == [whole]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("So Maria Santos went home early.", "Maria Santos"),  # a conjunction at a sentence's start
        ("I told Maria Santos Her plan, she agreed.", "Maria Santos"),  # not the cell's end
        ("CEO Maria Santos presented the results.", "Maria Santos"),  # an acronym, no surname
        ("Read the THE Maria Santos file", "Maria Santos"),  # no cell's start before the capitals
        ("A Moosa family member called about the parcel.", "Moosa"),  # an article: the name goes on
        ("Do Maria Santos and you agree?", "Maria Santos"),  # a verb, no cell
    ],
)
def test_words_outside_the_cell_stay_out(text: str, found: str, lexicon: NameLexicon) -> None:
    assert _grown(text, found, lexicon) == [found]


@pytest.mark.parametrize(
    ("text", "found", "whole"),
    [
        ("Kaiako: Rawinia Te Whata, room B12", "Rawinia", "Rawinia Te Whata"),
        ("Account holder: Ana Da Silva, Lisbon", "Ana", "Ana Da Silva"),
        ("Witness: Sipho ka Nkosi, Durban", "Sipho", "Sipho ka Nkosi"),
        ("Guide: Moussa Ag Assarid, Timbuktu", "Moussa", "Moussa Ag Assarid"),
        ("signed by Ma. Luisa Santos on Monday", "Luisa Santos", "Ma. Luisa Santos"),  # Maria
        ("signed by Sk. Abdul Rahim on Monday", "Abdul Rahim", "Sk. Abdul Rahim"),  # Shaikh
        ("Reading: Tēvita 'Aho'ia; choir: Mele", "Tēvita", "Tēvita 'Aho'ia"),  # a glottal stop
    ],
)
def test_a_particle_in_any_case_before_a_surname(
    text: str, found: str, whole: str, lexicon: NameLexicon
) -> None:
    assert _grown(text, found, lexicon) == [whole]


def test_a_capitalized_particle_needs_a_surname_after_it(lexicon: NameLexicon) -> None:
    assert _grown("Ask Maria De la part de la direction", "Maria", lexicon) == ["Maria"]
    assert _grown("Paolo Te deum was sung", "Paolo", lexicon) == ["Paolo"]
    assert _grown("He told Maria 'Nkosi' was here", "Maria", lexicon) == ["Maria"]  # a quote
