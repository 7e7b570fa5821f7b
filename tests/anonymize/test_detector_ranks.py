"""Names after a rank's abbreviation in incident logs and duty rosters."""

from __future__ import annotations

from anonymize.detector import PiiDetector


def test_a_name_after_a_rank_abbreviation(detector: PiiDetector) -> None:
    """An incident log signs with ranks ("Sgt.", "Insp", "Cpl."): the whole name after one is a person, even
    when a word of it is an English word ("Fall"); the rank stays readable."""
    log = (
        "Duty officer: Lt. Aminata Ndiaye   Compiled by: Sgt. Mamadou Lamine Fall\n"
        "06:40  Theft of a moped reported; Insp Wanjiru Kamau informed, Cpl. Bongani Dlamini-Sithole there."
    )
    found = {log[r.start : r.end] for r in detector.analyze([log])[0] if r.entity_type == "PERSON"}
    expected = {"Aminata Ndiaye", "Mamadou Lamine Fall", "Wanjiru Kamau", "Bongani Dlamini-Sithole"}
    assert expected <= found, found
