"""Names in business documents full of acronyms, surnames in capitals and all-caps notices (session 16,
issue 19), through the real detector and the vault: hand-made texts of the kinds the diverse-names corpus
holds, none from it."""

from __future__ import annotations

from anonymize.detector import PiiDetector
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault

# Acronyms (CFO, IT, SLA, H&S, QA, KPI, ERP) make the detector read this as technical text, where one-word
# names from the model alone are refused; these stand in a list's structure or after a role's label.
CONTACTS = (
    "SITE CONTACTS — WAREHOUSE B (updated May 2026)\n\n"
    "CFO ...................... Oyelaran Babatunde\n"
    "IT helpdesk .............. ext. 200 (SLA 4h)\n"
    "H&S — Kwame .............. ext. 311\n"
    "QA lead — Ingeborg ....... ext. 312\n"
    "Post room: Ragnheiður — ext. 118\n"
    "KPI reports go to the ERP team."
)
ORG_CHART = (
    "ORG CHART — FINANCE (KPI owners, as of 1 May)\n\n"
    "CFO ........ Mariam Oyelaran-Bello\n"
    "├── GL & AP — Thandeka\n"
    "│     └── Bongani (intern, reports to Thandeka)\n"
    "└── FP&A — Kwabena Ofori-Atta\n"
    "Facilities — Yusuf bin Hamdan ......... ext. 265"
)
WARDENS = (
    "Fire wardens: OKAFOR, Chidi (east wing), Liesel BRANDT (west wing); first aid: NAKAMURA Hiroshi.\n"
    "LM Ericsson AB said the drill is on Friday."
)
NOTICE = (
    "NOTICE TO ALL STAFF\n\nTHE LIFTS WILL BE OFF FROM MONDAY 4 MAY UNTIL FRIDAY 8 MAY FOR SERVICING.\n"
    "KEYS ARE HELD BY SIOBHÁN NÍ CHEALLAIGH (RECEPTION)."
)
SCIENCE = (
    "In multivariate Cox regression analysis (HR 2.1, 95% CI 1.2-3.4), MVD, TNF-α and IL-6 predicted DFS; "
    "Wnt signaling and Pol IVa were unaffected in CD4+ cells."
)

# Science text like SciFact's, where session 16's first rules found persons: a noun after a figure ("301
# Finnish patients"), a structured abstract's capital heading before a frequent word ("MEASURES Hazard"), a
# gene after an English word ("Mutant KRAS"), then every "KRAS".
ABSTRACTS = (
    "Non-genetic factors predict circulating 25(OH)D levels in Hispanic and non-Hispanic White women (n = "
    "1,234; OR 1.8, 95% CI 1.1-2.9); KRAS/TP53 mutations were less common (60% vs Black 79% (P = 0.011) and "
    "White 77% (P = 0.01)) among 301 Finnish patients with CADASIL.",
    "OBJECTIVE To assess SSRIs and TCAs. DESIGN Cohort (2007-2008). MAIN OUTCOME MEASURES Hazard ratios (HR, "
    "95% CI) associated with SSRI use. PURPOSE Mesh surgeries (TVT, TOT) are frequent. Mutant KRAS (G12D) is "
    "a druggable target in PDA; the mutated KRAS oncogene drives MAPK/ERK growth.",
)


def found(detector: PiiDetector, text: str) -> list[tuple[str, str]]:
    return [(text[r.start : r.end], r.entity_type) for r in detector.analyze([text])[0]]


def persons(detector: PiiDetector, text: str) -> list[str]:
    return [value for value, kind in found(detector, text) if kind == "PERSON"]


def test_one_word_names_in_a_contact_list_full_of_acronyms(detector: PiiDetector) -> None:
    """Detector 44 found only "Oyelaran Babatunde": the acronyms made the list technical text."""
    assert persons(detector, CONTACTS) == ["Oyelaran Babatunde", "Kwame", "Ingeborg", "Ragnheiður"]


def test_an_org_chart_s_branches_and_a_patronymic_link(detector: PiiDetector) -> None:
    """Detector 44 found neither "Bongani" (after a branch) nor "Yusuf bin Hamdan" (a lower-case link in a
    technical text), and read "Thandeka" as a nationality."""
    assert persons(detector, ORG_CHART) == [
        "Mariam Oyelaran-Bello",
        "Thandeka",
        "Bongani",
        "Thandeka",
        "Kwabena Ofori-Atta",
        "Yusuf bin Hamdan",
    ]


def test_one_word_gene_and_method_names_stay_words_in_science_text(detector: PiiDetector) -> None:
    """The lexicon knows "Cox", "Wnt" and "Pol" as surnames; no list or person's slot vouches for them."""
    assert persons(detector, SCIENCE) == []


def test_units_ethnicities_and_abstract_headings_are_no_names(detector: PiiDetector) -> None:
    """A one-word "name" after a figure or that English uses often, and capitals before a frequent word,
    stay in clear in science text (each was pseudonymized across SciFact before the checks)."""
    for abstract in ABSTRACTS:
        assert persons(detector, abstract) == [], abstract


def test_surnames_in_capitals_in_either_order(detector: PiiDetector) -> None:
    """Detector 44 found none of the three; a company's form after capitals is no name."""
    assert persons(detector, WARDENS) == ["OKAFOR, Chidi", "Liesel BRANDT", "NAKAMURA Hiroshi"]
    assert ("LM Ericsson AB", "ORGANIZATION") in found(detector, WARDENS)


def test_an_all_caps_notice_holds_dates_not_an_address(detector: PiiDetector) -> None:
    """Detector 44 read "4 MAY UNTIL FRIDAY 8 MAY FOR SERVICING" as a house number and a street, and took the
    next line, with the name in it, into the address."""
    results = found(detector, NOTICE)
    assert ("SIOBHÁN NÍ CHEALLAIGH", "PERSON") in results
    assert not [value for value, kind in results if kind == "STREET_ADDRESS"]


def test_no_such_name_is_stored_in_clear_and_questions_are_pseudonymized(
    detector: PiiDetector, vault: Vault
) -> None:
    """The insider's first try: store the texts, read them back, look the names up in the vault (what
    erasure finds) and type the names into a question."""
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = [d.text for d in pseudo.run([CONTACTS, WARDENS, NOTICE, ORG_CHART])]
    for text, names in zip(
        stored,
        [
            ("Kwame", "Ingeborg", "Ragnheiður"),
            ("OKAFOR", "Chidi", "BRANDT", "Liesel", "NAKAMURA", "Hiroshi"),
            ("SIOBHÁN", "CHEALLAIGH"),
            ("Thandeka", "Bongani", "Yusuf", "Hamdan"),
        ],
        strict=True,
    ):
        for name in names:
            assert name not in text, (name, text)
    assert "KPI reports go to the ERP team." in stored[0]
    for value in ("Kwame", "OKAFOR, Chidi", "NAKAMURA Hiroshi", "SIOBHÁN NÍ CHEALLAIGH", "Bongani"):
        assert vault.lookup_value(value, "PERSON"), value
    asked_questions = (
        "Is Kwame on the H&S rota?",
        "Did Chidi Okafor and Hiroshi Nakamura do the drill?",
        "Who does Bongani report to?",
    )
    for asked in asked_questions:
        question = pseudo.run([asked], store=False)[0].text
        for name in ("Kwame", "Chidi", "Okafor", "Hiroshi", "Nakamura", "Bongani"):
            assert name not in question, question
