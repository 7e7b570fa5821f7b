"""Names by a joined honorific or a booking's shape (``recognizers.honorific_names``)."""

from __future__ import annotations

import pytest

from anonymize.name_lexicon import NameLexicon
from anonymize.recognizers.honorific_names import HonorificNameRecognizer, SuffixedNameRecognizer


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


def _suffixed(text: str, lexicon: NameLexicon) -> list[str]:
    return [text[r.start : r.end] for r in SuffixedNameRecognizer(lexicon).analyze(text, ["PERSON"])]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("sent to wrong person sharma-ji left in jan", ["sharma"]),
        ("tanaka-san will host; pls thank kim-ssi too", ["tanaka", "kim"]),
        ("NOTE: SUZUKI-SAN ARRIVES MONDAY, ASK PATEL-JI", ["SUZUKI", "PATEL"]),
        ("ok, sharma-ji's car is here", ["sharma"]),  # a possessive after the honorific
    ],
)
def test_a_lexicon_name_with_a_joined_honorific_in_one_case(
    text: str, names: list[str], lexicon: NameLexicon
) -> None:
    """Typed in lower case or in capitals, the word before a joined honorific is a name when the lexicon
    holds it; the honorific is no part of it."""
    assert _suffixed(text, lexicon) == names


@pytest.mark.parametrize(
    "text",
    [
        "zone the fc-san and the IP-SAN arrays",  # a storage network, not a name
        "the co-op-ji and the-san",
        "Kobayashi-san booked it",  # title case: HonorificNameRecognizer's
        "ask sharmaji",  # no hyphen
    ],
)
def test_no_name_before_an_honorific_the_lexicon_lacks(text: str, lexicon: NameLexicon) -> None:
    assert _suffixed(text, lexicon) == []
