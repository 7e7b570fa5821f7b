"""Names of a team sheet the model reads as places, a famous surname after a role title, and a chat's
handles (detector 40, issue 19), through the real detector and the vault; the names here are in none of
the evaluation corpora."""

from __future__ import annotations

from anonymize.detector import PiiDetector
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault

SHEET = (
    "Five-a-side rota, Saturday\n"
    "The team is : Ashdown , Oduya , Brankovic , Harwood , Lindqvist , Townshend .\n"
    "Kit from Harwood . Our patron , Cardinal Richelieu , sends his regards ;"
    " Richelieu will attend the final ."
)
CHAT = (
    "<tomas.hendry> morning. build is red again\n"
    "<anneli> tomas which tickets?\n"
    "<tomas.hendry> the ones marek closed since tuesday"
)


def test_a_team_sheet_and_a_chat_are_stored_pseudonymized(detector: PiiDetector, vault: Vault) -> None:
    """The insider's first try: detector 39 left "Brankovic" and "Harwood" of the team sheet (the model read
    a place), "Richelieu" (an ordinary word to wordfreq) and the whole chat handle "tomas.hendry" (read as an
    identifier once truecased) in clear. Every name leaves the stored text, erasure finds the values, and a
    question naming them is pseudonymized."""
    pseudo = Pseudonymizer(detector, vault, ["PERSON"])
    stored = pseudo.run([SHEET, CHAT])
    sheet, chat = stored[0].text, stored[1].text
    for name in ("Ashdown", "Oduya", "Brankovic", "Harwood", "Lindqvist", "Townshend", "Richelieu"):
        assert name not in sheet, sheet
    for name in ("tomas", "hendry"):
        assert name not in chat.casefold(), chat
    for words in ("The team is :", "sends his regards", "build is red again", "which tickets?"):
        assert words in sheet + chat, (sheet, chat)
    assert vault.lookup_value("Harwood", "PERSON")  # what `privrag erase --value` finds
    assert vault.lookup_value("Richelieu", "PERSON")
    question = pseudo.run(["Did Harwood and Brankovic play with Richelieu?"], store=False)[0].text
    assert not {"Harwood", "Brankovic", "Richelieu"} & set(question.replace("?", " ").split()), question
