"""Street addresses, postal codes, corners and address blocks alone."""

from __future__ import annotations

import pytest

from anonymize.detector import DetectorConfig, PiiDetector
from anonymize.recognizers.addresses import StreetAddressRecognizer, ZipCodeRecognizer
from tests.anonymize.recognizers.common import builtin, spans


def test_street_address_with_direction_city_state_and_zip() -> None:
    text = "Ship it to 5512 NE 72nd Avenue, Vancouver, WA 98661 please."
    assert spans(StreetAddressRecognizer(), text, "STREET_ADDRESS") == [
        "5512 NE 72nd Avenue, Vancouver, WA 98661"
    ]


def test_simple_street_address() -> None:
    found = spans(StreetAddressRecognizer(), "She lives at 42 Maple Street.", "STREET_ADDRESS")
    assert len(found) == 1
    # NOTE: the span currently swallows the sentence's full stop ("42 Maple Street."), see the report
    assert found[0].rstrip(".") == "42 Maple Street"


@pytest.mark.parametrize(
    "text",
    ["We met at 10 am in room 42.", "Order 12 items from the store", "The year 2021 was good."],
)
def test_street_address_ignores_plain_numbers(text: str) -> None:
    assert spans(StreetAddressRecognizer(), text, "STREET_ADDRESS") == []


def test_street_address_with_unit() -> None:
    text = "Mail: 17 Oak Rd, Apt 4B, Portland, OR 97201"
    assert spans(StreetAddressRecognizer(), text, "STREET_ADDRESS") == [
        "17 Oak Rd, Apt 4B, Portland, OR 97201"
    ]


@pytest.mark.parametrize("value", ["4032", "860 13", "6250-120", "N8 7QP", "00-423"])
def test_labeled_zip_codes(value: str) -> None:
    assert spans(builtin("LabeledZipCode"), f"ZIP: {value}", "ZIP_CODE") == [value]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("in GRIGADALE PH36 9QH in its mission", ["PH36 9QH"]),
        ("London SW1A 1AA", ["SW1A 1AA"]),
        ("The M25 motorway, room B12 3, the A1 road and CO2 5 ppm", []),
    ],
)
def test_uk_postcodes_by_their_shape(text: str, codes: list[str]) -> None:
    found = [r for r in ZipCodeRecognizer().analyze(text, ["ZIP_CODE"]) if r.score >= 0.5]
    assert [text[r.start : r.end] for r in found] == codes


def test_a_labeled_zip_code_is_no_phone_number() -> None:
    detector = PiiDetector(DetectorConfig())
    text = "ZIP: 6250-120"
    assert [(r.entity_type, text[r.start : r.end]) for r in detector.analyze([text])[0]] == [
        ("ZIP_CODE", "6250-120")
    ]


def test_corner_of_two_streets_is_one_address() -> None:
    text = "What is your address? it is the corner of 4308 Morris Street and Åström Viaduct"
    assert spans(builtin("CornerAddressRecognizer"), text, "STREET_ADDRESS") == [
        "the corner of 4308 Morris Street and Åström Viaduct"
    ]


def test_dimensions_are_not_addresses() -> None:
    text = "Grids of 24 X 9 and 6 X 5, 20 X 5 cells."
    assert spans(builtin("AddressBlockRecognizer"), text, "STREET_ADDRESS") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # A street named by an ordinal starts a block as a named one does.
        (
            "Reginald Gorski\n\n32 2914 184th Street\n Apt. 333\n Edmonton\n\n Saint Lucia 07570",
            "32 2914 184th Street\n Apt. 333\n Edmonton\n\n Saint Lucia 07570",
        ),
        ("I live at 12 5th Avenue\nNew York, NY 10011", "12 5th Avenue\nNew York, NY 10011"),
        # A country's name with "and" ends the block.
        (
            "change it to 14 70 Omonia Square Suite 685, Quebec, Bosnia and Herzegovina 78990 for post",
            "14 70 Omonia Square Suite 685, Quebec, Bosnia and Herzegovina 78990",
        ),
        # A country's name with "of" or "of the" after "Republic", "States", ... ends the block.
        (
            "79 291 Adelianos Kambos\n Suite 477\n Larnaka\n Democratic Republic of the Congo 31420",
            "79 291 Adelianos Kambos\n Suite 477\n Larnaka\n Democratic Republic of the Congo 31420",
        ),
        (
            "51 1819 St. John Street\n>Apt. 327\n>Archerwill\n>Federated States of Micronesia 47980",
            "51 1819 St. John Street\n>Apt. 327\n>Archerwill\n>Federated States of Micronesia 47980",
        ),
        # Italian small words inside a street's name.
        (
            "Christopher Hansen\n41 Via dalla Staziun 87\nApt. 033\nDozwil",
            "41 Via dalla Staziun 87\nApt. 033\nDozwil",
        ),
    ],
)
def test_address_blocks_with_ordinals_particles_and_countries(text: str, address: str) -> None:
    assert address in spans(builtin("AddressBlockRecognizer"), text, "STREET_ADDRESS")


@pytest.mark.parametrize(
    "text",
    [
        "The match on the 19th May 2025 10:30",
        "We met 3 and the others 5 times.",
        "CLOSED FROM FRIDAY 20 MARCH UNTIL MONDAY 30 MARCH FOR REWIRING.\nMOVES ARE COORDINATED BY NIAMH",
    ],
)
def test_no_address_block_in_dates_and_counts(text: str) -> None:
    assert spans(builtin("AddressBlockRecognizer"), text, "STREET_ADDRESS") == []


def test_a_street_named_after_a_month_is_a_street() -> None:
    assert spans(builtin("AddressBlockRecognizer"), "Deliver to 10 May Lane, Hove.", "STREET_ADDRESS")


@pytest.mark.parametrize(
    "text",
    [
        # A desk plan or a ranked list: each line a number and a name, which reads as a house number and a
        # street's name ending in the next line's number.
        "Desk plan\n12 Ilse Vandermeulen\n14 Kwame Asante-Boateng\n15 Radka Novotna",
        # A leaderboard: a rank, a name, then the rounds' scores.
        "281 Ilse Vandermeulen 70 68 72 71 , Kwame Asante 70 70 70 71",
        # Names with their figures, one with the initial "R." (no "Rua" here).
        "Overtime : R. Oyelaran 12, M. Castellanos 9, T. Abernethy 7, J. Kowalczuk 4.",
    ],
)
def test_no_address_block_in_rosters_and_score_cards(text: str) -> None:
    assert spans(builtin("AddressBlockRecognizer"), text, "STREET_ADDRESS") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Ship the samples to R. Augusta 123, 1100-053 Lisboa", "R. Augusta 123, 1100-053 Lisboa"),
        ("Send it to 7005 Avenida Lago 99\nMadrid", "7005 Avenida Lago 99\nMadrid"),
        ("Offices: Via Roma 12, Milano; Corso Italia 45, Torino.", "Via Roma 12, Milano"),
    ],
)
def test_addresses_beside_rosters_still_found(text: str, address: str) -> None:
    assert address in spans(builtin("AddressBlockRecognizer"), text, "STREET_ADDRESS")
