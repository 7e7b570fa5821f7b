"""Which known name a word stands for (anonymize/known_values.py), in memory and spilled to disk, and what a
question maps it to with the real detector and vault."""

from __future__ import annotations

import pytest

from anonymize.detector import PiiDetector
from anonymize.known_spill import SpilledKnownValues
from anonymize.known_values import KnownValues, known_of
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault


@pytest.fixture(params=["memory", "spilled"])
def known(request: pytest.FixtureRequest) -> KnownValues:
    return KnownValues() if request.param == "memory" else SpilledKnownValues()


def test_a_word_that_is_a_value_stands_for_itself(known: KnownValues) -> None:
    # Sorted, "Polonia Warsaw" comes first and used to keep "Warsaw" although the vault knows it as a value.
    known_of([("Warsaw", "PERSON"), ("Polonia Warsaw", "PERSON")], into=known)
    assert known.aliases["Warsaw"] == "Warsaw"
    assert known.aliases["Polonia"] == "Polonia Warsaw"
    known.close()


def test_a_defined_short_form_stands_for_its_person_and_propagates_nowhere(known: KnownValues) -> None:
    """Session 23: "AL" of "Åsa Lindqvist (AL)" takes her surrogate; a two-letter form is no value of its
    own, so nothing else is replaced because of it; the first person defined wins."""
    known_of([("Åsa Lindqvist", "PERSON")], into=known)
    known.add_alias("AL", "Åsa Lindqvist")
    known.add_alias("AL", "Arne Lund")
    known.add_alias("A.L.", None)
    assert known.name_of("AL") == "Åsa Lindqvist"
    assert known.name_of("Lindqvist") == "Åsa Lindqvist"
    assert known.name_of("A.L.") is None
    assert "AL" not in known.types and "AL" not in known.aliases
    known.close()


def test_a_word_alone_stands_for_the_name_it_ends_before_one_it_starts(known: KnownValues) -> None:
    known_of(
        [("Luther Bible", "PERSON"), ("Martin Luther", "PERSON"), ("Martin Okafor", "PERSON")], into=known
    )
    assert known.aliases["Luther"] == "Martin Luther"  # a surname alone
    assert known.aliases["Martin"] == "Martin Luther"  # two given names: the first added, in sorted order
    assert known.aliases["Bible"] == "Luther Bible"
    known.close()


def test_a_name_in_a_caseless_script_is_found_as_written_inside_words(known: KnownValues) -> None:
    """Chinese and Korean join a name to the words around it and have no capitals: a known name of two letters
    or more is found wherever the text holds it; Latin text of the same length is not, nor a lone letter."""
    known_of([("关伟明", "PERSON"), ("王伟", "PERSON"), ("고보라", "PERSON"), ("王", "PERSON")], into=known)
    text = "请联系关伟明和王伟。고보라는 왔어요. Ask 王 too."
    assert [text[s:e] for s, e in sorted(known.caseless_matches(text))] == ["关伟明", "王伟", "고보라"]
    # Georgian is written in letters Unicode files as small (session 20): a known name is found as written.
    known_of([("ნატო ჯაფარიძე", "PERSON")], into=known)
    georgian = "ვინ არის ნატო ჯაფარიძე?"
    assert [georgian[s:e] for s, e in known.caseless_matches(georgian)] == ["ნატო ჯაფარიძე"]
    known_of([("ab", "PERSON"), ("李娜", "LOCATION")], into=known)  # short Latin, a place: not propagated
    assert known.caseless_matches("lab 李娜") == []
    known.close()


def test_the_choice_does_not_depend_on_the_order_of_the_entries() -> None:
    entries = [("Luther Bible", "PERSON"), ("Martin Luther", "PERSON"), ("Luther", "PERSON")]
    assert known_of(entries).aliases == known_of(entries[::-1]).aliases
    assert known_of(entries).aliases["Luther"] == "Luther"


def test_a_question_names_the_person_the_documents_name(detector: PiiDetector, vault: Vault) -> None:
    """The vault holds a surname as a value of its own and inside other names: the surname typed alone in a
    question gets the surrogate the documents give it, so retrieval finds the chunks that name that person
    (it used to take the first longer name in sorted order: "Okonjo Clinic")."""
    clinic = vault.surrogate("PERSON", "Okonjo Clinic")
    alone = vault.surrogate("PERSON", "Okonjo")
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    question = pseudo.run(["What did Okonjo approve?"], store=False)[0].text
    assert alone in question and clinic not in question and "Okonjo" not in question, question
