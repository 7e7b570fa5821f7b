"""How far a known name reaches beyond its document (anonymize/name_reach.py, anonymize/known_values.py)."""

from __future__ import annotations

import pytest

from anonymize.known_spill import SpilledKnownValues
from anonymize.known_values import KnownValues, known_of
from anonymize.name_lexicon import NameLexicon
from anonymize.name_reach import NameReach
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault


@pytest.fixture(scope="module")
def reach(lexicon: NameLexicon) -> NameReach:
    return NameReach(lexicon)


@pytest.mark.parametrize(
    "word",
    [
        "Tigist",
        "Bekele",
        "Mwangi",
        "Oyelaran",
        "Nguyen",
        "Brown",
        "Young",
        "Kowalczyk",
        "Ngata",
        "Arno",
        "Hope",
        "Grace",
    ],
)
def test_names_of_many_origins_stand_alone(reach: NameReach, word: str) -> None:
    assert reach.word(word)


@pytest.mark.parametrize(
    "word",
    ["Western", "Human", "Cell", "Association", "Therapy", "Northern", "Potentiated", "Survival", "Male"],
)
def test_everyday_and_scientific_words_do_not(reach: NameReach, word: str) -> None:
    assert not reach.word(word)


@pytest.mark.parametrize(
    "value", ["Epstein-Barr", "O'Brien", "al-Saadani", "Ata-ur-Rehman", "Okafor-Lind", "ines.q", "j_smith"]
)
def test_hyphenated_and_apostrophe_names_stand_alone(reach: NameReach, value: str) -> None:
    assert reach.token(value)


@pytest.mark.parametrize("value", ["T-cell", "Long-term", "Krüppel-like", "G-protein-coupled", "B-cells"])
def test_hyphenated_terms_do_not(reach: NameReach, value: str) -> None:
    assert not reach.token(value)


@pytest.fixture(params=["memory", "spilled"])
def elsewhere(request: pytest.FixtureRequest, reach: NameReach) -> KnownValues:
    """Values found in other documents, in memory or spilled (the sweeps' tables): the same answers."""
    return KnownValues(reach) if request.param == "memory" else SpilledKnownValues(reach)


def test_a_false_person_from_another_document_stays_where_it_is_a_word(elsewhere: KnownValues) -> None:
    known_of(
        [
            ("Western Blot", "PERSON"),
            ("T-cell", "PERSON"),
            ("Association", "PERSON"),
            ("Tigist Bekele", "PERSON"),
        ],
        into=elsewhere,
    )
    assert "Western" not in elsewhere.aliases and "Association" not in elsewhere.aliases
    assert elsewhere.aliases["Tigist"] == "Tigist Bekele" and elsewhere.aliases["Bekele"] == "Tigist Bekele"
    text = "Western blot of T-cell lysates (Association data): WESTERN BLOT and Western Blot."
    found = [text[s:e] for s, e in elsewhere.matches(text, {w.lower() for w in text.split()}, text.lower())]
    assert found == ["WESTERN BLOT", "Western Blot"]  # the value as a value, never "Western blot" or "T-cell"


def test_a_name_from_another_document_matches_with_its_particles_in_any_case(elsewhere: KnownValues) -> None:
    known_of([("Anna Van der Berg", "PERSON")], into=elsewhere)
    text = "Signed: anna van der berg. Approved by Anna van der Berg and ANNA VAN DER BERG."
    words = {w.lower().strip(".:") for w in text.split()}
    found = [text[s:e] for s, e in elsewhere.matches(text, words, text.lower())]
    assert found == ["Anna van der Berg", "ANNA VAN DER BERG"]  # all lower case is no name's writing


def test_within_its_document_every_word_of_a_name_stands_for_it() -> None:
    local = KnownValues()  # a document's own values: no reach limit
    known_of(
        [
            ("Hope Mwangi", "PERSON"),
            ("Western Blot", "PERSON"),
            ("Long-term", "PERSON"),
            ("Ana al-Amin", "PERSON"),
        ],
        into=local,
    )
    assert local.aliases["Hope"] == "Hope Mwangi" and local.aliases["Western"] == "Western Blot"
    assert local.aliases["Amin"] == local.aliases["al-Amin"] == "Ana al-Amin"  # a particle's hyphen
    assert "Long" not in local.aliases  # a hyphenated word that is no name gives no halves


def test_the_sweep_replaces_a_name_everywhere_and_a_false_word_nowhere_else(
    pseudo: Pseudonymizer, vault: Vault
) -> None:
    """What an ingestion job's sweep does with the values it found: the insider's first tries on a name
    (other case, possessive, parts alone, a hyphenated surname) are all replaced; the false persons' words
    are not replaced in another document."""
    mark = pseudo.vault_mark()
    for value in ("Tigist Bekele-Alemu", "Western Blot", "T-cell", "Human Arno"):
        vault.surrogate("PERSON", value)
    tigist = vault.find("PERSON", "Tigist Bekele-Alemu")
    known = pseudo.known_between(mark)
    text = (
        "TIGIST BEKELE-ALEMU signed. Tigist's memo went to Bekele-Alemu. Human resources ran the Western "
        "blot on T-cell lysates; Arno reviewed it."
    )
    swept = pseudo.sweep(text, known)
    assert "tigist" not in swept.lower() and "bekele" not in swept.lower() and "alemu" not in swept.lower()
    assert swept.count(tigist) == 3
    assert "Human resources ran the Western blot on T-cell lysates" in swept
    assert "Arno" not in swept  # a rare word: may be the person, replaced (fail safe)


@pytest.fixture
def pseudo(detector, vault: Vault) -> Pseudonymizer:  # type: ignore[no-untyped-def]
    return Pseudonymizer(detector, vault, ["PERSON"])
