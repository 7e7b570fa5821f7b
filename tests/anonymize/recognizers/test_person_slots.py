"""Slots of a person in business notes and messages (``anonymize.recognizers.person_slots``): hand-made
sentences, none from the evaluation corpora."""

from __future__ import annotations

import pytest

from anonymize.name_lexicon import NameLexicon
from anonymize.recognizers.person_slots import person_slot, rare_name, sender_slot, unknown_name_word


def _slot(text: str, name: str) -> bool:
    start = text.index(name)
    return person_slot(text, start, start + len(name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ask Lorenza from catering about the urn.", "Lorenza"),  # a team after
        ("Claims go through Aster in HR.", "Aster"),
        ("Book via Kaisu, HR, by Friday", "Kaisu"),
        ("(Liliya, support): please update the app", "Liliya"),
        ("Seats: Dariush (intern), Navid", "Dariush"),  # a role in brackets after
        ("waiting on DBA (Bartek) for the dump", "Bartek"),  # a role, then the name in brackets
        ("footage saved by security (Volkan).", "Volkan"),
        ("Ana's daughter Ilinca wants to visit.", "Ilinca"),  # kin before
        ("Outgoing: HCA Teuila, RN Mikaere", "Teuila"),  # a care role in capitals
        ("Circuit steward: Losaline Vea", "Losaline"),  # a label ending in a role
        ("That the cashier, Bolanle, was there.", "Bolanle"),  # an appositive after a role
        ("From Sefo to Lagi:\n- chiller 2", "Sefo"),  # a note's sender and addressee
        ("From Sefo to Lagi:\n- chiller 2", "Lagi"),
        ("the key is with Sefo.\nCheers, Ioane", "Ioane"),  # a sign-off
        ("I will visit you soon. Adaeze\n\nNext letter", "Adaeze"),  # a sign-off ending its paragraph
        ('a young man called "Malick" by the stall holders', "Malick"),  # naming
        ("Bukola taught me everything about spreadsheets", "Bukola"),
        ("Idowu and his brother are on leave", "Idowu"),
        ("Bed 3 - Hohepa Tāwhiri, 81. Falls risk", "Hohepa Tāwhiri"),  # an age after
        ("returned to mother\n       Awa Ndiaye at 10:02.", "Awa Ndiaye"),  # kin across a wrapped line
        ("Group admin is Waberi.", "Waberi"),  # a role, then "is"
        ("Head of sourcing Enkhjargal added", "Enkhjargal"),
        ("Greetings to Uwase, and the team", "Uwase"),
        ("Greetings to Uwase, Kalisa and the team", "Kalisa"),
        ("IT on call: or Tavita on 07700 900 582", "Tavita"),  # a phone number after
        ("relied upon: Eze v. Okonkwo (1989) 1 NWLR", "Eze"),  # the parties of a case
        ("relied upon: Eze v. Okonkwo (1989) 1 NWLR", "Okonkwo"),
        ("Kiss Bence; Nagy-Tóth Zsófia, her manager at OTP", "Nagy-Tóth Zsófia"),  # what the name is to her
        ("On Fridays it is Breindel, Mendel's wife, who helps.", "Breindel"),  # to another person named
        ("Ask Kojo, Abena's younger brother, about the keys.", "Kojo"),
        ("The keys went to Tavita, Losa's husband, on Monday.", "Tavita"),
        ("Mendel's wife, Breindel, keeps the books.", "Breindel"),  # the same, before the name
        ("Aline thanks her mother, Mama Nyirasafari, and her brother.", "Nyirasafari"),  # and a title
        ("His uncle, Mjomba Hamisi, drove them to Moshi.", "Hamisi"),
        ("| Sione (surname TBC, agency) | Lasher | Days |", "Sione"),  # a note on the name in brackets
        ("Cover on nights: Themba (no surname given) until Friday.", "Themba"),
        ("Aroha (née Walker) joined the board in May.", "Aroha"),
        ("Thandeka (first name only) starts on Monday as a temp.", "Thandeka"),
        ("Gulnora (maiden name Rashidova) signed twice.", "Gulnora"),
    ],
)
def test_slots(text: str, name: str) -> None:
    assert _slot(text, name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("2010–2016 Delivery driver, Beograd", "Beograd"),  # a CV's job and town: no determiner
        ("Interpreter (Gujarati) booked 09:00", "Gujarati"),  # a language after an interpreter
        ("Lorenza in it for the long run", "Lorenza"),  # "it" is a pronoun, not IT
        ("The Notch pathway in mice", "Notch"),
        ("Notch has the largest effect", "Notch"),
        ("Notch cannot bind the ligand", "Notch"),
        ("Mutant cells were grown in Dulbecco medium.", "Dulbecco"),
        ("the daughter cells of Xenopus embryos", "Xenopus"),
        ("Cheers, Team Alpha", "Team"),  # the closing's line goes on
        ("the reaction ran on 12 May 2024", "May"),  # a date, no phone number
        ("Manchester City v Charlton", "Charlton"),  # a fixture, no case
        ("Cells were fixed on day 12, 24 and 36", "Cells"),
        ("Lagos, Nigeria's largest city, was the venue.", "Lagos"),  # no kin, no role after the possessive
        ("Ajax, Amsterdam's club, won again.", "Ajax"),
        ("Cork (no parking on Sundays) is the nearest town.", "Cork"),  # a note on no name
        ("Python (aka the snake language) is used for the scripts.", "Python"),  # an alias is no name's note
        ("The Tamar (surface 12 km2) drains the moor.", "Tamar"),
    ],
)
def test_no_slot(text: str, name: str) -> None:
    assert not _slot(text, name)


