"""A found name's words at its other mentions and where a name starts and ends, through the real detector
(session 24, issue 19): hand-made texts of the kinds the diverse-names corpus holds, none from it."""

from __future__ import annotations

from anonymize.detector import PiiDetector

SIGNED = (
    "From: Chance Okonkwo <c.okonkwo@example.com>\n\nThe refund is approved. I approved Chance's refund "
    "today.\n\nKind regards,\u00a0Chance"
)
EVERYDAY = "Quality control will be led by Bold Tsend; Bold trained in Biella. We need bold ideas."
WEEKDAY = "Could Sunday Eze do it? Ah no, Sunday moved to Ibadan. We cannot staff it by Sunday."
RARE = "Kehinde has the gate slips. Kehinde Oyelaran, the dispatcher, not the twin. ask kehinde."
TITLES = (
    "Parent's comment: Thank you Obbo Tolosa. Amai Gumbo has agreed. Mediated by the imam, "
    "Serigne Modou Kane."
)
COUNCIL = "Councillor Kovalenko, you have three minutes.\nCLLR KOVALENKO: Thanks.\nOwner Rustem abi says hi."
PARTICLES = (
    "We work closely with Jordi Puig i Casals. Mill Manager: Kumaravel a/l Muthusamy\n"
    "Owner of the well: Md. Abdul Karim."
)


def persons(detector: PiiDetector, text: str) -> list[str]:
    return [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"]


def test_an_everyday_given_name_at_its_other_mentions(detector: PiiDetector) -> None:
    """The signature after a no-break space, the possessive; "Bold" after a semicolon but not "bold ideas";
    "Sunday moved" but not "by Sunday"."""
    assert persons(detector, SIGNED) == ["Chance Okonkwo", "Chance", "Chance"]
    assert persons(detector, EVERYDAY) == ["Bold Tsend", "Bold"]
    assert persons(detector, WEEKDAY) == ["Sunday Eze", "Sunday"]


def test_a_rare_given_name_before_its_full_name_and_in_lower_case(detector: PiiDetector) -> None:
    assert persons(detector, RARE) == ["Kehinde", "Kehinde Oyelaran", "kehinde"]


def test_titles_of_other_languages_in_any_case_are_no_part_of_the_name(detector: PiiDetector) -> None:
    assert persons(detector, TITLES) == ["Tolosa", "Gumbo", "Modou Kane"]
    assert persons(detector, COUNCIL) == ["Kovalenko", "KOVALENKO", "Rustem"]


def test_particles_of_other_languages_inside_the_name(detector: PiiDetector) -> None:
    expected = ["Jordi Puig i Casals", "Kumaravel a/l Muthusamy", "Md. Abdul Karim"]
    assert persons(detector, PARTICLES) == expected
