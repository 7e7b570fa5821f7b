"""Names by the slot a person fills in a note, a chat, a notice or minutes (session 15, issue 19), through
the real detector and the vault: hand-made texts of the kinds the diverse-names corpus holds, none from it."""

from __future__ import annotations

from anonymize.detector import PiiDetector
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault

HANDOVER = (
    "The pallet count in chiller 4 is off by two; Losa Taufa recounted at 5am. If the gate is jammed, call "
    "Lombardo. Bill Okafor signs the fuel receipts, not accounts. Bill will reject late ones. Mark the date: "
    "the audit is on 3 June. We thanked Okoro for the spare keys."
)
CHATS = (
    "09:14 <femi> morning. siri is out today so tevita covers the queue\n"
    "09:15 <siri> ok. it's just oisín, he's fine\n"
    "09:16 <tevita> noted\n"
)
TIMED_CHAT = (
    "tevita.c 14:02  who took the refund call?\n"
    "lia.p 14:03  i did, refund is approved\n"
    "tevita.c 14:04  thanks\n"
)
NOTICE = "KEYS GO TO SEOSAMH MAC GIOLLA PHÁDRAIG AND ÁINE NÍ BHROIN BY FRIDAY."
MINUTES = "Present: the board. Minutes: Solveig.\n\n1. Budget agreed. Solveig sends the invite for May."
HONORIFICS = (
    "Liu-san,\n\nthe payslips are ready; Frau Lindemann-Özkan in payroll has them. Ask Pak Budi for the key."
)


def persons(detector: PiiDetector, text: str) -> list[str]:
    return [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"]


def test_the_one_to_call_thank_and_a_name_a_sentence_starts_with(detector: PiiDetector) -> None:
    """ "call Lombardo", "thanked Okoro" (the model's place), and "Bill" before "will" beside "Bill Okafor";
    "Mark the date" is the verb."""
    assert persons(detector, HANDOVER) == ["Losa Taufa", "Lombardo", "Bill Okafor", "Bill", "Okoro"]


def test_lower_case_chats_with_times_before_or_after_the_speaker(detector: PiiDetector) -> None:
    """A time before the handle ("09:14 <femi>") or after it ("lia.p 14:03"), and a pronoun after a name
    ("oisín, he's fine")."""
    assert persons(detector, CHATS) == ["femi", "siri", "tevita", "siri", "oisín", "tevita"]
    assert persons(detector, TIMED_CHAT) == ["tevita.c", "lia.p", "tevita.c"]


def test_gaelic_names_in_capitals_and_a_minute_taker(detector: PiiDetector) -> None:
    """After "Mac" or "Ní" a surname the lexicon does not know ("GIOLLA PHÁDRAIG"); "Minutes:" names its
    taker, who then "sends" the invite."""
    assert persons(detector, NOTICE) == ["SEOSAMH MAC GIOLLA PHÁDRAIG", "ÁINE NÍ BHROIN"]
    assert persons(detector, MINUTES) == ["Solveig", "Solveig"]


def test_honorifics_of_other_languages(detector: PiiDetector) -> None:
    """A title of another language before the name, or an honorific joined after it, is no part of it."""
    assert persons(detector, HONORIFICS) == ["Liu", "Lindemann-Özkan", "Budi"]


def test_no_such_name_is_stored_in_clear_and_questions_are_pseudonymized(
    detector: PiiDetector, vault: Vault
) -> None:
    """The insider's first try: store the texts, read them back, look the names up in the vault (what
    erasure finds) and type the names into a question. Detector 43 stored "Lombardo", "Okoro", the second
    "Bill", the chats' "siri", "oisín" and "tevita.c", "PHÁDRAIG" and "Solveig" in clear."""
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = [d.text for d in pseudo.run([HANDOVER, CHATS, TIMED_CHAT, NOTICE, MINUTES, HONORIFICS])]
    for text, names in zip(
        stored,
        [
            ("Lombardo", "Okoro", "Bill"),
            ("siri", "oisín", "tevita", "femi"),
            ("tevita", "lia.p"),
            ("SEOSAMH", "PHÁDRAIG", "ÁINE", "BHROIN"),
            ("Solveig",),
            ("Liu", "Lindemann", "Özkan", "Budi"),
        ],
        strict=True,
    ):
        for name in names:
            assert name not in text, (name, text)
    assert "Mark the date" in stored[0]
    assert vault.lookup_value("Lombardo", "PERSON")
    assert vault.lookup_value("SEOSAMH MAC GIOLLA PHÁDRAIG", "PERSON")
    asked_questions = (
        "Did Lombardo fix the gate for Okoro?",
        "When does Solveig send the invite?",
        "Has Frau Lindemann-Özkan sent the payslips?",
    )
    for asked in asked_questions:
        question = pseudo.run([asked], store=False)[0].text
        for name in ("Lombardo", "Okoro", "Solveig", "Lindemann-Özkan"):
            assert name not in question, question
