"""Authors of a byline, each with a superscript footnote mark (the detector reads the marks as blanks)."""

from __future__ import annotations

from anonymize.detector import PiiDetector

BYLINE = (
    "Sleep and breathing in herders\n\n"
    "Tenzin Norbu Lhamo¹*, Pema Tsering¹, Dawa Dolma², Kunga Sherpa³, Ana M. Quispe-Mamani⁴,\n"
    "Jiang Wei², H. L. van der Veen⁵ and Sonam Wangchuk¹\n\n"
    "¹ Sowa Rigpa Institute, Leh. ² Tibet University Medical College, Lhasa."
)


def test_a_byline_is_pseudonymized_whole_end_to_end(detector: PiiDetector) -> None:
    """The insider's read of a paper's first page: no author's name is left in clear beside its mark."""
    found = {BYLINE[r.start : r.end] for r in detector.analyze([BYLINE])[0] if r.entity_type == "PERSON"}
    for name in ("Pema Tsering", "Dawa Dolma", "Kunga Sherpa", "Jiang Wei", "H. L. van der Veen"):
        assert name in found, found
