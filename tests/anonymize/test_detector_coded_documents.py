"""Business documents full of codes and ids (issue 19, session 23): coded, yet no technical text, so their
one-word names are found; the coded document's filter drops only a word known to be no name. The real spaCy
model and name lexicon; the names here are in none of the evaluation corpora."""

from __future__ import annotations

import re

from anonymize.detector import PiiDetector
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.text_kinds import coded_text, technical_text
from anonymize.vault import Vault

TICKET = (
    "INC-2026-04417 | P2 | SR-88120, CHG-3391 | SLA 4h\n"
    "Cause: the SFTP job EXP-22 on host BKP-07 failed after the TLS rotation (KB-1043).\n"
    "Update 10:40 CET: Wijesekera restarted EXP-22 and the rerun was fine at 11:02. WIJESEKERA's note is in "
    "KB-1043. Gunawardhana owns CHG-3391 now; ask\u00a0Gunawardhana about the VPN-GW-04 logs before the CAB "
    "on Thursday.\n"
)
PAYROLL = (
    "PAYROLL EXPORT PR-2026-11 (cost centre CC-410, run 2 of 2)\n\n"
    "EMP_ID   SURNAME        GIVEN      GRADE  NET_EUR\n"
    "E-10442  WIJESEKERA     Dilani     G7     3,118.40\n"
    "E-10457  Gunawardhana   Ruwan      G5     2,640.00\n"
    "E-10461  KOWALCZYK      Agnieszka  G6     2,905.75\n"
    "E-10479  Tshabalala     Sipho      G5     2,611.10\n\n"
    "Notes: Dilani's overtime (OT-88) is paid in PR-2026-12. Ruwan moves to CC-415 from 1 Dec. "
    "Sipho asked for the P60 by e-mail; Kowalczyk's bank changed (IBAN on file).\n"
)


def test_a_rare_surname_alone_in_a_coded_ticket_stays_a_person(detector: PiiDetector, vault: Vault) -> None:
    """The insider's first try at the coded document's filter: surnames in no name list, alone, in a ticket
    full of codes, in capitals with a possessive, after a no-break space. The filter drops only a word known
    to be no name, so none is in clear (detector 51 read the ticket as technical text and kept all three in
    clear; session 22's filter dropped them as words missing from the lexicon); the codes stay."""
    assert coded_text(TICKET) and not technical_text(TICKET)
    stored = Pseudonymizer(detector, vault, ["PERSON"]).run([TICKET])[0].text
    for name in ("Wijesekera", "WIJESEKERA", "Gunawardhana"):
        assert name not in stored, stored
    assert re.search(r"<PERSON_\d+>'s note", stored), stored
    for code in (
        "INC-2026-04417",
        "SR-88120",
        "CHG-3391",
        "EXP-22",
        "BKP-07",
        "KB-1043",
        "VPN-GW-04",
        "SFTP",
    ):
        assert code in stored, stored
    for name in ("Wijesekera", "Gunawardhana"):
        assert vault.lookup_value(name, "PERSON"), name  # what `privrag erase --value` finds


def test_names_in_the_table_and_notes_of_a_coded_export(detector: PiiDetector, vault: Vault) -> None:
    """An export with employee ids, grades and cost centres: the names in its cells, in any case, and their
    one-word mentions in the notes below (possessive too) are pseudonymized; the ids and codes stay."""
    assert coded_text(PAYROLL) and not technical_text(PAYROLL)
    stored = Pseudonymizer(detector, vault, ["PERSON"]).run([PAYROLL])[0].text
    words = set(re.findall(r"[\w-]+", stored))
    for name in ("WIJESEKERA", "Dilani", "Gunawardhana", "Ruwan", "KOWALCZYK", "Kowalczyk", "Agnieszka"):
        assert name not in words, stored
    assert "Tshabalala" not in words and "Sipho" not in words, stored
    for code in ("E-10442", "E-10479", "CC-410", "CC-415", "OT-88", "PR-2026-12", "G7", "3,118.40"):
        assert code in stored, stored
    assert re.search(r"<PERSON_\d+>'s overtime", stored) and re.search(r"<PERSON_\d+>'s bank", stored), stored
