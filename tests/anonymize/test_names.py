"""Rules on PERSON candidates: technical words, name shapes, repeats of a name, addressee lines."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from anonymize.names import (
    common_word,
    coordinated,
    names_before_addresses,
    person_shaped,
    plausible_person,
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


def _at(text: str, value: str, entity_type: str = "PERSON") -> RecognizerResult:
    start = text.index(value)
    return RecognizerResult(entity_type, start, start + len(value), 0.85)


def test_list_members_of_a_detected_name() -> None:
    text = "They had 6: Felix, Jane, James, Hunter, Stacy and Shannon."
    added = coordinated(text, [_at(text, "Jane")], [], [], frozenset())
    assert [text[r.start : r.end] for r in added] == ["Felix", "James", "Hunter", "Stacy", "Shannon"]


def test_list_without_a_detected_name_or_with_other_results() -> None:
    text = "We met Ann Lee and Acme Labs, then Oslo, Bergen and Tromsø."
    acme = _at(text, "Acme Labs", "ORGANIZATION")
    assert coordinated(text, [_at(text, "Ann Lee")], [acme], [], frozenset()) == []
    assert coordinated(text, [], [], [], frozenset()) == []


def test_the_models_places_in_a_list_turn_only_when_names_are_most_of_it() -> None:
    text = "Founders: Torvik, Mendez and Crawford."
    crawford = _at(text, "Crawford", "LOCATION")
    two = coordinated(text, [_at(text, "Torvik"), _at(text, "Mendez")], [], [crawford], frozenset())
    assert [text[r.start : r.end] for r in two] == ["Crawford"]
    pair = "Capitalized words like Wisdom and Discipline are often mistaken with names."
    wisdom = _at(pair, "Wisdom", "ORGANIZATION")
    assert coordinated(pair, [_at(pair, "Discipline")], [], [wisdom], frozenset()) == []


def test_common_words_in_a_list_stay() -> None:
    text = "Jane, The Team and Operations signed it, said Smith and the others."
    added = coordinated(text, [_at(text, "Jane")], [], [], frozenset(["the"]))
    assert added == []


@pytest.mark.parametrize("value", ["Lom-Ali Korgay", "Anne-Lotte Modderkolk", "Jean-Luc Picard"])
def test_hyphenated_names_are_person_shaped_where_the_context_says_so(value: str) -> None:
    assert person_shaped(value, hyphenated=True)
    assert not person_shaped(value)  # the NER model's "Bristol-Myers Squibb" is no person


def test_hyphenated_names_after_a_cue_but_not_from_the_model_alone() -> None:
    text = "Hi Anne-Lotte, the Bardet-Biedl syndrome study is ready."
    assert plausible_person("Anne-Lotte", text, from_model=False)
    assert not plausible_person("Bardet-Biedl", text, from_model=True)


def test_addressee_line_under_the_models_place() -> None:
    text = "Amalia N. Costa\nInvesco DWA Momentum ETF\n9112 Kuuse 53\nApt. 231"
    address = RecognizerResult("STREET_ADDRESS", text.index("9112"), len(text), 0.6)
    place = _at(text, "Amalia", "LOCATION")
    assert names_before_addresses(text, [address, place]) == []
    found = names_before_addresses(text, [address, place], [place])
    assert [text[r.start : r.end] for r in found] == ["Amalia N. Costa"]


def test_an_initial_with_its_period_and_a_surname_is_person_shaped() -> None:
    from anonymize.names import person_shaped

    assert person_shaped("T. Brandvold") and person_shaped("Ingrid K. Solheim")
    assert not person_shaped("V Leiden") and not person_shaped("J. K.")


def test_a_rare_name_in_lower_case_is_no_common_noun_in_technical_text_either() -> None:
    """Session 20: a lab report or a log with codes reads as technical text; a name word English does not
    use, also typed in lower case there ("regards kawa", "uploaded by farzana"), is the name, not a common
    noun. English words in lower case still make the model's span a term ("Random Forest ... random
    forest"), and the model's one-word names stay out of technical text."""
    text = "Run C12-14, ICP-MS, 1-100 µg/L by Kawa Ahmed (LC-MS/MS, QC-2).\nregards kawa"
    rare = {"kawa", "ahmed"}.__contains__
    assert plausible_person(
        "Kawa Ahmed", text, from_model=True, technical=True, rare_name=lambda w: rare(w.lower())
    )
    forest = "Random Forest (RF-2, XGB-3, SVM-1) beat a random forest of CD4+ cells."
    assert not plausible_person(
        "Random Forest", forest, from_model=True, technical=True, rare_name=lambda w: False
    )
    assert not plausible_person("Kawa", text, from_model=True, technical=True, rare_name=lambda w: True)
