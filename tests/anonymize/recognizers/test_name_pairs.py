"""Two given names joined by "and" or "or" (``anonymize.recognizers.name_pairs``): hand-made sentences, none
from the evaluation corpora."""

from __future__ import annotations

import pytest

from anonymize.name_lexicon import NameLexicon
from anonymize.recognizers.name_pairs import given_pair


def _pair(text: str, name: str, lexicon: NameLexicon) -> bool:
    start = text.index(name)
    return given_pair(text, start, start + len(name), lexicon)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Then Chidera or Blessing. Nobody else.", "Chidera"),  # the first of a pair, a rare given name
        ("Then Chidera or Blessing. Nobody else.", "Blessing"),  # an everyday word beside a rare name
        ("Ask Dilnoza and Sardor about the van.", "Sardor"),
        ("Ask Dilnoza & Sardor about the van.", "Dilnoza"),
    ],
)
def test_given_names_paired(text: str, name: str, lexicon: NameLexicon) -> None:
    assert _pair(text, name, lexicon)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Talks between Jordan and Israel resumed.", "Jordan"),  # known places
        ("We need Hope and Faith.", "Hope"),  # two everyday words
        ("Ask Dilnoza Karimova and Sardor.", "Sardor"),  # a longer name beside: the evidence's business
        ("Ask Dilnoza and Sardor Karimov.", "Dilnoza"),
        ("The Notch and Wnt pathways", "Notch"),  # no given names
        ("the Chidera and Sardor rooms", "Chidera"),  # a determiner before
        ("Chidera said so.", "Chidera"),  # no partner
    ],
)
def test_no_pair(text: str, name: str, lexicon: NameLexicon) -> None:
    assert not _pair(text, name, lexicon)
