"""One word's slots that tell a name from a symbol or a place's part (invented lines)."""

from __future__ import annotations

from anonymize.recognizers.word_slots import place_head_before, score_card_slot, series_member, unknown_word


def span(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def test_the_fielder_bowler_and_batsman_of_a_score_card() -> None:
    line = "J. Pemberton c Wickramanayake b Nkwenti 23\nBowling : Thilakaratne 7-1-22-3"
    for word in ("Wickramanayake", "Nkwenti", "Thilakaratne"):
        assert score_card_slot(line, *span(line, word)), word
    batsman = "Ranasinghe c Ashdown b Thilakaratne 41"
    assert score_card_slot(batsman, *span(batsman, "Ranasinghe"))


def test_no_score_card_slot_in_prose_or_in_a_figure_panel() -> None:
    # a "b" or a "c" of a figure's panel is no score card: no bowler's runs at the line's end, no "b" after
    for text, word in (
        ("Cells in panel b Notch were stained in 2 repeats and more", "Notch"),
        ("see section c Berlin for details", "Berlin"),
        ("Plan B Okonkwo 12", "Okonkwo"),
    ):
        assert not score_card_slot(text, *span(text, word)), text


def test_symbols_of_a_series_but_not_names_in_a_list() -> None:
    genes = "There are five types of Apo: Apoa, Apob, Apoc, Apod, and Apoe. Then Bak, Bax, Bid."
    for word in ("Apoa", "Apoc", "Apoe", "Bak", "Bax"):
        assert series_member(genes, *span(genes, word)), word
    names = "Attendees: Jan, Jon, Ann, Anna, Karin, Karen."
    for word in ("Jan", "Jon", "Ann", "Anna", "Karin"):
        assert not series_member(names, *span(names, word)), word  # they differ inside or in length


def test_the_head_of_a_places_name_and_words_english_does_not_know() -> None:
    text = "the San Diego Chargers and Los Angeles; Sandra Diego"
    assert place_head_before(text, text.index("Diego"))
    assert place_head_before(text, text.index("Angeles"))
    assert not place_head_before(text, text.rindex("Diego"))
    assert unknown_word("Wickramanayake") and unknown_word("Vaas")
    assert not unknown_word("Healy") and not unknown_word("Little")
