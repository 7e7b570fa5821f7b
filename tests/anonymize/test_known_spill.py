"""Known values in an encrypted SQLite file: the same propagation as the dicts, memory flat in the values."""

from __future__ import annotations

import random
import threading
import tracemalloc

import pytest

from anonymize.known_spill import SpilledKnownValues
from anonymize.pseudonymizer import KnownValues, _propagated

FIRST = ["Priya", "Jane", "Matteo", "Aiko", "Arjun", "Fatima", "Olu", "Grace", "Ivan", "Lena"]
LAST = ["Raman", "Doe", "Lombardi", "Park", "Hayashi", "Okafor", "Bell", "Novak", "Smith", "Young"]


def _entries(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """(value, type) pairs the way a job adds them: names (parts shared between names), phones, e-mails,
    companies, a value under two types, one-word and lower-case values (which do not all propagate)."""
    entries = []
    for n in range(count):
        kind = n % 6
        if kind == 0:
            entries.append((f"{rng.choice(FIRST)} {rng.choice(LAST)}", "PERSON"))
        elif kind == 1:
            entries.append((f"+44 20 7{rng.randint(100, 999)} {rng.randint(1000, 9999)}", "PHONE_NUMBER"))
        elif kind == 2:
            entries.append((f"{rng.choice(FIRST).lower()}.{n}@example.org", "EMAIL_ADDRESS"))
        elif kind == 3:
            entries.append((f"{rng.choice(LAST)} Holdings", rng.choice(["ORGANIZATION", "PERSON"])))
        elif kind == 4:
            entries.append((rng.choice(FIRST + ["This", "odds ratio", "Survival"]), "PERSON"))
        else:
            entries.append((f"{rng.randint(1, 99)} {rng.choice(LAST)} Street", "STREET_ADDRESS"))
    return entries


def _texts(rng: random.Random, entries: list[tuple[str, str]], count: int) -> list[str]:
    values = [v for v, _ in entries]
    out = []
    for _ in range(count):
        picked = rng.sample(values, 4)
        out.append(
            f"Call {picked[0]} about {picked[1].upper()}; {rng.choice(LAST)} said {picked[2]} "
            f"met {rng.choice(FIRST)} at {picked[3]}. The odds ratio of survival was 2."
        )
    return out


@pytest.fixture
def spilled() -> SpilledKnownValues:
    known = SpilledKnownValues()
    yield known
    known.close()


def test_the_same_values_propagate_as_with_the_dicts(spilled: SpilledKnownValues) -> None:
    rng = random.Random(3)
    entries = sorted(_entries(rng, 600))
    in_memory = KnownValues()
    for value, entity_type in entries:
        in_memory.add(value, entity_type)
        spilled.add(value, entity_type)
    assert len(spilled) == len(in_memory)
    assert set(spilled.aliases) == set(in_memory.aliases) and set(spilled.types) == set(in_memory.types)
    assert {k: spilled.aliases[k] for k in in_memory.aliases} == in_memory.aliases
    assert {k: spilled.folded[k] for k in in_memory.folded} == in_memory.folded
    texts = _texts(rng, entries, 200)
    found = [_propagated(text, (in_memory,)) for text in texts]
    assert [_propagated(text, (spilled,)) for text in texts] == found
    assert sum(len(spans) for spans in found) > 600  # names, parts, phones, e-mails, streets found
    local = KnownValues()  # a document's own values beside the job's, as a sweep never has but runs allow
    local.add("Zora Quill", "PERSON")
    assert _propagated("Zora met Jane Doe", (spilled, local)) == _propagated(
        "Zora met Jane Doe", (in_memory, local)
    )


def test_memory_stays_flat_as_values_are_added(
    spilled: SpilledKnownValues, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("anonymize.known_spill.PATTERNS_KEPT", 64)  # the compiled patterns' bound, reached
    entries = _entries(random.Random(5), 6_000)
    phases = [(entries[:3_000], 200), (entries[3_000:4_500], 300), (entries[4_500:], 300)]
    traced = []
    tracemalloc.start()  # Python's and our pattern caches refill in the first phases, under tracing
    try:
        for number, (added, texts) in enumerate(phases):
            for value, entity_type in added:
                spilled.add(value, entity_type)
            for text in _texts(random.Random(number), entries[: 3_000 + 1_500 * number], texts):
                _propagated(text, (spilled,))
            traced.append(tracemalloc.get_traced_memory()[0])
        in_memory = KnownValues()
        for value, entity_type in entries[4_500:]:
            in_memory.add(value, entity_type)
        dicts = tracemalloc.get_traced_memory()[0] - traced[-1]
    finally:
        tracemalloc.stop()
    grown = traced[2] - traced[1]  # 1,500 more values, 300 texts
    assert len(spilled._patterns) <= 64 and not spilled._by_first
    assert grown < 24 * 1024  # nothing kept per value (what remains: the texts' own noise)
    assert dicts > 4 * max(grown, 1)  # what the dicts keep for the same 1,500 values (~800 new ones)
    assert spilled.path.stat().st_size > 200_000  # the values went to the file


def test_the_file_holds_no_value_in_clear_and_is_removed() -> None:
    known = SpilledKnownValues()
    known.add("Priya Raman", "PERSON")
    known.add("priya.raman@example.org", "EMAIL_ADDRESS")
    path = known.path
    data = path.read_bytes()
    for clear in (b"Priya", b"Raman", b"priya", b"example.org", b"PERSON"):
        assert clear not in data
    assert known.aliases["Raman"] == "Priya Raman"
    known.close()
    assert not path.exists() and not path.parent.exists()


def test_values_can_be_added_and_read_from_two_threads(spilled: SpilledKnownValues) -> None:
    entries = _entries(random.Random(9), 400)

    def add(part: list[tuple[str, str]]) -> None:
        for value, entity_type in part:
            spilled.add(value, entity_type)
            _propagated(f"Ask {value} now", (spilled,))

    threads = [threading.Thread(target=add, args=(entries[i::2],)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    expected = KnownValues()
    for value, entity_type in entries:
        expected.add(value, entity_type)
    assert set(spilled.types) == set(expected.types)