def test_sender_slot_needs_the_line_start_and_the_colon() -> None:
    text = "From Sefo to Lagi:\n- chiller 2"
    assert sender_slot(text, text.index("Lagi"), text.index("Lagi") + 4)
    later = "Samples from Sefo to Lagi: 3"
    assert not sender_slot(later, later.index("Lagi"), later.index("Lagi") + 4)


@pytest.mark.parametrize(
    "text",
    ["Note from Tuilagi: the van is booked.", "(message from Tuilagi : call back)", "NOTES FROM Tuilagi:"],
)
def test_a_notes_author_before_its_text(text: str) -> None:
    """The author of a note anywhere in a line, its text after the colon (session 26)."""
    assert sender_slot(text, text.index("Tuilagi"), text.index("Tuilagi") + 7)


def test_no_notes_author_without_the_colon() -> None:
    text = "A note from Tuilagi arrived. Samples from Tuilagi: 3"
    assert not sender_slot(text, text.index("Tuilagi"), text.index("Tuilagi") + 7)


def test_unknown_name_words() -> None:
    assert unknown_name_word("Ngāhuia") and unknown_name_word("Oyuntsetseg") and unknown_name_word("Kealoha")
    assert not unknown_name_word("Parkinson")  # English knows it
    assert not unknown_name_word("Shrs")  # an abbreviation: no vowel
    assert not unknown_name_word("IL-6") and not unknown_name_word("Ab") and not unknown_name_word("mTOR")


def test_middle_dots_separate_a_lists_items() -> None:
    """A donors' list with middle dots is a list of three or more items, as with commas."""
    from anonymize.recognizers.name_structure import in_table

    text = "Friends\n  Widlyne · Fritznel Belizaire · Mackenson Dorval\n"
    spans = [
        (text.index(n), text.index(n) + len(n)) for n in ("Widlyne", "Fritznel Belizaire", "Mackenson Dorval")
    ]
    assert in_table(text, *spans[0], (spans, 0))
    assert not in_table("Col·lell and Puig", 0, 3, ([(0, 3)], 0))


def _named_slot(text: str, name: str, lexicon: NameLexicon) -> bool:
    start = text.index(name)
    return person_slot(text, start, start + len(name), lexicon)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Reply (support desk): Dilfuza, sorry — the parcel left today.", "Dilfuza"),  # addressed
        ("Thanks all. Chidera, could you send the slides?", "Chidera"),
        ("Folake, thanks for covering the gate.", "Folake"),
        ("- Bartosz, please sign the form", "Bartosz"),
        ("Jennifer, you were right.", "Jennifer"),  # an English speaker's given name
        ("Go-live moved to May. Proposed Kowalczyk, agreed by all.", "Kowalczyk"),  # a motion's proposer
        ("Seconded: Abioye", "Abioye"),
        ("Then Chidera or Blessing.", "Chidera"),  # two given names joined (``name_pairs``)
    ],
)
def test_slots_with_the_lexicon(text: str, name: str, lexicon: NameLexicon) -> None:
    assert _named_slot(text, name, lexicon)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Amen, please stand.", "Amen"),  # a word English uses, no English speaker's given name
        ("Also, please send it.", "Also"),
        ("Paris, you are lovely.", "Paris"),
        ("We met Dilfuza, sorry to say.", "Dilfuza"),  # inside a sentence: no one addressed
        ("Proposed mechanism: Akt binds Raf", "Akt"),
        ("Note, please read the manual.", "Note"),
        ("Oyelaran, thanks for covering the gate.", "Oyelaran"),  # a surname: "Smith, please" is a list
    ],
)
def test_no_slot_with_the_lexicon(text: str, name: str, lexicon: NameLexicon) -> None:
    assert not _named_slot(text, name, lexicon)


def test_a_word_english_does_not_know_is_a_rare_name(lexicon: NameLexicon) -> None:
    """Its lower-case mentions are the name typed in lower case, no common noun ("oyuntsetseg e.")."""
    assert rare_name("Oyuntsetseg", lexicon) and rare_name("Babak", lexicon)
    assert not rare_name("Tumor", lexicon) and not rare_name("Memory", lexicon)
