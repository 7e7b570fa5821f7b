"""A question's values found by n-gram vault look-ups within a scope, and the fail-safe for names."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from anonymize.keys import load_or_create_key
from anonymize.question_terms import mask_unknown_names, ngrams, replace_spans, vault_spans
from anonymize.scope import Everything, Nothing
from anonymize.vault import Vault

TYPES = ["PERSON", "US_SSN", "EMAIL_ADDRESS", "CREDIT_CARD"]


class Known:
    def __init__(self, known: set[str]) -> None:
        self._known = known

    def known(self, surrogates: Collection[str]) -> set[str]:
        return self._known & set(surrogates)


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    engine = create_engine(f"sqlite:///{tmp_path}/v.db")
    yield Vault(engine, load_or_create_key(tmp_path / "vault.key"))
    engine.dispose()


def grams(text: str) -> list[str]:
    return [text[s:e] for s, e in ngrams(text)]


def test_ngrams_skip_common_words_and_lower_case_single_words() -> None:
    found = grams("Who is dmitri Vasquez-Lindqvist, and what about 536-80-4398?")
    assert "dmitri Vasquez-Lindqvist" in found and "Vasquez-Lindqvist" in found and "536-80-4398" in found
    assert "dmitri" not in found  # one word in lower case: not a name as written
    assert not any(g.lower().startswith(("who", "is ", "and")) for g in found)
    assert grams("see <PERSON_3> Smith") == ["Smith"]  # no n-gram spans a surrogate


def test_vault_values_the_detector_missed_are_found_within_scope(vault: Vault) -> None:
    dmitri = vault.surrogate("PERSON", "Dmitri Vasquez-Lindqvist")
    ssn = vault.surrogate("US_SSN", "219-09-9999")
    question = "what did dmitri vasquez-lindqvist file, SSN 219 09 9999?"
    spans = vault_spans(vault, question, Known({dmitri, ssn}), TYPES)
    assert replace_spans(question, spans) == f"what did {dmitri} file, SSN {ssn}?"
    # Outside the scope: as if the vault did not know the values.
    only_ssn = vault_spans(vault, question, Known({ssn}), TYPES)
    assert replace_spans(question, only_ssn) == f"what did dmitri vasquez-lindqvist file, SSN {ssn}?"
    assert vault_spans(vault, question, Nothing(), TYPES) == []


def test_the_longest_known_value_wins(vault: Vault) -> None:
    full = vault.surrogate("PERSON", "Margaret Okonkwo-Hale")
    vault.surrogate("PERSON", "Margaret")
    spans = vault_spans(vault, "Did Margaret Okonkwo-Hale sign?", Everything(), TYPES)
    assert spans == [(4, 25, full)]


DOCUMENT_WORDS = {"parental", "leave", "took", "policy", "warning", "meet", "remote", "days", "card"}


def in_clear(word: str) -> bool:
    """What the asker's documents hold in clear (any case, as ``Retriever.holds_in_clear``)."""
    return word.lower() in DOCUMENT_WORDS


ORDINARY = {"summer", "leave", "card", "remote"}


def test_one_lower_case_word_the_vault_knows_is_found_unless_ordinary_or_held_in_clear(vault: Vault) -> None:
    """ "is bodhi around?": the detector sees no name in one lower-case word, the vault does (in scope)."""
    bodhi = vault.surrogate("PERSON", "Bodhi")
    vault.surrogate("PERSON", "Summer")  # a person called Summer, and the word "summer"
    vault.surrogate("PERSON", "Leave")  # a heading taken for a name; the documents say "leave" in clear
    question = "is bodhi around this summer, or on leave?"
    spans = vault_spans(vault, question, Everything(), TYPES, in_clear, ordinary=lambda w: w in ORDINARY)
    assert replace_spans(question, spans) == f"is {bodhi} around this summer, or on leave?"
    # Without a way to tell a name from a word, one lower-case word is not looked up (as before).
    assert vault_spans(vault, question, Everything(), TYPES, in_clear) == []
    # Outside the asker's scope the vault's knowledge is not used: no oracle.
    assert vault_spans(vault, question, Nothing(), TYPES, in_clear, ordinary=lambda w: False) == []


def test_words_no_visible_document_holds_are_masked() -> None:
    stored = mask_unknown_names("Tell me if Dmitri Vasquez-Lindqvist took Parental Leave", in_clear)
    assert stored == "Tell me if <PERSON_NEW1> took Parental Leave"
    again = mask_unknown_names("Did <PERSON_NEW1> meet Okonkwo's team and Li Wei?", in_clear)
    assert again == "Did <PERSON_NEW1> meet <PERSON_NEW2>'s <TERM_NEW3> and <PERSON_NEW4>?"
    # In any case: a name typed in lower case is masked as well, known to the vault or not.
    assert (
        mask_unknown_names("has maria gonzalez 3 remote days?", in_clear) == "has <TERM_NEW1> 3 remote days?"
    )
    assert mask_unknown_names("What is the policy?", in_clear) == "What is the policy?"
    assert (
        mask_unknown_names("Is <PERSON_3> or ‹US_SSN_1› here?", in_clear)
        == "Is <PERSON_3> or ‹US_SSN_1› here?"
    )
    assert mask_unknown_names("card 4111111111111111", in_clear) == "card <TERM_NEW1>"


def test_ordinary_lower_case_words_are_kept_names_are_not() -> None:
    ordinary = {"vague", "answer"}.__contains__  # stands for NameLexicon.ordinary_word
    stored = mask_unknown_names("Too vague an answer for maria gonzalez", in_clear, ordinary=ordinary)
    assert stored == "Too vague an answer for <TERM_NEW1>"
