"""Names by a joined honorific or a booking's shape (``recognizers.honorific_names``)."""

from __future__ import annotations

import pytest

from anonymize.recognizers.honorific_names import HonorificNameRecognizer


def _found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in HonorificNameRecognizer().analyze(text, ["PERSON"])]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Interpreter booked through Kobayashi-san.", ["Kobayashi"]),
        ("Note from Sakura: Suzuki-san's passport expires in May.", ["Suzuki"]),
        ("Thanks, Min-jun-ssi and Tanaka-sama!", ["Min-jun", "Tanaka"]),
        (
            "1. SUZUKI/HIROSHI MR   – Executive Officer\n2. TANAKA/MEI MS – Key Account",
            ["SUZUKI/HIROSHI", "TANAKA/MEI"],
        ),
        ("PAX: DE LA CRUZ/MARIA MRS, OKAFOR/SYDNEY MR", ["DE LA CRUZ/MARIA", "OKAFOR/SYDNEY"]),
    ],
)
def test_names_by_their_honorific(text: str, names: list[str]) -> None:
    assert _found(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Use TCP/IP and AND/OR operators; N/A for MR numbers.",
        "The co-op and the pre-san check",
        "SUZUKI/HIROSHI booked",  # no title after: too often something else
        "the well-known sensei",
    ],
)
def test_no_name_without_the_shape(text: str) -> None:
    assert _found(text) == []
