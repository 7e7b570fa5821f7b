"""The fact first: what a draft's first sentence adds to the question leads, that sentence follows."""

from __future__ import annotations

from eval.rag import leading_fact
from retrieval.answer_fact import fact_first


def test_a_restated_question_is_followed_by_its_fact_which_moves_first() -> None:
    assert (
        fact_first(
            "The Commission has a monopoly on initiating legislation [1].",
            "Which entity has a monopoly on initiating legislation?",
        )
        == "The Commission [1]. The Commission has a monopoly on initiating legislation."
    )
    text = fact_first(
        "Primitive jawless vertebrates possess an array of receptors referred to as Variable lymphocyte "
        "receptors (VLRs) [2]. They differ from antibodies.",
        "Primitive jawless vertebrates possess an array of receptors referred to as what?",
    )
    assert text.startswith("Variable lymphocyte receptors (VLRs) [2]. Primitive jawless")
    assert text.endswith("(VLRs). They differ from antibodies.")
    assert leading_fact(text) == "Variable lymphocyte receptors (VLRs)"  # what eval rag scores


def test_the_fact_opens_the_answer_even_mid_sentence() -> None:
    assert (
        fact_first(
            "The population of Jacksonville as of 2010 was 821,784 [1].",
            "What was the population of Jacksonville as of 2010?",
        )
        == "821,784 [1]. The population of Jacksonville as of 2010 was 821,784."
    )
    assert fact_first(
        "Employees may work remotely up to 3 days per week.",
        "How many days per week may employees work remotely?",
    ) == ("Up to 3. Employees may work remotely up to 3 days per week.")


def test_a_fact_never_ends_inside_an_open_parenthesis() -> None:
    text = fact_first(
        "James Hutton published a 2 volume version of his theories in 1795 (Vol. 1, Vol. 2).",
        "When did James Hutton publish a 2 volume version of his theories?",
    )
    assert text.startswith("1795. James Hutton published")


def test_direct_or_unrelated_answers_are_left_alone() -> None:
    direct = "821,784 [1]. It grew by a fifth since 2000."
    assert fact_first(direct, "What was the population of Jacksonville as of 2010?") == direct
    laptop = "You call the IT Security Lead at <PHONE_NUMBER_14> within 1 hour of noticing the loss [4]."
    assert fact_first(laptop, "Who do I call about a lost laptop, and how fast must I report it?") == laptop
    # One question word restated is not a restatement; a long remainder is not a fact.
    assert fact_first("Paris hosts the summit [1].", "Where is the summit?") == "Paris hosts the summit [1]."
    long = (
        "The treaty says that members must notify the council, the court and every national parliament in "
        "writing."
    )
    assert fact_first(long, "What does the treaty say members must do?") == long
    assert fact_first("", "What?") == ""


def test_an_opening_that_names_the_sources_is_no_part_of_the_fact() -> None:
    text = fact_first(
        "The sources state that special efforts must be made to ensure poorer members of society can "
        "participate in economic growth [1].",
        "What needs to be made to ensure poorer members of society can participate in economic growth?",
    )
    assert text.startswith("Special efforts must [1]. Special efforts must be made")
    assert fact_first("According to the documents, each state decides [2].", "Who decides?") == (
        "Each state decides [2]."
    )
    # a refusal in the model's own words, and an answer about sources, keep their wording
    assert (
        fact_first("The sources do not contain the answer.", "Who?")
        == "The sources do not contain the answer."
    )
    assert fact_first("Sources of funding include grants [1].", "How is it paid for?") == (
        "Sources of funding include grants [1]."
    )


def test_a_fact_never_ends_on_a_word_that_needs_what_follows() -> None:
    # cutting "paid parental leave" (the question's words) would leave "16 weeks of fully" and "4% of your"
    assert (
        fact_first(
            "16 weeks of fully paid parental leave [1].",
            "How many weeks of paid parental leave does a primary caregiver receive?",
        )
        == "16 weeks of fully paid parental leave [1]."
    )
    text = fact_first(
        "The company matches up to 4% of your salary [1].",
        "Up to what percentage of salary does the company match 401(k) contributions?",
    )
    assert leading_fact(text) == "4% of your salary"


def test_a_capitalized_word_ending_in_ly_is_no_adverb() -> None:
    text = fact_first(
        "Milan, Italy hosts the fashion week [1].",
        "Which city hosts the fashion week?",
    )
    assert leading_fact(text) == "Milan, Italy"
