"""The detector's post-processing and configuration, with the real spaCy model."""

from __future__ import annotations

import pytest

from anonymize.detector import DetectorConfig, PiiDetector
from anonymize.recognizers.addresses import AddressBlockRecognizer
from anonymize.recognizers.identifiers import CustomIdentifier
from anonymize.recognizers.name_cues import NameCueRecognizer


def spans(recognizer, text: str, entity_type: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [text[r.start : r.end] for r in recognizer.analyze(text, [entity_type], None)]


def found(detector: PiiDetector, text: str) -> set[tuple[str, str]]:
    return {(r.entity_type, text[r.start : r.end]) for r in detector.analyze([text])[0]}


@pytest.fixture(scope="module")
def detector() -> PiiDetector:
    return PiiDetector(DetectorConfig())


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "It arrived at 7005 Avenida Lago 99 Suite 119 Terrugem Portugal last night.",
            "7005 Avenida Lago 99 Suite 119 Terrugem Portugal",
        ),
        ("Send it to Via Pasquale Scura 127 please", "Via Pasquale Scura 127"),
        ("User: Unit 4670 Box 6562\nDPO AA 17229", "Unit 4670 Box 6562\nDPO AA 17229"),
        (
            "14 Kingsley Road\n    London N8 7QP\n    United Kingdom\n\nThanks",
            "14 Kingsley Road\n    London N8 7QP\n    United Kingdom",
        ),
        # Street types in lower case after the name; a house number, then "rue", "Calle" with no number after.
        ("Please meet at 09251 Luige tee 56, Linnakse", "09251 Luige tee 56, Linnakse"),
        ("The bus drops you off at 30232 Bem rakpart 79.", "30232 Bem rakpart 79"),
        (
            "Radomir Horvatinčić\n5778 82 rue Ernest Renan\nApt. 788\nCHAUMONT\nFrance 38808",
            "5778 82 rue Ernest Renan\nApt. 788\nCHAUMONT\nFrance 38808",
        ),
        ("Send it to 65 Rue de l'Etoile Polaire tomorrow", "65 Rue de l'Etoile Polaire"),
        # No house number first: the street type in lower case, or joined to the name.
        ("Pedestrians must enter on Bem rakpart 81 the first months", "Bem rakpart 81"),
        ("The title refers to Untere Bahnhofstrasse 6 street", "Untere Bahnhofstrasse 6"),
        ("It was on Lumbyholmvej 46 in the old days", "Lumbyholmvej 46"),
        # The last line after a blank line, when it is a country or town with its postal code.
        (
            "Glafira M. Abakumova\n\n77780 Luite tee 87\n Suite 339\n Salumäe\n\n Estonia 86939",
            "77780 Luite tee 87\n Suite 339\n Salumäe\n\n Estonia 86939",
        ),
        ("12 Main Street\nSpringfield\n\nThanks for everything", "12 Main Street\nSpringfield"),
        ("12 Main Street\nSpringfield\n\nCall me at 5 tomorrow", "12 Main Street\nSpringfield"),
        # Place names with small words, a slash or a qualifier; ships' names in any alphabet.
        (
            "64535 Svépomoc 219\n Apt. 181\n Bystré u Policky\n Czech Republic 70048",
            "64535 Svépomoc 219\n Apt. 181\n Bystré u Policky\n Czech Republic 70048",
        ),
        (
            "5019 Grossmatt 31\n Biel/Bienne\n Switzerland 74169",
            "5019 Grossmatt 31\n Biel/Bienne\n Switzerland 74169",
        ),
        (
            "477 Σκαφίδια 5\n ΠΑΤΡΙΚΙ\n\n Cyprus (Greek) 69232",
            "477 Σκαφίδια 5\n ΠΑΤΡΙΚΙ\n\n Cyprus (Greek) 69232",
        ),
        ("Send it to 12 Main Street\nSpringfield on Monday.", "12 Main Street\nSpringfield"),
        ("Here's her address:\n\nUSNS Šimić\nFPO AA 13523", "USNS Šimić\nFPO AA 13523"),
        # More cues, and French street words in lower case.
        ("He lives on the north side of Bairro St António 69.", "Bairro St António 69"),
        (
            "Pedestrians must enter on Celso Emilio Ferreiro 23 St. the first months",
            "Celso Emilio Ferreiro 23 St.",
        ),
        ("He lives at 49828 3 route de Lyon, IVRY-SUR-SEINE", "49828 3 route de Lyon, IVRY-SUR-SEINE"),
        ("She lives at 440 91 avenue Jules Ferry, STAINS", "440 91 avenue Jules Ferry, STAINS"),
    ],
)
def test_address_blocks(detector: PiiDetector, text: str, address: str) -> None:
    assert {v for t, v in found(detector, text) if t == "STREET_ADDRESS"} == {address}


@pytest.mark.parametrize(
    "text",
    [
        "Katie 5 and Hattie 7 were there.",
        "I sent 5 emails to Jon 3 times.",
        "I sent 5 via Email and 3 by post.",
        "We went by route Alpha 5 today.",
        "It takes 3 route changes. We enter on Monday.",
    ],
)
def test_names_with_numbers_are_not_streets(text: str) -> None:
    assert spans(AddressBlockRecognizer(), text, "STREET_ADDRESS") == []


def test_address_blocks_are_not_dates() -> None:
    assert spans(AddressBlockRecognizer(), "Sent: 19 May 2025 10:31", "STREET_ADDRESS") == []


