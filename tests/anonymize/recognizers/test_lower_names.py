"""Names typed in lower case (``anonymize.recognizers.lower_names``): two weak signals, real lexicon."""

from __future__ import annotations

import pytest

from anonymize import name_lexicon
from anonymize.recognizers.lower_names import LowerCaseNameRecognizer, everyday_word
from tests.anonymize.recognizers.common import spans


@pytest.fixture(scope="module")
def recognizer() -> LowerCaseNameRecognizer:
    return LowerCaseNameRecognizer(name_lexicon.load())


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("<yuki> build is red again", "yuki"),  # a chat log's speaker
        ("ok thanks nacho, see you", "nacho"),  # thanks + a lexicon name
        ("send me lola's number", "lola"),  # a possessive
        ("the night shift: haruto pushed a fix", "haruto"),  # a verb people do
        ("also fatou diop wants the notes by noon", "fatou diop"),  # a given name and a surname
        ("[09:12] <pedro.alves> morning all", "pedro.alves"),  # a handle made of both
        ("- CTO: Sunniva Berg (@sunniva)", "sunniva"),  # a handle's @
    ],
)
def test_a_lower_case_name_with_two_signals(
    recognizer: LowerCaseNameRecognizer, text: str, name: str
) -> None:
    assert spans(recognizer, text, "PERSON") == [name]


@pytest.mark.parametrize(
    "text",
    [
        "we live in hope and thanks again for the help",  # English words, no names
        "haruto is a name",  # a lexicon name alone: one signal
        "thanks precious",  # an everyday English word needs a third signal
        "the kai was late",  # after a determiner
        "write to fatou.diop@example.org today",  # an e-mail address
        "BRCA1 and TP53 bind p21 and MDM2 in HeLa cells; kai said nothing",  # technical text
    ],
)
def test_no_name_on_one_signal(recognizer: LowerCaseNameRecognizer, text: str) -> None:
    assert spans(recognizer, text, "PERSON") == []


def test_everyday_words() -> None:
    assert everyday_word("precious") and everyday_word("hope")
    assert not everyday_word("haruto") and not everyday_word("nacho")


def test_a_frequent_given_name_before_a_rare_surname(recognizer: LowerCaseNameRecognizer) -> None:
    """Detector 31: "jessica lindqvist" needs no third signal (wordfreq counts "jessica" high because people
    bear it; "lindqvist" is rare in English); a frequent word before a frequent surname still does."""
    found = spans(recognizer, "the refund goes to jessica lindqvist next week", "PERSON")
    assert found == ["jessica lindqvist"]
    assert spans(recognizer, "we will park here and mark white lines", "PERSON") == []
    assert spans(recognizer, "the jessica lindqvist file", "PERSON") == []  # after a determiner
