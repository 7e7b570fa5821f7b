"""The vault's bounded look-up cache: at most its size whatever the number of values, same surrogates."""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from anonymize.keys import load_or_create_key
from anonymize.vault import Vault
from anonymize.vault_cache import BoundedCache

pytestmark = pytest.mark.slow_file(45)


def test_the_cache_keeps_the_most_recently_used_entries() -> None:
    cache = BoundedCache(3)
    for key in "abcd":
        cache.put(key, key.upper())
    assert len(cache) == 3
    assert cache.get("a") is None  # the oldest went first
    assert cache.get("b") == "B"  # read: now the most recent
    cache.put("e", "E")
    assert cache.get("c") is None and cache.get("b") == "B" and cache.get("e") == "E"
    cache.drop_values(lambda value: value == "B")
    assert cache.get("b") is None and len(cache) == 2


def test_a_size_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="size"):
        BoundedCache(0)


def test_the_cache_holds_its_bound_from_many_threads() -> None:
    cache = BoundedCache(50)

    def fill(offset: int) -> None:
        for n in range(2_000):
            cache.put(f"{offset}-{n}", str(n))
            cache.get(f"{offset}-{n // 2}")

    threads = [threading.Thread(target=fill, args=(t,)) for t in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(cache) == 50


def _values(count: int) -> list[tuple[str, str]]:
    """(type, value) pairs: ``count`` distinct values, each seen again later, some in another spelling."""
    rng = random.Random(7)
    first = [f"Person{chr(97 + n % 26)} Name{n}" for n in range(count // 2)]
    phones = [f"555-{n:04d}" for n in range(count - len(first))]
    pairs = [("PERSON", v) for v in first] + [("PHONE_NUMBER", v) for v in phones]
    again = [("PERSON", v.upper()) for v in first[::3]] + rng.sample(pairs, count // 2)
    mixed = pairs + again
    rng.shuffle(mixed)
    return mixed


@pytest.mark.parametrize("numbering", ["sequential", "keyed"])
def test_a_small_cache_gives_the_surrogates_and_spellings_of_an_unbounded_one(
    tmp_path: Path, numbering: str
) -> None:
    keys = load_or_create_key(tmp_path / "vault.key")
    pairs = _values(600)
    results = []
    for name, size in (("small", 16), ("large", 100_000)):
        engine = create_engine(f"sqlite:///{tmp_path}/{name}.db")
        vault = Vault(engine, keys, numbering=numbering, cache_size=size)  # type: ignore[arg-type]
        surrogates = [vault.surrogate(t, v) for t, v in pairs]
        found = [vault.find(t, v) for t, v in pairs]
        assert len(vault._cache) <= size and len(vault._spellings) <= size
        results.append((surrogates, found, sorted(vault.iter_values())))
        engine.dispose()
    small, large = results
    assert small == large
    assert len({s for s in small[0]}) == 600  # every distinct value, its own surrogate
    names = [v for _, v in small[2] if " " in v]
    assert len(names) == 300 and not any(v.isupper() for v in names)  # "Persona Name0" kept, not caps


def test_an_erased_value_is_not_found_through_the_cache(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path}/v.db")
    vault = Vault(engine, load_or_create_key(tmp_path / "vault.key"), cache_size=4)
    surrogate = vault.surrogate("PERSON", "Jane Doe")
    assert vault.find("PERSON", "Jane Doe") == surrogate
    assert vault.remove(surrogate)
    assert vault.find("PERSON", "Jane Doe") is None
    engine.dispose()
