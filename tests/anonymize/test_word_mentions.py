"""A full name's words at their other mentions, after the late name steps (``anonymize.word_mentions``), on
hand-made results: an everyday given name only in a person's slot, a rare one anywhere."""

from __future__ import annotations

import pytest

from anonymize.name_lexicon import NameLexicon
from anonymize.word_mentions import name_word_mentions, person_slot
from tests.anonymize.results_at import result_at


def mentions(text: str, full_name: str, lexicon: NameLexicon, *others: tuple[str, str]) -> list[str]:
    results = [result_at(text, full_name), *(result_at(text, v, t) for v, t in others)]
    return [text[r.start : r.end] for r in name_word_mentions(text, results, lexicon)]


def test_an_everyday_given_name_in_a_signature_a_salutation_and_after_a_comma(lexicon: NameLexicon) -> None:
    """ "Chance Okonkwo" signs "Kind regards, Chance"; "Hope," opens a mail alone on its line."""
    text = "On 2 Nov, Chance Okonkwo wrote:\n> Thanks for your patience.\n> Kind regards, Chance\n"
    assert mentions(text, "Chance Okonkwo", lexicon) == ["Chance"]
    text = "From: Hope Owusu-Achiaw\n\nHope,\n\nthanks for this. I have no hope of a visa.\n\nHope\n"
    assert mentions(text, "Hope Owusu-Achiaw", lexicon) == ["Hope", "Hope"]


def test_a_weekday_that_names_a_person_yields_the_date_to_the_name(lexicon: NameLexicon) -> None:
    """The NER model's one-word date gives way where nothing makes it the day ("Ah no, Sunday moved"), not
    in a date's slot ("by Sunday", "Sunday 15 March")."""
    text = (
        "Could Sunday Eze do it? Ah no, Sunday moved to Ibadan. We cannot staff it by Sunday. "
        "Rota: Sunday 15 March."
    )
    found = mentions(text, "Sunday Eze", lexicon, ("Sunday", "DATE_TIME"))
    assert found == ["Sunday"]
    assert (
        text.index("Sunday moved")
        == [r.start for r in name_word_mentions(text, [result_at(text, "Sunday Eze")], lexicon)][0]
    )


def test_a_rare_name_word_past_the_models_date(lexicon: NameLexicon) -> None:
    """ "Pieter-Jan" read as a date by the model is the name at each mention."""
    text = "I agree with Pieter-Jan Claes. With Pieter-Jan as deputy, and Pieter-Jan's notes."
    found = mentions(text, "Pieter-Jan Claes", lexicon, ("Pieter-Jan", "DATE_TIME"))
    assert found == ["Pieter-Jan", "Pieter-Jan"]


@pytest.mark.parametrize(
    "text",
    [
        "Chance Okonkwo called. The Chance Manhattan file is missing.",  # a determiner
        "Lovely Akhmedova wrote. Dear Lovely Customer, thanks.",  # another capitalized word after it
        'Faith Latu leads. The sermon "Faith that works" is at ten.',  # a quotation's first word
        "Lovely Akhmedova wrote. Lovely review, thank you.",  # a sentence's start before a noun
        "Sunday Eze called. See you on Sunday.",  # the weekday after its preposition
    ],
)
def test_the_everyday_word_stays_a_word(text: str, lexicon: NameLexicon) -> None:
    full = " ".join(text.split()[:2]).rstrip(".")
    assert mentions(text, full, lexicon) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Bold Tsend leads; Bold trained in Biella.", "Bold"),  # inside a sentence
        ("Faith Latu collects names. Faith also needs two drivers.", "Faith"),  # a person's verb
        ("Sunday Ekwueme joins later.\nSunday asked whether the letter can use his name.", "Sunday"),
        ("Chance Holloway (guest): Hi everyone, Chance here.", "Chance"),
    ],
)
def test_in_a_persons_slot_the_everyday_word_is_the_name(text: str, word: str, lexicon: NameLexicon) -> None:
    start = text.index(word, text.index(word) + 1)
    assert person_slot(text, start, start + len(word))
    full = " ".join(text.split()[:2]).rstrip(".;:(")
    assert mentions(text, full, lexicon) == [word]


