"""What people do and what is done to them (``anonymize.recognizers.person_acts``): hand-made sentences of
several document kinds and origins, none from the evaluation corpora."""

from __future__ import annotations

import pytest

from anonymize.recognizers.person_acts import person_act
from anonymize.recognizers.person_slots import person_slot


def _act(text: str, name: str) -> bool:
    start = text.index(name)
    return person_act(text, start, start + len(name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Please cc Tavita on the reply.", "Tavita"),  # done to a person
        ("Paid Oyelaran 2,000 for the catering; loop in Ngaio", "Ngaio"),
        ("Can you let Chidinma know the van is booked?", "Chidinma"),
        ("escalated to Bolormaa on Friday", "Bolormaa"),
        ("If the scanner jams, check with Mbali at the front desk.", "Mbali"),
        ("Invoice attn. Pimchanok, accounts payable", "Pimchanok"),
        ("Signed on behalf of Nkechi by her attorney", "Nkechi"),
        ("Hand the keys to Oyelaran before you leave.", "Oyelaran"),  # a thing handed or left
        ("I told him to leave it for Teina.", "Teina"),
        ("The petty cash tin is with Ruslan this week.", "Ruslan"),
        ("The report goes out Monday; Dembélé will send it.", "Dembélé"),  # after a modal
        ("Wanjiru can't come on Thursday.", "Wanjiru"),
        ("Bongani won't approve the overtime.", "Bongani"),
        ("Szymon is off sick today.", "Szymon"),  # where a person is
        ("Fetu's on nights this week", "Fetu"),
        ("Rahim approved it on Monday.", "Rahim"),  # what a person did
        ("Aroha texted at 9.", "Aroha"),
        ("Iñaki mentioned the boiler again.", "Iñaki"),  # what a person said or did in a report
        ("please make sure Väinö has the scaffolding certificates", "Väinö"),  # what a message makes sure of
        ("Ensure that Kahurangi signs the form.", "Kahurangi"),
        ("Please remind Oghenekaro to bring the keys.", "Oghenekaro"),  # asking or telling someone to
        ("Can you tell Ngaire that the van is late?", "Ngaire"),
        ("I asked Dilnoza whether the pallets came in.", "Dilnoza"),
        ("Then Nodira noticed the pallets were short.", "Nodira"),
        ("Wairimu laughed and signed the rota.", "Wairimu"),
        ("Ikaika nodded and left.", "Ikaika"),
        ("Kirra's desk is by the window.", "Kirra"),  # a person's things
        ("Send Oluwadamilare's payslip to the branch.", "Oluwadamilare"),
        ("Bunmi, the new cashier, starts Monday.", "Bunmi"),  # a role appositive
        ("Ruth, a cleaner on nights, found it.", "Ruth"),
        ("BCC: Yerlan", "Yerlan"),  # other case, other spacing
        ("please CC\tYerlan", "Yerlan"),
        ("Kofi\u2019s laptop is in the store room", "Kofi"),  # a curly apostrophe
        ("Obiageli is covering reception till 3.", "Obiageli"),  # what a person is doing
        ("Visitor signed in, escorted by Ilse.", "Ilse"),
        ("We owe Bertrand for the taxi.", "Bertrand"),
        ("Handover typed up by Kahurangi at 0600.", "Kahurangi"),
        ("Interview panel: Ngaire, Talgat and me.", "Ngaire"),  # named with the writer
        ("Interview panel: Ngaire, Talgat and me.", "Talgat"),
        ("Lunch with me and Talgat on Friday", "Talgat"),
        ("Tui and I will do the stocktake", "Tui"),
        ("Atentamente,\nXimena", "Ximena"),  # a closing in another language
        ("Vielen Dank. Grüße, Dörte", "Dörte"),
        ("Ngā mihi,\n  Hēmi\n", "Hēmi"),
        ("MIT FREUNDLICHEN GRÜSSEN\nDörte", "Dörte"),
    ],
)
def test_acts(text: str, name: str) -> None:
    assert _act(text, name)
    start = text.index(name)
    assert person_slot(text, start, start + len(name))  # the evidence recognizer reads it


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The container was sent to Mombasa on Friday.", "Mombasa"),  # a place takes "sent to", "moved to"
        ("She moved to Suva in March.", "Suva"),
        ("Lyon will face Marseille on Sunday.", "Lyon"),  # clubs: no "face", "sign", "play"
        ("Arsenal will sign the striker.", "Arsenal"),
        ("Chelsea's manager said the team is ready.", "Chelsea"),  # clubs have managers and teams
        ("The expression of Notch is off in these cells", "Notch"),  # "is off" needs a time or "sick"
        ("Wnt will bind the receptor", "Wnt"),
        ("Ford is driving growth; Lyon is hosting the final.", "Ford"),
        ("Ford is driving growth; Lyon is hosting the final.", "Lyon"),
        ("This is really positive news for Tessaro , and I expect more", "Tessaro"),  # a new clause
        ("Saludos a Itziar y a Begoña.", "Itziar"),  # a greeting sent, no closing: the line goes on
        ("We visited Kisumu twice.", "Kisumu"),
        ("Let Monday be the deadline.", "Monday"),  # "let" needs "know" or "see" after
        ("The Notch signal stopped at day 3.", "Notch"),  # a word between: no subject of the verb
        ("Ford told investors the plant would close.", "Ford"),  # firms and countries tell and promise
        ("France promised more aid.", "France"),
        ("Smith told Reuters the deal was off.", "Reuters"),  # no clause after the one told
        ("We asked Microsoft for a refund.", "Microsoft"),
        ("Ensure that Notch is expressed in the cells.", "Notch"),  # no person's verb after
        ("Make sure Bluetooth works before the demo.", "Bluetooth"),
        ("Toyota stopped production in May.", "Toyota"),
    ],
)
def test_no_acts(text: str, name: str) -> None:
    assert not _act(text, name)
