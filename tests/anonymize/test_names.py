"""Rules on PERSON candidates: technical words, name shapes, repeats of a name, addressee lines."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from anonymize.names import (
    common_word,
    names_before_addresses,
    person_shaped,
    plausible_person,
    propagate,
    technical_text,
    technical_word,
)

ABSTRACT = (
    "Deletions of p18(INK4c) often occur with CDK1 amplification; p57 and p21 suppress the RNA "
    "polymerase. The SiO2 nanoparticles and CsA were given at 2 mM (95% CI 1.99-11.07)."
)


@pytest.mark.parametrize("word", ["ORF74", "RNA", "CsA", "SiO2", "nsP4", "PAR-2", "Ldlr(-/-"])
def test_technical_words(word: str) -> None:
    assert technical_word(word)


@pytest.mark.parametrize("word", ["Jane", "McDonald", "O'Brien", "PhD", "MD", "DeRose", "Jóhannsdóttir"])
def test_name_words_are_not_technical(word: str) -> None:
    assert not technical_word(word)


def test_technical_text() -> None:
    assert technical_text(ABSTRACT)
    assert not technical_text("Hi Keiran, please call Jane Doe at 555-0100 about the IBAN GB82WEST1234.")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("Chordin", "Chordin binds BMP. Levels of chordin rose."),  # a common noun in the same text
        ("Dvl", "Dvl recruits Axin; Dvl2 and Dvl3 do too."),  # a gene family
        ("Lysine 4", "Lysine 4 of histone H3 is methylated."),
        ("keratinocyte", "The keratinocyte layer grew."),
        ("Random Forest", "A Random Forest model: the random forest beat logistic regression."),
        ("S. cerevisiae", "S. cerevisiae cells lacking Sir2 age faster."),  # a species, not "S. Cerevisiae"
        ("H. pylori", "Active H. pylori infection raises the risk."),
    ],
)
def test_model_names_that_are_not_people(value: str, text: str) -> None:
    assert not plausible_person(value, text, from_model=True)


def test_one_word_names_are_dropped_in_technical_text_only() -> None:
    assert not plausible_person("Pol", ABSTRACT + " Pol binds.", from_model=True, technical=True)
    assert plausible_person("Keiran", "Hi Keiran, how are you?", from_model=True)
    assert plausible_person("Jane Roe", ABSTRACT + " Jane Roe wrote.", from_model=True, technical=True)


def test_lower_case_names_in_lower_case_text() -> None:
    assert plausible_person("ross", "ross, can i please speak to your boss?", from_model=True)
    assert plausible_person("maria s. gomez", "call maria s. gomez tomorrow", from_model=True)


def test_name_particles_may_be_lower_case() -> None:
    assert plausible_person("Ludwig van Beethoven", "Ludwig van Beethoven wrote it.", from_model=True)
    assert plausible_person("J. de Vaan", "Ask J. de Vaan for the keys.", from_model=True)


@pytest.mark.parametrize("value", ["Helena Carlsen", "Kaua C Lima", "Adam McDowell", "Jansje J. Zwarts"])
def test_person_shaped(value: str) -> None:
    assert person_shaped(value)


@pytest.mark.parametrize("value", ["Acme Holdings", "Pisano Row", "Fuse TV", "Kayne", "EM SYSTEMS", "A B C"])
def test_not_person_shaped(value: str) -> None:
    assert not person_shaped(value)


def test_other_mentions_of_a_name_are_people_too() -> None:
    text = "My name is Calan Stevenson but everyone calls me Calan. Stevenson agreed."
    name = RecognizerResult("PERSON", 11, 26, 0.6)
    added = propagate(text, [name], [], frozenset())
    assert [text[r.start : r.end] for r in added] == ["Calan", "Stevenson"]


def test_propagation_skips_blocked_spans_and_common_words() -> None:
    text = "Light Smith spoke. The light was on. Smith left Smith Street."
    name = RecognizerResult("PERSON", 0, 11, 0.85)
    street = RecognizerResult("STREET_ADDRESS", 48, 60, 0.6)
    added = propagate(text, [name], [street], frozenset())
    assert [text[r.start : r.end] for r in added] == ["Smith"]


def test_addressee_line_above_an_address() -> None:
    text = "Bertram A Krogh\nKayne Anderson Fund Inc.\n144 477 South St\nSuite 394"
    address = RecognizerResult("STREET_ADDRESS", text.index("144"), len(text), 0.6)
    found = names_before_addresses(text, [address])
    assert [text[r.start : r.end] for r in found] == ["Bertram A Krogh"]
    other = "Open the door.\n12 Main Street"
    street = RecognizerResult("STREET_ADDRESS", other.index("12"), len(other), 0.6)
    assert names_before_addresses(other, [street]) == []


@pytest.mark.parametrize("word", ["Aβ", "Qβ", "TNF-α", "IFN-γ"])
def test_greek_letters_in_latin_words_are_technical(word: str) -> None:
    assert technical_word(word)


def test_greek_names_are_not_technical() -> None:
    assert not technical_word("Γιώργος")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("Metabolic Disorders Study", "Metabolic Disorders Study"),  # a Title Case heading
        ("Allosteric Inhibition", "Allosteric Inhibition of Kinases"),
        ("Mitochondria", "Mitochondria play a major role in apoptosis."),  # a claim's first word
        ("Bariatric surgery", "Bariatric surgery reduces colorectal cancer."),
        ("Sildenafil", "Sildenafil worsens erectile function."),  # a drug stem
        ("Semaglutide", "The adverse events to Semaglutide are cardiovascular."),
        ("Cellular Death Induced", "Cellular Death Induced by Stress"),
    ],
)
def test_scientific_words_are_not_people(value: str, text: str) -> None:
    assert not plausible_person(value, text, from_model=True)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("Keating", "Keating called about the invoice."),  # -ating, but short
        ("Thomas", "Thomas is a 63 year old man."),
        ("Felicity", "Felicity shouted at John."),
    ],
)
def test_names_with_common_endings_stay_people(value: str, text: str) -> None:
    assert plausible_person(value, text, from_model=True)


def test_common_words() -> None:
    assert common_word("Regulatory") and common_word("Retrospective") and common_word("Crohn's") is False
    assert common_word("Microglia") and not common_word("Christine")
