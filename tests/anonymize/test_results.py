"""The pieces of an NER span: lines, and a person's cells (``anonymize.results.ner_pieces``)."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from anonymize.results import ner_pieces


def _ner(entity: str, text: str, value: str) -> RecognizerResult:
    start = text.index(value)
    return RecognizerResult(
        entity, start, start + len(value), 0.85, {RecognizerResult.RECOGNIZER_NAME_KEY: "SpacyRecognizer"}
    )


def _pieces(entity: str, text: str, value: str) -> list[str]:
    return [text[p.start : p.end] for p in ner_pieces(text, _ner(entity, text, value))]


@pytest.mark.parametrize(
    ("text", "value", "pieces"),
    [
        # semicolon-separated exports, a CSV field closed by a quote, pipes, brackets, quoted nicknames
        ("S-04;Okonkwo Ibe;Ngozi Eze;yams", "Ngozi Eze;yams", ["Ngozi Eze", "yams"]),
        ("S-02;Berg Lund, Ingrid;cheese", "S-02;Berg Lund", ["S-02", "Berg Lund"]),
        (
            'KOP-9,"Login fails (user Dewi Lestari)",agus.w,P1',
            'Dewi Lestari)",agus.w',
            ["Dewi Lestari", "agus.w"],
        ),
        ("Owner|Reviewer: Tomás Ruiz|Ana Gil", "Tomás Ruiz|Ana Gil", ["Tomás Ruiz", "Ana Gil"]),
        ('Koldo "Txiki" Arregi signed', 'Koldo "Txiki" Arregi', ["Koldo", "Txiki", "Arregi"]),
        ("Maria (Masha) Ivanova called", "Maria (Masha) Ivanova", ["Maria", "Masha", "Ivanova"]),
        ("«Leyla Aliyeva» wrote", "«Leyla Aliyeva»", ["Leyla Aliyeva"]),
        ("cc [Jonas Berg]; [Mette Dahl]", "Jonas Berg]; [Mette Dahl", ["Jonas Berg", "Mette Dahl"]),
        # a piece with no letter is dropped: "(2)", ";;"
        ("Ivan Petrov (2);;", "Ivan Petrov (2);;", ["Ivan Petrov"]),
        # nothing to cut: apostrophes, hyphens, dots and commas stay inside
        (
            "Nur'aini Fauziah-Rahman, Jr. wrote",
            "Nur'aini Fauziah-Rahman, Jr.",
            ["Nur'aini Fauziah-Rahman, Jr."],
        ),
    ],
)
def test_a_person_across_cells_is_one_span_per_cell(text: str, value: str, pieces: list[str]) -> None:
    assert _pieces("PERSON", text, value) == pieces


def test_lines_then_cells() -> None:
    text = "Owner\n  Jane Doe;Ops\n\n"
    assert _pieces("PERSON", text, text.rstrip()) == ["Owner", "Jane Doe", "Ops"]


def test_other_types_are_cut_at_lines_only() -> None:
    text = "Smith & Sons (UK) Ltd; Leeds"
    assert _pieces("ORGANIZATION", text, text) == [text]
    assert _pieces("ORGANIZATION", "Acme\nLtd", "Acme\nLtd") == ["Acme", "Ltd"]
