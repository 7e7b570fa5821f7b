"""Names in chat exports, lower-case mentions and Irish particles (detector 43, issue 19), through the real
detector and the vault: hand-made texts of the kinds the diverse-names corpus holds."""

from __future__ import annotations

from anonymize.detector import PiiDetector
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault

IRC = (
    "[09:01] <ines.q> morning. is the vendor call moved?\n"
    "[09:02] <bodhi> yes, 14:00. @ines.q can you dial in?\n"
    "[09:03] <ines.q> sure. kwabena and bodhi closed the tickets\n"
)
SLACK = (
    "Release go/no-go\n\nNkechi Adeyemi-Obi  09:30\nready here. wairimu ran the smoke tests\n\n"
    "Wairimu Kamau  09:31\nall green. thanks nkechi\n"
)
SUPPORT = (
    "Agent (Blessing): Hi, you are chatting with Blessing.\nCustomer: my order is late\n"
    "Agent (Blessing): Sorry about that.\nCustomer: thanks blessing, that is a blessing"
)
NOTICE = "ROSTER CHANGE: ÚNA NÍ DHOMHNAILL REPLACES PÁDRAIG Ó SÚILLEABHÁIN ON FRIDAY."


def persons(detector: PiiDetector, text: str) -> list[str]:
    return [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"]


def test_a_chat_logs_handles_and_the_names_listed_with_them(detector: PiiDetector) -> None:
    """Detector 42 left "<ines.q>" (its second part no surname) and its mention "@ines.q" in clear."""
    assert persons(detector, IRC) == ["ines.q", "bodhi", "ines.q", "ines.q", "kwabena", "bodhi"]


def test_speakers_above_their_messages_and_their_lower_case_names(detector: PiiDetector) -> None:
    assert persons(detector, SLACK) == ["Nkechi Adeyemi-Obi", "wairimu", "Wairimu Kamau", "nkechi"]


def test_a_name_that_is_an_english_word(detector: PiiDetector) -> None:
    """ "Blessing" names the agent; "chatting with Blessing" and "thanks blessing" are her, "a blessing" is
    the word."""
    assert persons(detector, SUPPORT) == ["Blessing", "Blessing", "Blessing", "blessing"]


def test_irish_names_in_capitals(detector: PiiDetector) -> None:
    assert persons(detector, NOTICE) == ["ÚNA NÍ DHOMHNAILL", "PÁDRAIG Ó SÚILLEABHÁIN"]


def test_no_name_of_the_chats_is_stored_in_clear(detector: PiiDetector, vault: Vault) -> None:
    """The insider's first try: ingest the chat exports and the notice, read what is stored, look the
    names up in the vault (what erasure finds), and ask about them. Detector 42 stored "ines.q", "Nkechi
    Adeyemi-Obi", "wairimu", "thanks blessing" and "PÁDRAIG Ó SÚILLEABHÁIN" in clear."""
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = [d.text for d in pseudo.run([IRC, SLACK, SUPPORT, NOTICE])]
    for text, names in zip(
        stored,
        [
            ("ines", "kwabena", "bodhi"),
            ("Nkechi", "nkechi", "wairimu", "Wairimu", "Kamau"),
            ("Blessing", "thanks blessing"),
            ("ÚNA", "PÁDRAIG", "SÚILLEABHÁIN", "DHOMHNAILL"),
        ],
        strict=True,
    ):
        for name in names:
            assert name not in text, (name, text)
    assert "that is a blessing" in stored[2], stored[2]
    assert vault.lookup_value("ines.q", "PERSON")
    assert vault.lookup_value("PÁDRAIG Ó SÚILLEABHÁIN", "PERSON")
    for asked in ("Did Wairimu Kamau run the tests with ines.q?", "when is pádraig ó súilleabháin on?"):
        question = pseudo.run([asked], store=False)[0].text
        for name in ("Wairimu", "Kamau", "ines.q", "pádraig", "súilleabháin"):
            assert name not in question, question
