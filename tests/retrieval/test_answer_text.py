"""The answer's wording: the fact first with its marker after it, never a marker at the start, the asker's "I"
answered as "you", markers renumbered in order of appearance."""

from __future__ import annotations

from retrieval.answer_text import StreamLead, add_marker, lead_with_the_claim, renumber, second_person

LAPTOP = "Who do I call about a lost laptop, and how fast must I report it?"


def test_the_issue_example_reads_right() -> None:
    draft = "[4] I call the IT Security Lead at <PHONE_NUMBER_14> within 1 hour of noticing the loss. [4]"
    text = second_person(lead_with_the_claim(draft), LAPTOP)
    assert (
        text == "You call the IT Security Lead at <PHONE_NUMBER_14> within 1 hour of noticing the loss [4]."
    )


def test_a_leading_marker_moves_after_the_first_claim() -> None:
    assert lead_with_the_claim("[1] Employees may work remotely up to 3 days per week.") == (
        "Employees may work remotely up to 3 days per week [1]."
    )
    assert lead_with_the_claim("[2][3] The fee is 3.5% of the total. It is due monthly.") == (
        "The fee is 3.5% of the total [2] [3]. It is due monthly."
    )
    assert lead_with_the_claim("[1]: 16 weeks") == "16 weeks [1]"


def test_markers_after_a_full_stop_move_before_it() -> None:
    assert lead_with_the_claim("Up to 3 days per week. [1] Managers approve it. [2]") == (
        "Up to 3 days per week [1]. Managers approve it [2]."
    )
    assert lead_with_the_claim("AES-256 [1].") == "AES-256 [1]."  # already right: unchanged


def test_a_marker_alone_on_a_line_joins_the_claim_before_it() -> None:
    assert lead_with_the_claim("45 days\n\n[1]") == "45 days [1]"
    assert lead_with_the_claim("45 days of written notice.\n[1]\nThen the contract ends.") == (
        "45 days of written notice [1].\nThen the contract ends."
    )
    assert (
        lead_with_the_claim("Steps:\n1. Call IT [1]\n2. Report it [2]")
        == "Steps:\n1. Call IT [1]\n2. Report it [2]"
    )


def test_first_person_is_swapped_only_when_the_question_has_it() -> None:
    assert (
        second_person("I must report it within 1 hour [1].", LAPTOP)
        == "You must report it within 1 hour [1]."
    )
    assert second_person("My manager and I am sure [1].", "Can I go?") == "Your manager and you are sure [1]."
    # A question without a first person: the answer's words are left alone (a quote may hold "I").
    assert second_person("I agree, says the memo [1].", "What does the memo say?") == (
        "I agree, says the memo [1]."
    )


def test_markers_are_renumbered_in_order_of_first_appearance() -> None:
    text, mapping = renumber("Up to 3 days [3]. Managers approve it [1][3].", [3, 1])
    assert text == "Up to 3 days [1]. Managers approve it [2][1]."
    assert mapping == {3: 1, 1: 2}
    text, mapping = renumber("No marker in the text.", [4])  # a cited source the text does not show
    assert (text, mapping) == ("No marker in the text.", {4: 1})


def test_a_matched_source_gets_its_marker_after_the_first_sentence() -> None:
    assert add_marker("The limit is 3.5 days. More text.", 2) == "The limit is 3.5 days [2]. More text."
    assert add_marker("No full stop", 1) == "No full stop [1]"


def test_a_marker_opening_the_stream_is_held_back_and_dropped() -> None:
    def shown(pieces: list[str]) -> str:
        lead = StreamLead()
        return "".join(lead.feed(p) for p in pieces)

    assert shown(["[", "4", "] You", " call"]) == "You call"  # split over tokens
    assert shown(["[1]", "[2] ", "Up to"]) == "Up to"
    assert shown(["Up", " to 3 days [1]."]) == "Up to 3 days [1]."  # later markers pass
    assert shown(["[Note] x"]) == "[Note] x"  # not a marker


def test_a_roman_numeral_i_in_the_question_is_not_the_asker() -> None:
    answer = "The WG I Summary for Policymakers report says emissions are increasing [1]."
    assert second_person(answer, "What does the WG I Summary for Policymakers report say?") == answer
    assert second_person("World War I ended in 1918 [1].", "When did World War I end?") == (
        "World War I ended in 1918 [1]."
    )
    assert second_person("I may work remotely 3 days [1].", "Can I work remotely?") == (
        "You may work remotely 3 days [1]."
    )
