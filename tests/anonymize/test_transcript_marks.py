"""A transcript's "Q." and "A." are no initials of the name after them (``anonymize.transcript_marks``):
hand-made texts, none from the evaluation corpora."""

from __future__ import annotations

import pytest

from anonymize.transcript_marks import after_transcript_mark

_DEPOSITION = (
    "  Q. Who signed the delivery note?\n  A. Oluwaseun Bello signed it.\n  Q. And the second one?\n"
    "  A. Reb Yankel, for a minute.\n"
)


def _after(text: str, value: str) -> str:
    start = text.index(value)
    return text[after_transcript_mark(text, start, start + len(value)) : start + len(value)]


@pytest.mark.parametrize(
    ("text", "value", "name"),
    [
        (_DEPOSITION, "A. Oluwaseun Bello", "Oluwaseun Bello"),
        (_DEPOSITION, "A. Reb Yankel", "Reb Yankel"),  # the title is ``honorifics``' to cut
        ("Q. Where was the van?\nA. Ainhoa had it.\n", "A. Ainhoa", "Ainhoa"),
        ("> Q. Did he call?\n> A. Thuy did, at noon.\n", "A. Thuy", "Thuy"),  # a quoted transcript
    ],
)
def test_an_answer_mark_before_a_name_is_cut(text: str, value: str, name: str) -> None:
    assert _after(text, value) == name


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Signed: A. Okafor, Treasurer\nWitness: B. Rahmonov\n", "A. Okafor"),  # no transcript
        ("A. Kowalczyk chairs.\nQ3 figures follow.\n", "A. Kowalczyk"),  # "Q3" is no question mark
        # not at the line's start
        ("Q. Who chairs?\nThe chair is A. Kowalczyk.\nA. Nobody.\n", "A. Kowalczyk"),
        (_DEPOSITION, "A."),  # nothing would be left
    ],
)
def test_an_initial_outside_a_transcript_stays(text: str, value: str) -> None:
    assert _after(text, value) == value
