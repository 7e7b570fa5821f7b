"""Invisible characters inside words: taken out for detection, spans mapped back to the text as written."""

from __future__ import annotations

from anonymize.invisible import visible, visible_text


def test_soft_hyphens_and_grapheme_joiners_are_taken_out_and_spans_map_back() -> None:
    text = "Ask Tun\u00adde Bak\u00ad\u034fare now."
    seen = visible(text)
    assert seen.text == "Ask Tunde Bakare now."
    assert seen.changed
    start = seen.text.index("Tunde Bakare")
    begin, end = seen.span(start, start + len("Tunde Bakare"))
    assert text[begin:end] == "Tun\u00adde Bak\u00ad\u034fare"
    assert seen.span(0, 3) == (0, 3)
    assert seen.span(len(seen.text), len(seen.text)) == (len(text), len(text))


def test_a_zero_width_space_inside_a_word_goes_one_before_a_capital_stays_a_space() -> None:
    assert visible_text("Tu\u200bnde") == "Tunde"
    assert visible_text("Tunde\u200bBakare") == "Tunde\u200bBakare"  # read as a space (anonymize.text)
    assert visible_text("TUNDE\u200bBAKARE") == "TUNDE\u200bBAKARE"
    assert visible_text("end.\u200b Next") == "end.\u200b Next"


def test_joiners_stay_in_scripts_that_need_them() -> None:
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # ZWNJ shapes Persian words
    assert visible_text(persian) == persian
    assert visible_text("Ng\u200dozi") == "Ngozi"


def test_a_text_without_them_is_the_same_object_of_offsets() -> None:
    seen = visible("Plain text.")
    assert seen.text == "Plain text." and not seen.changed
    assert seen.span(0, 5) == (0, 5)