def test_a_name_in_capitals_is_found_in_title_case(lexicon: NameLexicon) -> None:
    """ "OLUWASEUN ADEBAYO-WILLIAMS" in a heading, "Chief Adebayo-Williams" in the statement."""
    text = "STATEMENT OF OLUWASEUN ADEBAYO-WILLIAMS\n\nI know the Claimant, Chief Adebayo-Williams, well."
    assert mentions(text, "OLUWASEUN ADEBAYO-WILLIAMS", lexicon) == ["Adebayo-Williams"]


def test_one_word_names_and_places_spread_nothing(lexicon: NameLexicon) -> None:
    """Only the words of a name of two or more words spread; a known place's word does not ("Laleh Tehran",
    a misprint, beside "not Tehran")."""
    text = "Ask Hope. Hope is a virtue."
    assert mentions(text, "Hope", lexicon) == []
    text = 'Her card was misprinted as "Laleh Tehran". She is from Shiraz, not Tehran.'
    assert mentions(text, "Laleh Tehran", lexicon) == []


def test_a_one_word_name_found_in_lower_case_or_capitals_at_its_title_case_mentions(
    lexicon: NameLexicon,
) -> None:
    """Session 26: a chat's "thanks nacho" and a rooming list's "BEER" under "NICK" name the same person at
    their title-case mentions in a person's slot: a name called alone ("ay, true. Nacho?"), joined to another
    name ("Beer and Golf are vegetarian"), after a title ("not Khun Ping"); not where the word is the word
    ("Nacho cheese", "No beer", "Ping me", "Golf clubs", "the Ping River")."""
    chat = "19:11 - Javi: ay, true. Nacho?\n19:16 - Marisol: thanks nacho\nNacho cheese is fine."
    lower = result_at(chat, "nacho", "PERSON", "LowerCaseNameRecognizer")
    found = name_word_mentions(chat, [lower], lexicon)
    assert [(chat[r.start : r.end], r.start) for r in found] == [("Nacho", chat.index("Nacho?"))]
    sheet = (
        "4   THANAWAT    BEER  TWIN\n5   PAKORN      GOLF  TWIN\n8   WARUNEE     PING  TWIN\n"
        "- Beer and Golf are vegetarian. No beer at dinner.\n- Lanterns by the Ping River (not Khun Ping).\n"
        "- Ping me if late. Golf clubs go in the hold.\n"
    )
    nicks = [result_at(sheet, nick, "PERSON", "NameHeaderColumn") for nick in ("BEER", "GOLF", "PING")]
    found = name_word_mentions(sheet, nicks, lexicon)
    assert [(sheet[r.start : r.end], r.start) for r in found] == [
        ("Beer", sheet.index("Beer and")),
        ("Golf", sheet.index("Golf are")),
        ("Ping", sheet.index("Ping)")),
    ]
    # The NER model's one-word reading is no source: a title-case word it took stays its own.
    model = [result_at(chat, "nacho", "PERSON", "SpacyRecognizer")]
    assert name_word_mentions(chat, model, lexicon) == []


def test_an_arabic_particle_joined_to_a_surname(lexicon: NameLexicon) -> None:
    """ "al-Zahrani's calculations" after "Khalil ibn Sulaiman al-Zahrani": the particle in lower case."""
    text = "Reference for Khalil ibn Sulaiman al-Zahrani.\nDr Cheikh told me that al-Zahrani's figures held."
    assert mentions(text, "Khalil ibn Sulaiman al-Zahrani", lexicon) == ["al-Zahrani"]


@pytest.mark.parametrize(
    "text",
    [
        "Blessing of the new site is on Friday.",  # at a sentence's start before a noun's complement
        "Any Blessing ceremony today?",  # after a determiner
        "The Blessing and Grace Chapel",  # after a determiner
    ],
)
def test_a_one_word_lower_case_name_stays_the_word_outside_a_slot(text: str, lexicon: NameLexicon) -> None:
    full = "- femi / blessing: confirm cover\n" + text
    found = name_word_mentions(
        full, [result_at(full, "blessing", "PERSON", "LowerCaseNameRecognizer")], lexicon
    )
    assert found == []
