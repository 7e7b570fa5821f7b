"""Rules on PERSON candidates: what cannot be a name, name shapes."""

from __future__ import annotations

import pytest

from anonymize.names import person_shaped, plausible_person

ABSTRACT = (
    "Deletions of p18(INK4c) often occur with CDK1 amplification; p57 and p21 suppress the RNA "
    "polymerase. The SiO2 nanoparticles and CsA were given at 2 mM (95% CI 1.99-11.07)."
)


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


@pytest.mark.parametrize("value", ["Lom-Ali Korgay", "Anne-Lotte Modderkolk", "Jean-Luc Picard"])
def test_hyphenated_names_are_person_shaped_where_the_context_says_so(value: str) -> None:
    assert person_shaped(value, hyphenated=True)
    assert not person_shaped(value)  # the NER model's "Bristol-Myers Squibb" is no person


def test_hyphenated_names_after_a_cue_but_not_from_the_model_alone() -> None:
    text = "Hi Anne-Lotte, the Bardet-Biedl syndrome study is ready."
    assert plausible_person("Anne-Lotte", text, from_model=False)
    assert not plausible_person("Bardet-Biedl", text, from_model=True)


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
