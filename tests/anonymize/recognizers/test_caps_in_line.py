"""Names in capitals inside a line of ordinary text (``recognizers.caps_in_line``)."""

from __future__ import annotations

import pytest

from anonymize import name_lexicon
from anonymize.recognizers.caps_in_line import CapsInLineRecognizer


@pytest.fixture(scope="module")
def recognizer() -> CapsInLineRecognizer:
    return CapsInLineRecognizer(name_lexicon.load())


def _found(recognizer: CapsInLineRecognizer, text: str) -> list[str]:
    return sorted(text[r.start : r.end] for r in recognizer.analyze(text, ["PERSON"]))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Division Head: HAN Sung-ho (한성호), Executive Director", ["HAN Sung-ho"]),
        ("Have a story? Contact the editor, EILIDH CAMPBELL, on +44 1463 718 204.", ["EILIDH CAMPBELL"]),
        ("the consignee has changed, contact GRACE NAMUGGA for the papers", ["GRACE NAMUGGA"]),
        ("TC-2209,MOKOENA LERATO,SA-FIN-02,2026-02-05,Pretoria", ["MOKOENA LERATO"]),
        ("Busan Sea Terminal ..... Team Leader Park Soo-min", ["Park Soo-min"]),
        ("Yard planning: Hwang In-ho (acting)", ["Hwang In-ho"]),
        # a telex in capitals: a surname the lexicon lacks, nothing joined to the name
        ("ATTN: OPS DESK (MBA) / BARAKA MWAKASEGE (DAR)\nPLS CONFIRM", ["BARAKA MWAKASEGE"]),
    ],
)
def test_names_in_capitals_in_a_line(recognizer: CapsInLineRecognizer, text: str, names: list[str]) -> None:
    assert _found(recognizer, text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Swedish telecoms group LM Ericsson AB said on Friday it won",  # a company's longer name
        "(1) SOLUCIONES ANDINAS S.A.C., a company registered in Peru",
        "NOTE Please read. Pay the VAT within the GRACE PERIOD on MAY DAY.",  # everyday words in capitals
        "The IT Manager and HR Director met the CEO John at the NEW YORK office.",
        "CONTACT EILIDH CAMPBELL ON 01463 718 204",  # an all-caps line: the evidence recognizer's
        "Use the Car Park Drop-off bay; the Hall Set-up starts at 8; join the Park Co-op.",
        "SPORT - HARRISON TO MEET EDWARDS\nMONTE CARLO 1996-08-30",  # a dateline's city
    ],
)
def test_no_name_in_capitals_without_both_signals(recognizer: CapsInLineRecognizer, text: str) -> None:
    assert _found(recognizer, text) == []


def test_a_company_or_a_code_in_capitals_is_no_name() -> None:
    """Session 19 (lead, on generated_3000 after merging): companies in capitals with their legal form glued
    on, a code joined by a slash, a firm joined by "&" were read as whole names in capitals."""
    lexicon = name_lexicon.NameLexicon(
        given=frozenset(["okamoto", "mitsubishi", "fid", "eilidh"]),
        surnames=frozenset(["pencil", "campbell", "lg", "balakrishnan"]),
        common=frozenset(),
    )
    recognizer = CapsInLineRecognizer(lexicon)

    def found(text: str) -> list[str]:
        return [text[r.start : r.end] for r in recognizer.analyze(text, ["PERSON"], None)]

    assert found("I used to work for OKAMOTO INDUSTRIESINC. as a line repairer") == []
    assert found("James Law of MITSUBISHI PENCIL COMPANYLIMITED, and others") == []
    assert found("her FID UCIT/SHS CL-ACCUMG EUR resignation letter") == []
    assert found("Contact the editor, EILIDH CAMPBELL, on Monday.") == ["EILIDH CAMPBELL"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("- ALL: read BISI ADEWALE's handover before Friday", ["BISI ADEWALE"]),  # a possessive
        ("Assessor: ANCA-MARIA DRĂGHICI (ext. 2214)", ["ANCA-MARIA DRĂGHICI"]),  # a hyphenated given name
        ("AL-20423   VLACHOS IOANNIS        animal feed   18,000", ["VLACHOS IOANNIS"]),  # a table's cell
        ("AL-20421   PAPADAKIS / ARETI      household effects", ["PAPADAKIS / ARETI"]),
        ("13:30 Pasang: reached. guest MR. HARTMANN altitude headache", ["HARTMANN"]),  # a title's surname
        ("If it comes back, escalate to MAKHARADZE in Batumi.", ["MAKHARADZE"]),  # one word English lacks
    ],
)
def test_more_names_in_capitals(recognizer: CapsInLineRecognizer, text: str, names: list[str]) -> None:
    assert _found(recognizer, text) == names


@pytest.mark.parametrize(
    "text",
    [
        "Call DR. NO or MR. PRESIDENT today.",  # a title before an everyday word
        "the China Health and Retirement Longitudinal Study (CHARLS) cohort",  # an acronym in brackets
        "Please read the NOTICE: URGENT reply needed from the SURNAME column",  # everyday words
        "REGARDS ABEBE / MERON",  # no table's cell, no line of ordinary text
        "Celebrating its 10th year in AAPAJÄRVI, the club invites",  # a place's preposition
        "meet you at 250 Theotokopoulou Str., HARSTAD, Norway after the concert",  # a town before its country
    ],
)
def test_no_more_names_in_capitals_without_both_signals(recognizer: CapsInLineRecognizer, text: str) -> None:
    assert _found(recognizer, text) == []
