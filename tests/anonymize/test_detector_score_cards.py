"""A club's cricket score card and team sheet, and the things named after people that are no people, through
the real detector and the vault (issue 19, session 17). The names here are in none of the evaluation
corpora."""

from __future__ import annotations

import re

from anonymize.detector import PiiDetector
from anonymize.pseudonymizer import Pseudonymizer
from anonymize.vault import Vault
from app.settings import DEFAULT_PSEUDONYMIZED

SCORE_CARD = (
    "Harbour CC 1st XI v Millbrook, Saturday\n"
    "Harbour CC innings\n"
    "J. Pemberton c Wickramanayake b Oyelowo-Ferris 23\n"
    "T. Ashdown lbw b Nkwenti 4\n"
    "K. Ranasinghe c Ashdown b Thilakaratne 41\n"
    "Bowling : Thilakaratne 7-1-22-3 , Nkwenti 6-0-31-1\n"
)
TEAM_SHEET = "Sunday : 15 - Walter Little , 14 - Grace Oduya , 13 - Tobias Hirvonen , 12 - Ilse Brand"


def test_a_score_card_stores_every_player_as_a_person(detector: PiiDetector, vault: Vault) -> None:
    """The insider's first try: fielders and bowlers with surnames English does not know stood in clear (one
    word, no lexicon name, no NER person). Now the score card's slots say person: none is in clear, erasure
    finds each, and "Walter Little" on a team sheet (two English words) is a name there too."""
    pseudo = Pseudonymizer(detector, vault, DEFAULT_PSEUDONYMIZED)
    stored = "\n".join(s.text for s in pseudo.run([SCORE_CARD, TEAM_SHEET]))
    words = set(re.findall(r"[\w-]+", stored))
    for name in ("Wickramanayake", "Thilakaratne", "Nkwenti", "Oyelowo-Ferris", "Little", "Hirvonen"):
        assert name not in words, stored
    for value in ("Wickramanayake", "Thilakaratne", "Nkwenti", "Walter Little"):
        assert vault.lookup_value(value, "PERSON"), value  # what `privrag erase --value` finds
    assert "Harbour CC" in stored and "Bowling" in stored


def test_things_named_after_people_and_symbols_of_a_series_stay_readable(detector: PiiDetector) -> None:
    """What the answer path suffered from: a building, a translation of the Bible and a committee named
    after a person or a word, a place's team, and a gene family's symbols were pseudonymized, and their
    words with them everywhere in the text ("Los Angeles"). A person's name beside them still is."""
    text = (
        "The Mitchell Tower is modeled after the Magdalen Tower. The Luther Bible was a precursor of the "
        "King James Bible. The Private Bill Committees consider the tram. The NFL has the San Diego "
        "Chargers.\n"
        "There are five types of Apo: Apoa, Apob, Apoc, Apod, and Apoe. No correlation with Bak, Bax, Bid.\n"
        "The tower was designed by Henrike Osterhaus, who lived in Clovis."
    )
    persons = {text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"}
    assert "Henrike Osterhaus" in persons
    # A surname that is a thing's noun, with no determiner before it, stays a person.
    memo = "Ask Kate Tower, the new HR lead, about the move; John Palace signs for facilities."
    memo_persons = {memo[r.start : r.end] for r in detector.analyze([memo])[0] if r.entity_type == "PERSON"}
    assert {"Kate Tower", "John Palace"} <= memo_persons, memo_persons
    # ("the King James Bible": the model's span starts after a capitalized
    # word, no determiner right before it, and stays a person's reading: the price of "the CEO Kate Tower".)
    for thing in ("Mitchell Tower", "Magdalen Tower", "Bill Committees", "Diego Chargers"):
        assert thing not in persons, persons
    assert not persons & {"Apoa", "Apob", "Apoc", "Apod", "Apoe", "Bak", "Bax"}, persons
