"""Capitals read title-cased keep every offset (``anonymize.caps_names``, ``name_evidence.title_caps``)."""

from __future__ import annotations

from anonymize.caps_names import same_length_lower
from anonymize.recognizers.name_evidence import title_caps


def test_a_letter_whose_lower_case_is_longer_stays() -> None:
    # "İ".lower() is "i" and a combining dot: two characters where the text has one.
    assert same_length_lower("TEKSTİL") == "tekstİl"
    assert same_length_lower("ÖZTÜRK") == "öztürk"


def test_a_turkish_heading_in_capitals_keeps_the_offsets_after_it() -> None:
    text = "YILDIZ TEKSTİL SANAYİ VE TİCARET A.Ş.\nAttn: Mr Emre Çelik"
    shadow = title_caps(text)
    assert len(shadow) == len(text)
    assert shadow.index("Emre Çelik") == text.index("Emre Çelik")
