"""The pseudonym vault on SQLite: stable surrogates, encrypted values, reveal and erasure."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from anonymize.keys import load_or_create_key
from anonymize.vault import Vault, make_surrogate


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = create_engine(f"sqlite:///{tmp_path}/v.db")
    yield engine
    engine.dispose()


@pytest.fixture
def key_path(tmp_path: Path) -> Path:
    return tmp_path / "keys" / "vault.key"


@pytest.fixture
def vault(engine: Engine, key_path: Path) -> Vault:
    return Vault(engine, load_or_create_key(key_path))


def test_round_trip_value_to_surrogate_and_back(vault: Vault) -> None:
    surrogate = vault.surrogate("PERSON", "Jane Doe")
    assert surrogate == "<PERSON_1>"
    assert vault.reveal(surrogate) == "Jane Doe"
    assert vault.find("PERSON", "Jane Doe") == surrogate


def test_same_normalized_value_gets_the_same_surrogate(vault: Vault) -> None:
    first = vault.surrogate("PERSON", "Jane Doe")
    assert vault.surrogate("PERSON", "jane  doe") == first
    assert vault.surrogate("PERSON", "JANE DOE's") == first
    assert vault.surrogate("PHONE_NUMBER", "(555) 123-4567") == vault.surrogate(
        "PHONE_NUMBER", "+1 555 123 4567"
    )
    # the first spelling seen is the one revealed
    assert vault.reveal(first) == "Jane Doe"
    assert vault.stats().per_type == {"PERSON": 1, "PHONE_NUMBER": 1}


def test_different_values_get_increasing_numbers(vault: Vault) -> None:
    assert [vault.surrogate("PERSON", n) for n in ["Jane Doe", "Bob Stone", "Ann Lee"]] == [
        "<PERSON_1>",
        "<PERSON_2>",
        "<PERSON_3>",
    ]


def test_types_are_numbered_independently(vault: Vault) -> None:
    assert vault.surrogate("PERSON", "Jane Doe") == "<PERSON_1>"
    assert vault.surrogate("EMAIL_ADDRESS", "jane@example.com") == "<EMAIL_ADDRESS_1>"
    assert vault.surrogate("PERSON", "Bob Stone") == "<PERSON_2>"
    assert vault.surrogate("EMAIL_ADDRESS", "bob@example.com") == "<EMAIL_ADDRESS_2>"


def test_same_text_under_two_types_gets_two_surrogates(vault: Vault) -> None:
    assert vault.surrogate("PERSON", "Jordan") == "<PERSON_1>"
    assert vault.surrogate("LOCATION", "Jordan") == "<LOCATION_1>"
    assert sorted(vault.lookup_value("jordan")) == ["<LOCATION_1>", "<PERSON_1>"]
    assert vault.lookup_value("jordan", "PERSON") == ["<PERSON_1>"]


def test_surrogates_are_stable_across_vault_instances(tmp_path: Path, key_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/v.db"
    first_engine = create_engine(url)
    first = Vault(first_engine, load_or_create_key(key_path))
    jane = first.surrogate("PERSON", "Jane Doe")
    bob = first.surrogate("PERSON", "Bob Stone")
    first_engine.dispose()

    second_engine = create_engine(url)  # another run: new engine, key read back from its file
    second = Vault(second_engine, load_or_create_key(key_path, create=False))
    assert second.find("PERSON", "jane doe") == jane
    assert second.surrogate("PERSON", "Bob Stone") == bob
    assert second.reveal(jane) == "Jane Doe"
    assert second.surrogate("PERSON", "Ann Lee") == "<PERSON_3>"
    second_engine.dispose()


def test_another_key_cannot_find_or_reuse_values(engine: Engine, vault: Vault, tmp_path: Path) -> None:
    vault.surrogate("PERSON", "Jane Doe")
    other = Vault(engine, load_or_create_key(tmp_path / "other.key"))
    assert other.find("PERSON", "Jane Doe") is None


def test_raw_values_never_reach_the_database_file(engine: Engine, vault: Vault, tmp_path: Path) -> None:
    values = {
        "PERSON": "Zorblax Quintrell",
        "EMAIL_ADDRESS": "zorblax.quintrell@example.com",
        "US_SSN": "123-45-6789",
        "IBAN_CODE": "DE89 3704 0044 0532 0130 00",
    }
    for entity_type, value in values.items():
        vault.surrogate(entity_type, value)
    engine.dispose()
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("v.db*"))
    assert b"vault_entries" in stored  # the file really is the vault's database
    for value in values.values():
        for needle in {value, value.casefold(), "".join(ch for ch in value if ch.isalnum())}:
            assert needle.encode() not in stored, needle
    assert b"zorblax" not in stored.lower()
    assert b"123456789" not in stored


def test_remove_erases_the_value(vault: Vault) -> None:
    jane = vault.surrogate("PERSON", "Jane Doe")
    bob = vault.surrogate("PERSON", "Bob Stone")
    assert vault.remove(jane) is True
    assert vault.reveal(jane) is None
    assert vault.find("PERSON", "Jane Doe") is None  # the in-memory cache is cleared too
    assert vault.reveal(bob) == "Bob Stone"
    assert vault.remove(jane) is False
    assert vault.remove("not a surrogate") is False
    assert vault.stats().entries == 1


def test_removed_surrogate_number_is_not_reused(vault: Vault) -> None:
    vault.surrogate("PERSON", "Jane Doe")
    removed = vault.surrogate("PERSON", "Bob Stone")
    vault.remove(removed)
    assert vault.surrogate("PERSON", "Carol King") != removed


def test_reveal_of_unknown_or_malformed_surrogates_is_none(vault: Vault) -> None:
    vault.surrogate("PERSON", "Jane Doe")
    assert vault.reveal("<PERSON_99>") is None
    assert vault.reveal("<EMAIL_ADDRESS_1>") is None
    assert vault.reveal("PERSON_1") is None
    assert vault.reveal("<PERSON_NEW1>") is None


def test_reveal_text_replaces_known_and_leaves_unknown(vault: Vault) -> None:
    jane = vault.surrogate("PERSON", "Jane Doe")
    mail = vault.surrogate("EMAIL_ADDRESS", "jane@example.com")
    text = f"{jane} ({mail}) met <PERSON_7> and <PERSON_NEW1>; {jane} left."
    revealed, count = vault.reveal_text(text)
    assert revealed == "Jane Doe (jane@example.com) met <PERSON_7> and <PERSON_NEW1>; Jane Doe left."
    assert count == 3
    assert vault.reveal_text("no surrogates here") == ("no surrogates here", 0)


def test_stats_and_iter_values(vault: Vault) -> None:
    assert vault.stats().entries == 0
    assert vault.stats().per_type == {}
    vault.surrogate("PERSON", "Jane Doe")
    vault.surrogate("PERSON", "Bob Stone")
    vault.surrogate("EMAIL_ADDRESS", "jane@example.com")
    vault.surrogate("PERSON", "jane doe")  # same as the first: no new entry
    stats = vault.stats()
    assert stats.entries == 3
    assert stats.per_type == {"PERSON": 2, "EMAIL_ADDRESS": 1}
    assert sorted(vault.entity_types()) == ["EMAIL_ADDRESS", "PERSON"]
    assert sorted(vault.iter_values()) == [
        ("<EMAIL_ADDRESS_1>", "jane@example.com"),
        ("<PERSON_1>", "Jane Doe"),
        ("<PERSON_2>", "Bob Stone"),
    ]


def test_make_surrogate_format() -> None:
    assert make_surrogate("US_SSN", 12) == "<US_SSN_12>"


def keyed_vault(folder: Path, key_path: Path, digits: int = 12) -> Vault:
    folder.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite:///{folder}/v.db")
    return Vault(engine, load_or_create_key(key_path), numbering="keyed", keyed_digits=digits)


def test_keyed_numbers_do_not_depend_on_order(tmp_path: Path, key_path: Path) -> None:
    values = [("PERSON", "Jane Doe"), ("PERSON", "Wei Chen"), ("EMAIL_ADDRESS", "jd@example.com")]
    forward = keyed_vault(tmp_path / "a", key_path)
    backward = keyed_vault(tmp_path / "b", key_path)
    first = [forward.surrogate(t, v) for t, v in values]
    second = [backward.surrogate(t, v) for t, v in reversed(values)][::-1]
    assert first == second
    assert all(len(s.rsplit("_", 1)[1].rstrip(">")) == 12 for s in first)
    assert forward.surrogate("PERSON", "jane  doe") == first[0]  # normalized, like sequential numbers
    assert forward.reveal(first[0]) == "Jane Doe"
    other_key = keyed_vault(tmp_path / "c", tmp_path / "other.key")
    assert other_key.surrogate("PERSON", "Jane Doe") != first[0]  # numbers are keyed, not a bare hash


def test_keyed_number_collisions_take_the_next_free_number(tmp_path: Path, key_path: Path) -> None:
    vault = keyed_vault(tmp_path / "v", key_path, digits=1)  # 9 numbers: collisions are certain
    surrogates = [vault.surrogate("PERSON", f"Person {i}") for i in range(9)]
    assert sorted(surrogates) == [f"<PERSON_{n}>" for n in range(1, 10)]
    assert [vault.surrogate("PERSON", f"Person {i}") for i in range(9)] == surrogates  # stable
    with pytest.raises(RuntimeError, match="no free 1-digit PERSON surrogate"):
        vault.surrogate("PERSON", "Person 9")


def test_the_preferred_spelling_is_kept_whatever_the_order(tmp_path: Path, key_path: Path) -> None:
    spellings = ["JANE DOE", "Jane Doe", "jane doe"]
    for n, order in enumerate([spellings, spellings[::-1], spellings[1:] + spellings[:1]]):
        vault = keyed_vault(tmp_path / str(n), key_path)
        surrogates = {vault.surrogate("PERSON", s) for s in order}
        assert len(surrogates) == 1
        assert vault.reveal(surrogates.pop()) == "Jane Doe"  # capitalized: the spelling propagation uses
        assert vault.iter_values()[0][1] == "Jane Doe"


def test_an_unknown_numbering_is_refused(engine: Engine, key_path: Path) -> None:
    with pytest.raises(ValueError, match="numbering"):
        Vault(engine, load_or_create_key(key_path), numbering="random")  # type: ignore[arg-type]


def test_a_worse_spelling_seen_again_costs_no_database_round_trip(tmp_path: Path, key_path: Path) -> None:
    from sqlalchemy import event

    vault = keyed_vault(tmp_path / "v", key_path)
    vault.surrogate("PERSON", "Jane Doe")
    vault.surrogate("PERSON", "JANE DOE")
    statements: list[str] = []
    event.listen(vault._engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    for _ in range(5):
        vault.surrogate("PERSON", "JANE DOE")
    assert statements == []
    assert vault.reveal(vault.surrogate("PERSON", "jane doe")) == "Jane Doe"
