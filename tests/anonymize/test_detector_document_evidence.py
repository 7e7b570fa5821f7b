"""What the rest of a document says about a word (issue 19, detector 30 on): a party's short name in a
contract is the company the contract names before its legal form, not a person, while the people who sign for
it are found. The real spaCy model and name lexicon; the names here are in none of the evaluation corpora."""

from __future__ import annotations

import re

from anonymize.detector import PiiDetector
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault


def test_a_partys_short_name_is_no_person_end_to_end(detector: PiiDetector, vault: Vault) -> None:
    """Detector 30: "Linnea Robotics GmbH ("Linnea")" makes "Linnea" the company in all its mentions (it is
    a given name too, and detector 29 stored it as a person three times); the people named for it are
    stored pseudonymized, erasure finds them, a question naming one is pseudonymized."""
    nda = (
        "MUTUAL NON-DISCLOSURE AGREEMENT\n\n"
        'Parties: Linnea Robotics GmbH, Hafenstraße 12, 20457 Hamburg ("Linnea"), and Margarethe '
        "Solvang-Eide of Bergen.\n\nAnnex A — authorised persons\n"
        "Linnea: Torleif Hagebakken (CEO), Ida Marstrander (CTO)\nSigned for Linnea: T. Hagebakken"
    )
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = pseudo.run([nda])[0].text
    for name in ("Hagebakken", "Marstrander", "Solvang-Eide"):
        assert name not in stored, stored
    assert re.search(r"\nLinnea: ", stored) and "Signed for Linnea:" in stored, stored
    assert not vault.lookup_value("Linnea", "PERSON")  # the company's short name is no person's
    for name in ("Torleif Hagebakken", "Ida Marstrander", "Margarethe Solvang-Eide"):
        assert vault.lookup_value(name, "PERSON"), name  # what `privrag erase --value` finds
    question = pseudo.run(["Did Torleif Hagebakken sign the NDA?"], store=False)[0].text
    assert "Hagebakken" not in question, question


def test_initials_of_a_named_member_are_pseudonymized_end_to_end(detector: PiiDetector, vault: Vault) -> None:
    """Session 18: minutes name their members in full, then write the actions by initials; the initials
    identify the member to anyone who reads the minutes, so they are replaced too."""
    minutes = (
        "Steering group, minutes\nPresent: Ingeborg Hatlestad (chair), Jens Petter Kvamsdal, Oddny Rørvik\n\n"
        "Actions\n- IH: ask legal about the standby clause — by 12 Feb\n- JPK: split the budget for Oddny\n"
    )
    stored = Pseudonymizer(detector, vault, ["PERSON"]).run([minutes])[0].text
    for initials in ("IH:", "JPK:"):
        assert f"- {initials}" not in stored, stored
    assert "Actions" in stored and "standby clause" in stored, stored


def test_defined_aliases_take_the_persons_surrogate_end_to_end(detector: PiiDetector, vault: Vault) -> None:
    """Session 23: initials defined beside a name ("Ingrid Tanaka-Lowe (IT-L)", "Mikkel Rauhala (MR)") and
    a former name stand for the person wherever the minutes use them, with the person's surrogate; a common
    abbreviation defined as initials ("Ivo Tamm (IT)") is his only in a person's slot, not "the IT desk"."""
    minutes = (
        "Present: Ingrid Tanaka-Lowe (chair, IT-L), Mikkel Rauhala (MR), Ivo Tamm (IT), "
        "Sunniva Oftedal-Brekke (formerly Oftedal)\n\nActions\n- IT-L: book the hall\n"
        "- MR + IT: close the old tickets; MR's list first\n- IT: ask the IT desk about laptops\n"
        "Signed: I.T.-L. / MR"
    )
    stored = Pseudonymizer(detector, vault, ["PERSON"]).run([minutes])[0].text
    ingrid = vault.find("PERSON", "Ingrid Tanaka-Lowe")
    mikkel = vault.find("PERSON", "Mikkel Rauhala")
    ivo = vault.find("PERSON", "Ivo Tamm")
    assert ingrid and mikkel and ivo, stored
    assert f"- {ingrid}: book the hall" in stored, stored
    assert f"- {mikkel} + {ivo}: close" in stored and f"{mikkel}'s list" in stored, stored
    assert f"- {ivo}: ask the IT desk" in stored, stored
    assert f"Signed: {ingrid} / {mikkel}" in stored, stored
    assert "Oftedal" not in stored and "MR" not in stored, stored
    for alias in ("IT-L", "MR", "IT", "I.T.-L."):
        assert not vault.lookup_value(alias, "PERSON")  # no surrogate of its own: the person's


def test_author_initials_in_a_papers_contributions_end_to_end(detector: PiiDetector, vault: Vault) -> None:
    """Session 23: an author list with affiliation marks glued to the names ("Wiremu Tautahi¹*"), then the
    contributions by initials ("W.T. and S.O.-B. designed the study"): names and initials are replaced, the
    initials with their author's surrogate, and the marks stay where they were."""
    paper = (
        "Sleep and altitude in herders\n\n"
        "Wiremu Tautahi¹*, Sunniva Oftedal-Brekke², Joaquín Ferreyra Lunde¹\n\n"
        "¹ Institute of Mountain Medicine  ² Nordland Hospital\n\n"
        "Author contributions: W.T. and S.O.-B. designed the study; J.F.L. did the statistics."
    )
    stored = Pseudonymizer(detector, vault, ["PERSON"]).run([paper])[0].text
    wiremu = vault.find("PERSON", "Wiremu Tautahi")
    sunniva = vault.find("PERSON", "Sunniva Oftedal-Brekke")
    assert wiremu and sunniva, stored
    assert f"{wiremu}¹*, {sunniva}²" in stored, stored
    assert f"contributions: {wiremu} and {sunniva} designed" in stored, stored
    joaquin = vault.find("PERSON", "Joaquín Ferreyra Lunde")
    assert f"; {joaquin} did the statistics" in stored, stored  # initials name_initials finds, linked too
