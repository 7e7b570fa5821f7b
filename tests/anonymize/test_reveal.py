"""The one reveal function: within the reader's scope, never what the reader typed."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from anonymize.keys import load_or_create_key
from anonymize.reveal import escape_typed, reveal, reveal_all, typed_in
from anonymize.scope import Everything, Nothing, surrogates_in
from anonymize.vault import Vault


class Known:
    """A scope of a fixed set, counting the surrogates it is asked about."""

    def __init__(self, known: set[str]) -> None:
        self._known = known
        self.asked: list[set[str]] = []

    def known(self, surrogates: Collection[str]) -> set[str]:
        self.asked.append(set(surrogates))
        return self._known & set(surrogates)


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    engine = create_engine(f"sqlite:///{tmp_path}/v.db")
    yield Vault(engine, load_or_create_key(tmp_path / "vault.key"))
    engine.dispose()


def test_only_surrogates_in_scope_are_revealed(vault: Vault) -> None:
    jane, ssn = vault.surrogate("PERSON", "Jane Doe"), vault.surrogate("US_SSN", "536-80-4398")
    text = f"{jane} has SSN {ssn}; {jane} again; <PERSON_99> is unknown; <PERSON_NEW1> is new."
    result = reveal(vault, text, Known({jane}))
    assert (
        result.text
        == f"Jane Doe has SSN {ssn}; Jane Doe again; <PERSON_99> is unknown; <PERSON_NEW1> is new."
    )
    assert (result.count, result.surrogates) == (2, (jane,))
    assert reveal(vault, text, Nothing()).text == text
    assert reveal(vault, text, Everything()).count == 3


def test_a_typed_surrogate_is_never_revealed_even_in_scope(vault: Vault) -> None:
    ssn = vault.surrogate("US_SSN", "536-80-4398")
    scope = Known({ssn})
    result = reveal(vault, f"You asked about {ssn}.", scope, typed={ssn})
    assert result.text == f"You asked about {ssn}." and result.count == 0
    assert scope.asked == []  # not even looked up


def test_reveal_all_asks_the_scope_once(vault: Vault) -> None:
    a, b = vault.surrogate("PERSON", "Ann Lee"), vault.surrogate("PERSON", "Bo Kim")
    scope = Known({a, b})
    texts, count, which = reveal_all(vault, [f"{a} met {b}", f"passage on {b}"], scope)
    assert texts == ["Ann Lee met Bo Kim", "passage on Bo Kim"]
    assert (count, which) == (3, tuple(sorted({a, b})))
    assert scope.asked == [{a, b}]


def test_escaped_typed_surrogates_are_read_back_and_never_revealed(vault: Vault) -> None:
    ssn, jane = vault.surrogate("US_SSN", "536-80-4398"), vault.surrogate("PERSON", "Jane Doe")
    stored = escape_typed(f"Is {ssn} the SSN of {jane}?", {ssn})
    assert stored == f"Is ‹{ssn[1:-1]}› the SSN of {jane}?"
    assert typed_in(stored) == {ssn} and surrogates_in(stored) == {jane}
    assert reveal(vault, stored, Everything()).text == f"Is ‹{ssn[1:-1]}› the SSN of Jane Doe?"