def test_names_after_titles_and_cues() -> None:
    text = "Mr. Cole said hi. My name is Minoesch. Account name: Hughes Data Ltd"
    assert spans(NameCueRecognizer(), text, "PERSON") == ["Cole", "Minoesch"]


def test_pattern_results_win_over_the_ner_model(detector: PiiDetector) -> None:
    result = found(
        detector, "You said your email is MarisaAlvesRocha@teleworm.us. Here's my SSN: 141-05-4701"
    )
    assert ("EMAIL_ADDRESS", "MarisaAlvesRocha@teleworm.us") in result
    assert not {t for t, _ in result} & {"PERSON", "URL", "ORGANIZATION"}  # no name, domain or "SSN" org
    assert ("US_SSN", "141-05-4701") in result


def test_dates_need_a_date(detector: PiiDetector) -> None:
    result = found(
        detector, "We met this morning; the contract from March 3, 2021 ran for years. He is 83 years old."
    )
    assert {v for t, v in result if t == "DATE_TIME"} == {"March 3, 2021"}


def test_person_spans_drop_a_leading_verb(detector: PiiDetector) -> None:
    assert ("PERSON", "Jane Doe") in found(detector, "Call Jane Doe at (555) 123-4567.")


def test_escaped_line_breaks_separate_fields(detector: PiiDetector) -> None:
    text = "Mobile: 794 1672\\nFax: 07700 547887\\n"
    phones = {v for t, v in found(detector, text) if t == "PHONE_NUMBER"}
    assert phones == {"794 1672", "07700 547887"}


def test_thresholds_allow_and_deny_lists_and_custom_identifiers() -> None:
    detector = PiiDetector(
        DetectorConfig(
            thresholds={"EMAIL_ADDRESS": 1.01},
            allow_list=["Jane Doe"],
            deny_list={"PROJECT": ["Bluebird"]},
            custom=[CustomIdentifier("TICKET", r"\bTCK-\d{5}\b")],
        )
    )
    result = found(detector, "Jane Doe (jane@example.com) runs Bluebird, ticket TCK-12345.")
    assert ("PROJECT", "Bluebird") in result and ("TICKET", "TCK-12345") in result
    assert not {t for t, _ in result} & {"EMAIL_ADDRESS", "PERSON"}


PSEUDONYMIZED = {"PERSON", "PHONE_NUMBER", "STREET_ADDRESS", "US_DRIVER_LICENSE", "US_BANK_NUMBER", "US_SSN"}


def test_scientific_abstract_has_no_personal_data(detector: PiiDetector) -> None:
    text = (
        "Identification of p18 INK4c as a tumor suppressor.\n\nDeletions of p18(INK4c) often occur with "
        "CDK1 amplification. Chordin and Dvl2 bind; chordin levels rose in Xenopus. The p57 protein and "
        "RNA polymerase Pol II were measured in 24 X 9 grids from 1977-2007 (OR 3.2, 95% CI 1.99-11.07)."
    )
    assert {t for t, _ in found(detector, text)} & PSEUDONYMIZED == set()


def test_licence_pattern_needs_a_licence_word(detector: PiiDetector) -> None:
    assert ("US_DRIVER_LICENSE", "A25064207") in found(detector, "My driver's license number is A25064207")
    assert not any(t == "US_DRIVER_LICENSE" for t, _ in found(detector, "Lipid binding of p57 and A1 id."))


def test_person_shaped_organization_is_a_person(detector: PiiDetector) -> None:
    text = "Helena Carlsen\n\n637 Strojírenská 1006\n Suite 026\n Svratka\n Czech Republic 45098"
    assert ("PERSON", "Helena Carlsen") in found(detector, text)


def test_escaped_line_breaks_split_names_from_addresses(detector: PiiDetector) -> None:
    text = "Pertti Palander\\n\\n083 Favoritenstrasse 36\\n Apt. 367\\n KOPPELSTÄTT\\n\\n Austria 73269"
    result = found(detector, text)
    assert ("PERSON", "Pertti Palander") in result
    assert any(t == "STREET_ADDRESS" and v.startswith("083 Favoritenstrasse 36") for t, v in result)


def test_later_mentions_of_a_name_are_found(detector: PiiDetector) -> None:
    text = "My name is Calan Stevenson but everyone calls me Calan"
    assert {("PERSON", "Calan Stevenson"), ("PERSON", "Calan")} <= found(detector, text)


def test_propagated_names_respect_the_allow_list_and_thresholds() -> None:
    text = "My name is Calan Stevenson but everyone calls me Calan"
    allowed = PiiDetector(DetectorConfig(allow_list=["Calan"]))
    assert ("PERSON", "Calan") not in found(allowed, text)
    strict = PiiDetector(DetectorConfig(thresholds={"PERSON": 0.95}), analyzer=allowed.analyzer)
    assert not any(t == "PERSON" for t, _ in found(strict, text))


@pytest.mark.parametrize("heading", ["# Team\n\n", "## Minutes (draft)\n  \n"])
def test_a_heading_line_does_not_hide_the_name_below_it(detector: PiiDetector, heading: str) -> None:
    text = f"{heading}Priya Raman joined the finance team in March."
    found = [(r.entity_type, text[r.start : r.end]) for r in detector.analyze([text])[0]]
    assert ("PERSON", "Priya Raman") in found
