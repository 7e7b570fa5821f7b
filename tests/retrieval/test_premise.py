"""The inverted-premise check (retrieval.premise): a draft that repeats the question's extreme where the
sources state only the opposite one is withheld; the same draft is kept where a source states that extreme."""

from __future__ import annotations

from retrieval.judge_verdict import draft_checks
from retrieval.premise import InvertedPremise, inverted_premise
from tests.retrieval.chunks import chunk

RUNBOOK = "Passwords must be at least 14 characters long. Use the company password manager."
CHANGELOG = "v4.1 (February 20, 2025): minimum password length raised to 14 characters."


def test_a_maximum_claimed_from_a_minimum_is_an_inverted_premise() -> None:
    found = inverted_premise(
        "The maximum password length is 14 characters. [1]",
        "What is the maximum password length?",
        [RUNBOOK, None, CHANGELOG],
    )
    assert found == InvertedPremise(asked="maximum", stated="minimum")


def test_a_bound_states_its_pole_in_other_words() -> None:
    # "at least" alone is the minimum's bound: the maximum claimed from it is inverted
    assert (
        inverted_premise("The maximum is 14 characters.", "maximum password length?", [RUNBOOK]) is not None
    )
    # "up to" is the maximum's bound: the source states the asked pole, nothing is inverted
    remote = "Employees may work remotely up to 3 days per week."
    draft = "The maximum is 3 days per week [1]."
    assert inverted_premise(draft, "What is the maximum number of remote days?", [remote]) is None


def test_the_same_draft_stands_where_a_source_states_the_asked_extreme() -> None:
    cap = "Passwords may be at most 64 characters long."
    assert (
        inverted_premise("The maximum password length is 64 characters.", "maximum password length?", [cap])
        is None
    )


def test_a_draft_that_does_not_repeat_the_pole_is_left_to_the_other_checks() -> None:
    # the draft answers with the source's own bound: the asker reads "at least" and is not misled
    draft = "Passwords must be at least 14 characters long [1]."
    assert inverted_premise(draft, "What is the maximum password length?", [RUNBOOK]) is None


def test_superlatives_have_opposites_too() -> None:
    source = "The lowest bid came from Acme at 12,000 euros."
    found = inverted_premise("The highest bid was 12,000 euros [1].", "What was the highest bid?", [source])
    assert found == InvertedPremise(asked="highest", stated="lowest")
    assert (
        inverted_premise(
            "The highest bid was 12,000 euros.",
            "Which bid was highest?",
            [source + " The highest was 15,000."],
        )
        is None
    )


def test_words_inside_other_words_are_no_pole() -> None:
    # "minimal", "maximize", "administration": no pole named or stated
    source = "The administration kept costs minimal."
    assert (
        inverted_premise("They maximized the budget.", "How did they maximize the budget?", [source]) is None
    )


def test_draft_checks_withhold_the_inverted_draft_and_keep_a_faithful_one() -> None:
    chunks = [chunk(1, RUNBOOK), chunk(2, CHANGELOG)]
    question = "What is the maximum password length?"
    inverted = draft_checks(
        "The maximum password length is 14 characters. [1]", question, [RUNBOOK], chunks, 0.5, None
    )
    assert inverted["withheld"] is True
    assert inverted["inverted"] == "maximum"
    assert "minimum" in inverted["reason"]
    faithful = draft_checks("At least 14 characters [1].", question, [RUNBOOK], chunks, 0.5, None)
    assert faithful["withheld"] is False
    # with the grounding checks off (min_support 0), no check withholds
    assert (
        draft_checks("The maximum password length is 14 characters.", question, [RUNBOOK], chunks, 0.0, None)[
            "withheld"
        ]
        is False
    )


def test_minutes_and_the_name_max_are_no_pole() -> None:
    # "30 min" is a duration, "Max" a name: neither states a minimum or a maximum
    assert (
        inverted_premise(
            "The maximum is 30 minutes.", "What is the maximum meeting length?", ["Meetings last 30 min."]
        )
        is None
    )
    assert (
        inverted_premise(
            "Max is the maximum.", "Who holds the maximum score, Max?", ["Max scored the minimum."]
        )
        is not None
    )
