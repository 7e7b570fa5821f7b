"""The document's own capitals and runs of capitals as sources for lower-case names
(``anonymize.recognizers.lower_sources``, through ``LowerCaseNameRecognizer``)."""

from __future__ import annotations

import pytest

from anonymize import name_lexicon
from anonymize.name_lexicon import NameLexicon
from anonymize.recognizers.lower_names import LowerCaseNameRecognizer
from anonymize.recognizers.lower_sources import caps_lowered, inside, titled_names
from tests.anonymize.recognizers.common import spans


@pytest.fixture(scope="module")
def lexicon() -> NameLexicon:
    return name_lexicon.load()


@pytest.fixture(scope="module")
def recognizer(lexicon: NameLexicon) -> LowerCaseNameRecognizer:
    return LowerCaseNameRecognizer(lexicon)


def test_words_the_document_writes_as_names(lexicon: NameLexicon) -> None:
    text = "Signed for Mercy Adjei and, later, Hope. Then we met. Tuesday, Monday and May are no names."
    found = titled_names(text, lexicon)
    assert {"mercy", "hope"} <= found
    assert not found & {"then", "tuesday", "monday", "may"}  # a sentence's start, days, months


def test_a_word_before_a_surname_is_a_given_name(lexicon: NameLexicon) -> None:
    assert "destiny" in titled_names("The form came from Destiny Oyelaran yesterday.", lexicon)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # English words the document itself writes as a name elsewhere
        ("Handover from Patience Mwale, nights.\nnote: patience pls call the pharmacy", "patience"),
        ("Kind regards, Faith\n---\nok'd by faith on the phone", "faith"),
        ("Cover: either Blessing or Precious.\n- blessing / precious: confirm the weekend", "blessing"),
    ],
)
def test_an_everyday_word_the_document_names(
    recognizer: LowerCaseNameRecognizer, text: str, name: str
) -> None:
    assert name in spans(recognizer, text, "PERSON")


@pytest.mark.parametrize(
    "text",
    [
        "patience pls, the pharmacy is busy",  # nowhere a name
        "Handover from Patience Mwale.\nthe patience of the team was tested",  # a determiner, no slot
        "We have Faith in the plan.\nfaith is needed",  # a word after a verb, no slot of a person
    ],
)
def test_the_word_stays_a_word_without_a_slot(recognizer: LowerCaseNameRecognizer, text: str) -> None:
    assert spans(recognizer, text, "PERSON") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("KOFI: NOT ME, I GAVE IT TO IKAIKA YESTERDAY", ["KOFI", "IKAIKA"]),  # a speaker; given to her
        ("REGARDS TESFAYE / MULUGETA", ["TESFAYE", "MULUGETA"]),  # a telex's sign-off, listed
        ("PLEASE SEND THEM TO WANJIRU BEFORE FRIDAY", ["WANJIRU"]),
        ("ok so i told her: ASK OUR OLUWASEUN ABOUT THE KEYS", ["OLUWASEUN"]),
    ],
)
def test_names_in_a_run_of_capitals(recognizer: LowerCaseNameRecognizer, text: str, names: list[str]) -> None:
    assert [n for n in spans(recognizer, text, "PERSON") if n.isupper()] == names


@pytest.mark.parametrize(
    "text",
    [
        "ATTN: HR / IT / CEO OFFICE",  # acronyms
        "FROM: RIFT FREIGHT NAIROBI KENYA (MBA) / DAR ES SALAAM",  # places, codes
        "WARNING: DO NOT SEND IT TO PRODUCTION BEFORE QA SIGNS OFF",  # shouting words
        "SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT",  # a headline
    ],
)
def test_no_name_in_shouted_words(recognizer: LowerCaseNameRecognizer, text: str) -> None:
    assert spans(recognizer, text, "PERSON") == []


def test_runs_of_capitals_keep_their_offsets() -> None:
    text = "Ok. ANE: NOT ME, GAVE IT TO XABI\nİSTANBUL OFİSİ KAPALI BUGÜN"
    lowered = caps_lowered(text)
    assert lowered is not None
    shadow, runs = lowered
    assert len(shadow) == len(text)
    assert shadow.startswith("    ane: not me, gave it to xabi\n")  # the rest blanked
    assert inside([(0, 2), (28, 32)], runs) == [(28, 32)]
    assert caps_lowered("Only HR and IT here") is None  # no run of three words


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("18:52 Duty desk: MAILE OUT, LEILANI ON NIGHT DUTY", ["LEILANI"]),  # a run in a mixed line
        ("UPDATES FROM ME OR FROM TEMUULEN AT NOON", ["TEMUULEN"]),
    ],
)
def test_a_run_is_read_as_one_sentence(
    recognizer: LowerCaseNameRecognizer, text: str, names: list[str]
) -> None:
    assert spans(recognizer, text, "PERSON") == names


@pytest.mark.parametrize(
    "text",
    [
        "7:02  UC7781214  MR PRICE WESTVILLE MALL  14  -  RECEIVING",  # a shop: an everyday word in capitals
        "ST. BRIGID'S CARE HOME - NIGHT ROTA",  # a possessive names a place
    ],
)
def test_everyday_words_and_possessives_in_capitals_stay(
    recognizer: LowerCaseNameRecognizer, text: str
) -> None:
    assert spans(recognizer, text, "PERSON") == []


def test_a_two_word_given_name_the_document_writes(recognizer: LowerCaseNameRecognizer) -> None:
    text = "Buyers: Kofi Mensah and Maria Fe Dizon.\n- gelai already met maria fe on a video call"
    assert "maria fe" in spans(recognizer, text, "PERSON")
