"""The absent-name check (retrieval.absent_name): a draft that repeats a name of the question which no
retrieved passage holds is withheld; the same draft stands where a passage names it, also spelled with one
letter off."""

from __future__ import annotations

from retrieval.absent_name import absent_name, question_names
from retrieval.judge_verdict import draft_checks
from tests.retrieval.chunks import chunk

SOCCER = (
    "From 2005 to 2014, there were two Major League Soccer teams in Harbor City, the Harbor Galaxy and Union "
    "FC, and both played at the Bayside Center."
)
ROSTER = "<PERSON_15> is a Senior Data Analyst at Northwind Analytics. <PERSON_14> leads People Operations."


def test_a_claim_about_a_name_no_passage_holds_is_found() -> None:
    question = "The Harbor City Clippers are a team belonging to which sport?"
    draft = "The Harbor City Clippers are a team belonging to Major League Soccer. [1]"
    assert absent_name(draft, question, [SOCCER]) == "Clippers"


def test_a_name_a_passage_holds_is_no_finding() -> None:
    question = "Which sport do the Harbor Galaxy play?"
    draft = "The Harbor Galaxy play Major League Soccer [1]."
    assert absent_name(draft, question, [SOCCER]) is None


def test_a_person_the_passages_do_not_name_is_found_by_surrogate() -> None:
    # the asked person's memo was not retrieved: the draft gives her the role of a colleague
    question = "What is <PERSON_12>'s role at Northwind Analytics?"
    draft = "<PERSON_12> is a Senior Data Analyst [1]."
    assert absent_name(draft, question, [ROSTER]) == "<PERSON_12>"
    assert absent_name(draft, question, [ROSTER, "<PERSON_12> joined as a Senior Data Analyst."]) is None


def test_a_draft_that_does_not_repeat_the_name_is_left_to_the_other_checks() -> None:
    source = "In steam turbines, turbine entry temperatures are typically 565 °C."
    question = "What is the turbine entry temperature of a steam turbine, in degrees Celsius?"
    assert absent_name("565 [1]", question, [source]) is None


def test_one_letter_typed_wrong_is_still_the_name() -> None:
    source = "Labor is strongest in the regional cities of Ballarat, Bendigo and Geelong."
    question = "What party is favored in Bedigo and Geelong?"
    assert absent_name("Labor is favored in Bedigo and Geelong [1].", question, [source]) is None
    # two letters off is another name
    assert absent_name(
        "Labor is favored in Bedgo and Geelong [1].", "Who won Bedgo and Geelong?", [source]
    ) == ("Bedgo")


def test_an_unseen_surrogate_is_no_evidence() -> None:
    # a value the vault does not hold as typed (a misspelt "Setanta Sports"): it cannot be compared here
    question = "What platform was <PERSON_NEW1> planning on launching on?"
    source = "<PERSON_238> confirmed that it would launch on the digital terrestrial platform."
    draft = "<PERSON_NEW1> planned to launch on the digital terrestrial platform [1]."
    assert absent_name(draft, question, [source]) is None


def test_what_opens_a_sentence_and_function_words_are_no_names() -> None:
    assert question_names("Where was Ratzel born? The Atlas says: When ...") == ["Ratzel", "Atlas"]
    assert question_names("What did <PERSON_3> and I sign in Riga?") == ["<PERSON_3>", "Riga"]


def test_draft_checks_withhold_the_draft_and_keep_a_named_one() -> None:
    chunks = [chunk(1, SOCCER), chunk(2, ROSTER)]
    question = "The Harbor City Clippers are a team belonging to which sport?"
    draft = "The Harbor City Clippers are a team belonging to Major League Soccer. [1]"
    checked = draft_checks(draft, question, [SOCCER], chunks, 0.5, None)
    assert checked["withheld"] is True
    assert "no source" in checked["reason"]
    assert "Clippers" not in checked["reason"]  # the reason names nothing the asker typed
    kept = draft_checks(
        "The Harbor Galaxy play Major League Soccer [1].",
        "Which sport do the Harbor Galaxy play?",
        [SOCCER],
        chunks,
        0.5,
        None,
    )
    assert kept["withheld"] is False


def test_a_chunk_title_names_it_too() -> None:
    source = "The team plays Major League Soccer at the Bayside Center."
    question = "Which sport do the Harbor Galaxy play?"
    titled = chunk(1, source)
    titled.title = "Harbor Galaxy"
    checked = draft_checks(
        "The Harbor Galaxy play Major League Soccer [1].", question, [source], [titled], 0.5, None
    )
    assert checked["withheld"] is False
