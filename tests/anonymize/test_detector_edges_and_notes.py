"""Where a name starts and ends, and one-word names by the words around them (session 27, h27c), through
the real detector: hand-made texts (depositions, memos, rosters, chats, handovers; names of many origins),
none from the evaluation corpora, and texts that must stay clear."""

from __future__ import annotations

import pytest

from anonymize.detector import PiiDetector


def persons(detector: PiiDetector, text: str) -> list[str]:
    return [text[r.start : r.end] for r in detector.analyze([text])[0] if r.entity_type == "PERSON"]


def test_a_depositions_answer_marks_are_no_initials(detector: PiiDetector) -> None:
    text = (
        "  Q. How do you know the claimant?\n"
        "  A. Oluwaseun is my cousin's husband. We grew up in Ibadan.\n"
        "  Q. And Mr. Etxeberria?\n"
        "  A. Reb Mendel? No. I mean Iñaki Etxeberria, the foreman.\n"
    )
    found = persons(detector, text)
    assert "Oluwaseun" in found and "Mendel" in found and "Iñaki Etxeberria" in found
    assert not any(name.startswith(("A.", "Q.")) for name in found)


def test_a_signatures_initial_stays_without_a_transcript(detector: PiiDetector) -> None:
    assert persons(detector, "Signed: A. Okafor, Treasurer\nWitness: B. Rahmonov") == [
        "A. Okafor",
        "B. Rahmonov",
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Her husband, Togbe Kwame Agbeko, visited at noon.", "Kwame Agbeko"),  # an Ewe chief's title
        ("Bu Ratna informed the owner this morning.", "Ratna"),  # Indonesian "Mrs"
        ("(Interpreter Goldfarb confirms the reading of the signature.)", "Goldfarb"),  # a role
        ("Yesterday Oyelaran said the invoice was wrong.", "Oyelaran"),  # a sentence adverb
        ("Sorry Ngaio, the room is booked.", "Ngaio"),  # an interjection
    ],
)
def test_words_before_a_name_that_are_no_part_of_it(detector: PiiDetector, text: str, name: str) -> None:
    assert persons(detector, text) == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Quizmaster: Ondrej Giňa ml. and his cousin.", "Ondrej Giňa ml."),  # Slovak "younger"
        ("The deed was signed by Juan Pérez Jr. and his sister.", "Juan Pérez Jr."),
        ("Attendees: Mthunzi Dube Jnr, Sibusiso Ngcobo.", "Mthunzi Dube Jnr"),
    ],
)
def test_words_after_or_inside_a_name_that_are_part_of_it(
    detector: PiiDetector, text: str, name: str
) -> None:
    assert name in persons(detector, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("On Fridays it is Breindel, Mendel's wife, who helps.", "Breindel"),  # Yiddish, to another person
        ("The keys went to Tavita, Losa's husband, on Monday.", "Tavita"),  # Samoan
        ("Cover on nights: Themba (no surname given) until Friday.", "Themba"),  # a note on the name
        ("Thandeka (first name only) starts on Monday as a temp.", "Thandeka"),
        ("Gulnora (maiden name Rashidova) signed twice.", "Gulnora"),  # Uzbek
        ("Iñaki mentioned the boiler again.", "Iñaki"),  # Basque, what a person did
        ("Ikaika nodded and left the yard.", "Ikaika"),  # Hawaiian
        ("His uncle, Mjomba Hamisi, drove them to Moshi.", "Hamisi"),  # Swahili, a kin appositive and a title
        ("Then Nodira noticed the pallets were short.", "Nodira"),
        ("Round the Oulu site; please make sure Väinö has the certificates.", "Väinö"),  # Finnish
        ("Please remind Oghenekaro to bring the keys.", "Oghenekaro"),  # Urhobo
        ("Can you tell Thanh Huong that the van is late?", "Thanh Huong"),  # Vietnamese
    ],
)
def test_one_word_names_by_the_words_around_them(detector: PiiDetector, text: str, name: str) -> None:
    assert name in persons(detector, text)


@pytest.mark.parametrize(
    "text",
    [
        "Lagos, Nigeria's largest city, was the venue.",
        "Cork (no parking on Sundays) is the nearest town.",
        "Python (aka the snake language) is used for the scripts.",
        "Toyota stopped production in May; France promised more aid.",
        "The Notch signal stopped at day 3 and the Wnt pathway nodded off.",
        "The office is at Novák st. 12, by the market.",
        "Yesterday Paris hosted the summit.",
        "Smith told Reuters the deal was off; we asked Microsoft for a refund.",
        "Ensure that Notch is expressed; make sure Bluetooth works.",
    ],
)
def test_places_firms_products_and_science_stay_clear(detector: PiiDetector, text: str) -> None:
    found = persons(detector, text)
    clear = ("Lagos", "Cork", "Python", "Toyota", "France", "Notch", "Wnt", "Paris", "Sr.", "st.", "Reuters")
    clear += ("Microsoft", "Bluetooth")
    assert not any(word in " ".join(found) for word in clear)
