"""Names in capitals and after honorifics of many languages (issue 19, session 19), through the real
detector and the vault; the names here are in none of the evaluation corpora."""

from __future__ import annotations

from anonymize.detector import PiiDetector
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault

INVOICE = (
    "KARADENİZ İPLİK SANAYİ VE TİCARET A.Ş.\n"
    "Attn: Mr Volkan Erdoğan, Purchasing\n"
    "Prepared by: Sevgi Akbulut-Yılmaz"
)
BOOKING = (
    "Travellers\n"
    "1. WATANABE/TAKUMI MR   – Plant Manager\n"
    "2. OGAWA/YUI MS         – Buyer\n"
    "Hotel booked through Ishikawa-san; the driver meets Tan Sri Zulkifli Rahman at the DENPASAR DEPOT."
)
MEMO = "Org chart: CHOI Hyun-woo (Head), deputy NOMVULA DLAMINI-KHUMALO; Dato' Faridah Yeoh signs."


def test_capitals_and_honorifics_are_stored_pseudonymized(detector: PiiDetector, vault: Vault) -> None:
    """The insider's first tries: a Turkish heading in capitals shifted every span after it (detector 47
    pseudonymized "e Erdoğan, P" and left the names beside it in clear), a booking's "SURNAME/GIVEN MR", a
    name joined to "-san", a name after "Tan Sri" or "Dato'", and names in capitals inside ordinary lines.
    Every name leaves the stored text; the depot's town is no person; erasure finds the values."""
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = [s.text for s in pseudo.run([INVOICE, BOOKING, MEMO])]
    text = "\n".join(stored)
    for name in (
        "Volkan", "Erdoğan", "Sevgi", "Akbulut", "WATANABE", "TAKUMI", "OGAWA", "Ishikawa", "Zulkifli",
        "Rahman", "CHOI", "Hyun-woo", "NOMVULA", "DLAMINI", "Faridah", "Yeoh",
    ):  # fmt: skip
        assert name not in text, text
    for words in ("Attn: Mr ", "Purchasing", "Plant Manager", "DENPASAR DEPOT", "Tan Sri ", "Dato' "):
        assert words in text, text
    assert vault.lookup_value("Zulkifli Rahman", "PERSON")
    assert vault.lookup_value("WATANABE/TAKUMI", "PERSON")
