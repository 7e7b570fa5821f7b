"""Authors of a byline, each with a superscript footnote mark; charges, units and single marks are none."""

from __future__ import annotations

import pytest

from anonymize.detector import PiiDetector
from anonymize.recognizers.bylines import BylineRecognizer

BYLINE = (
    "Sleep and breathing in herders\n\n"
    "Tenzin Norbu Lhamo¹*, Pema Tsering¹, Dawa Dolma², Kunga Sherpa³, Ana M. Quispe-Mamani⁴,\n"
    "Jiang Wei², H. L. van der Veen⁵ and Sonam Wangchuk¹\n\n"
    "¹ Sowa Rigpa Institute, Leh. ² Tibet University Medical College, Lhasa."
)


def spans(text: str) -> list[str]:
    return [text[r.start : r.end] for r in BylineRecognizer().analyze(text, ["PERSON"], None)]


def test_every_author_of_a_byline() -> None:
    assert spans(BYLINE) == [
        "Tenzin Norbu Lhamo",
        "Pema Tsering",
        "Dawa Dolma",
        "Kunga Sherpa",
        "Ana M. Quispe-Mamani",
        "Jiang Wei",
        "H. L. van der Veen",
        "Sonam Wangchuk",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ca²⁺ and Mg²⁺ levels rose in both arms.",  # charges: one word, a sign after the digits
        "The area grew to 40 m² and Floor Space³ fell.",  # one mark is no byline
        "Total Cost², Net Sales³ and Gross Margin⁴ fell.",  # common words
        "Maria Sánchez¹ wrote the report alone.",  # one name
        "Ki-67⁺ and CD4⁺ T cells; IL-2² and IFN-γ³.",
    ],
)
def test_no_byline(text: str) -> None:
    assert spans(text) == []


def test_a_byline_is_pseudonymized_whole_end_to_end(detector: PiiDetector) -> None:
    """The insider's read of a paper's first page: no author's name is left in clear beside its mark."""
    found = {BYLINE[r.start : r.end] for r in detector.analyze([BYLINE])[0] if r.entity_type == "PERSON"}
    for name in ("Pema Tsering", "Dawa Dolma", "Kunga Sherpa", "Jiang Wei", "H. L. van der Veen"):
        assert name in found, found
